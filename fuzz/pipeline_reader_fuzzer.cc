// Fuzzes the pipeline reader with arbitrary bytes: binary, text and JSON pipelines must give
// facts or a located error, never a crash or a hang. Also checks that every error is located.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/message.h"
#include "input/pipeline_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  beamcompat::Messages messages;
  std::string contents(reinterpret_cast<const char*>(data), size);
  std::optional<beamcompat::PipelineFacts> facts =
      beamcompat::ParsePipeline("fuzz.pb", std::move(contents), &messages);
  if (!facts && !messages.has_errors()) std::abort();  // a failure must say why
  for (const beamcompat::Message& message : messages.all()) {
    if (message.where.file != "fuzz.pb") std::abort();
  }
  if (facts) {
    // Every view must point into bytes the facts keep alive (ASan checks the reads).
    volatile size_t touch = 0;
    auto read = [&touch](std::string_view text) {
      for (char c : text) touch = touch + static_cast<unsigned char>(c);
    };
    for (const auto& transform : facts->transforms) {
      for (std::string_view text : {transform.id, transform.unique_name, transform.urn,
                                    transform.environment_id}) {
        read(text);
      }
      for (const auto& payload : transform.payloads) {
        read(payload.urn);
        read(payload.encoded);
      }
    }
  }
  return 0;
}
