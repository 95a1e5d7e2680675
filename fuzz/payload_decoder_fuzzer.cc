// Fuzzes payload decoding (base64 -> bz2/zlib -> bytes) with small caps, so that bombs and
// corrupt streams are exercised quickly: any input must end in a value, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pickle/payload_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  beamcompat::DecodeLimits limits;
  limits.max_payload_bytes = 1 << 20;
  limits.max_run_bytes = 4 << 20;
  beamcompat::DecompressionBudget budget(limits.max_run_bytes);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  beamcompat::DecodePayload(text, limits, &budget);
  beamcompat::Decompress(text, limits, &budget);
  return 0;
}
