// Fuzz target for the Dockerfile reader: any bytes must give a model and messages, never a
// crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/message.h"
#include "lint/dockerfile_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  beamcompat::Messages messages;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  beamcompat::ReadDockerfile("Dockerfile", text, &messages);
  return 0;
}
