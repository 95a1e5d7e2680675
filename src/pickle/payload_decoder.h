// Turns the text of a pickled payload (standard base64 of a bz2- or zlib-compressed pickle, as
// Beam's picklers write it) into the pickle bytes, without ever looking inside the pickle.
// First step of payload analysis: pipeline reader -> PickledPayload -> DecodePayload ->
// ReadPickle. Decompression is bounded per payload and per run so that a decompression bomb
// becomes an error value, never an out-of-memory crash.
#ifndef BEAMCOMPAT_PICKLE_PAYLOAD_DECODER_H_
#define BEAMCOMPAT_PICKLE_PAYLOAD_DECODER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace beamcompat {

struct DecodeLimits {
  uint64_t max_payload_bytes = uint64_t{64} << 20;  // decompressed size of one payload
  uint64_t max_run_bytes = uint64_t{1} << 30;       // decompressed size of all payloads
};

// Shared by every payload of one run (and every thread decoding them).
class DecompressionBudget {
 public:
  explicit DecompressionBudget(uint64_t limit) : limit_(limit) {}
  // Reserves `bytes` of the run's budget; false (and nothing reserved) when it would overflow.
  bool Take(uint64_t bytes);
  uint64_t used() const { return used_.load(); }
  uint64_t limit() const { return limit_; }

 private:
  const uint64_t limit_;
  std::atomic<uint64_t> used_{0};
};

enum class Compression { kBzip2, kZlib, kNone };
const char* CompressionName(Compression compression);  // "bz2", "zlib", "none"

struct DecodedPayload {
  bool ok = false;
  Compression compression = Compression::kNone;
  std::string pickle;  // the decompressed pickle bytes when ok
  std::string error;   // what went wrong otherwise: "invalid base64 character '!' at offset 12"
};

// Strict standard base64 (A-Z a-z 0-9 + /, '=' padding, no whitespace). False with a message
// naming the first bad offset.
bool DecodeBase64(std::string_view text, std::string* out, std::string* error);

// Decompresses bz2 ("BZh") or zlib (0x78 with a valid header check) by magic; an uncompressed
// pickle (0x80 PROTO) is passed through.
DecodedPayload Decompress(std::string_view compressed, const DecodeLimits& limits,
                          DecompressionBudget* budget);

// Hashes a payload text's length and its two ends: distinct bz2 and zlib payloads differ in
// their first bytes (block CRC, deflate data) and last ones (stream CRC, Adler-32), so this
// tells them apart without hashing kilobytes; equal hashes still compare the whole text.
struct PayloadTextHash {
  size_t operator()(std::string_view text) const {
    constexpr size_t kEnd = 48;
    std::hash<std::string_view> hash;
    if (text.size() <= 2 * kEnd) return hash(text);
    return hash(text.substr(0, kEnd)) ^ hash(text.substr(text.size() - kEnd)) * 31 ^ text.size();
  }
};

// DecodeBase64 then Decompress.
DecodedPayload DecodePayload(std::string_view base64_text, const DecodeLimits& limits,
                             DecompressionBudget* budget);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PAYLOAD_DECODER_H_
