// Fuzzes the pipeline reader with arbitrary bytes: binary, text and JSON pipelines must give
// facts or a located error, never a crash or a hang. Also checks that every error is located.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

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
    for (const auto& transform : facts->transforms) {
      for (const auto& payload : transform.payloads) {
        volatile size_t touch = 0;
        for (char c : payload.encoded) touch = touch + static_cast<unsigned char>(c);
        (void)touch;
      }
    }
  }
  return 0;
}
