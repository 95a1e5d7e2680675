#include "pickle/payload_decoder.h"

#include <bzlib.h>
#include <fmt/format.h>
#include <zlib.h>

#include <array>
#include <cstdlib>
#include <limits>
#include <vector>

namespace beamcompat {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kKeptBuffer = 4 << 20;

constexpr std::array<int8_t, 256> MakeBase64Table() {
  std::array<int8_t, 256> table{};
  for (auto& entry : table) entry = -1;
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < kAlphabet.size(); ++i) {
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
  }
  return table;
}
constexpr std::array<int8_t, 256> kBase64 = MakeBase64Table();

std::string ShowChar(char c) {
  auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x21 && byte < 0x7f) return std::string(1, c);
  return fmt::format("\\x{:02x}", byte);
}

std::string MiB(uint64_t bytes) {
  if (bytes % (uint64_t{1} << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

// Makes room after `produced` bytes of `buffer` (grown by doubling, never shrunk: it is
// reused across payloads) and says how much may be written within the per-payload cap.
bool Room(std::string* buffer, size_t produced, const DecodeLimits& limits, size_t* room,
          std::string* error) {
  if (produced >= limits.max_payload_bytes) {
    *error = fmt::format("decompressed payload exceeds the {} per-payload limit",
                         MiB(limits.max_payload_bytes));
    return false;
  }
  if (buffer->size() <= produced) buffer->resize(std::max(kChunk, buffer->size() * 2));
  *room = std::min<uint64_t>(buffer->size(), limits.max_payload_bytes) - produced;
  *room = std::min<size_t>(*room, std::numeric_limits<unsigned>::max());
  return true;
}

// Charges the bytes produced since the last call to the run's budget.
bool Charge(size_t produced, size_t* charged, DecompressionBudget* budget, std::string* error) {
  if (budget == nullptr || produced == *charged) return true;
  if (!budget->Take(produced - *charged)) {
    *error = fmt::format("decompressed payloads exceed the {} per-run limit", MiB(budget->limit()));
    return false;
  }
  *charged = produced;
  return true;
}

// libbz2 allocates its ~3.6 MB block tables for every stream; fresh mmap'd pages for each
// small payload cost more than decompressing it. Freed blocks are kept per thread and reused.
class BlockCache {
 public:
  ~BlockCache() {
    for (auto& block : free_) std::free(block.data);
  }
  void* Get(size_t size) {
    for (size_t i = 0; i < free_.size(); ++i) {
      if (free_[i].size == size) {
        Block block = free_[i];
        free_.erase(free_.begin() + static_cast<ptrdiff_t>(i));
        sizes_.push_back(block);  // handed out again: Put must know it to keep it
        return block.data;
      }
    }
    void* data = std::malloc(size);
    if (data != nullptr) sizes_.push_back(Block{data, size});
    return data;
  }
  void Put(void* data) {
    for (size_t i = 0; i < sizes_.size(); ++i) {
      if (sizes_[i].data != data) continue;
      if (free_.size() < kMaxCached) {
        free_.push_back(sizes_[i]);
      } else {
        std::free(data);
      }
      sizes_.erase(sizes_.begin() + static_cast<ptrdiff_t>(i));
      return;
    }
    std::free(data);
  }

 private:
  struct Block {
    void* data;
    size_t size;
  };
  static constexpr size_t kMaxCached = 4;
  std::vector<Block> sizes_;  // blocks handed out
  std::vector<Block> free_;   // blocks kept for reuse
};

void* BzAlloc(void* opaque, int items, int size) {
  return static_cast<BlockCache*>(opaque)->Get(static_cast<size_t>(items) * size);
}

void BzFree(void* opaque, void* data) { static_cast<BlockCache*>(opaque)->Put(data); }

// Decompresses into `out` (a reusable buffer, possibly larger); *size = bytes produced.
bool InflateBzip2(std::string_view in, const DecodeLimits& limits, DecompressionBudget* budget,
                  std::string* out, size_t* size, std::string* error) {
  thread_local BlockCache cache;
  bz_stream stream{};
  stream.bzalloc = BzAlloc;
  stream.bzfree = BzFree;
  stream.opaque = &cache;
  if (BZ2_bzDecompressInit(&stream, 0, 0) != BZ_OK) {
    *error = "cannot initialise the bz2 decompressor";
    return false;
  }
  stream.next_in = const_cast<char*>(in.data());
  stream.avail_in = static_cast<unsigned>(in.size());
  size_t produced = 0, charged = 0, room = 0;
  int rc = BZ_OK;
  while (rc == BZ_OK) {
    if (!Room(out, produced, limits, &room, error)) break;
    stream.next_out = out->data() + produced;
    stream.avail_out = static_cast<unsigned>(room);
    rc = BZ2_bzDecompress(&stream);
    produced += room - stream.avail_out;
    if (!Charge(produced, &charged, budget, error)) {
      rc = BZ_MEM_ERROR;
    } else if (rc == BZ_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      *error = fmt::format("truncated bz2 stream (ends after {} bytes)", in.size());
      rc = BZ_UNEXPECTED_EOF;
    } else if (rc != BZ_OK && rc != BZ_STREAM_END) {
      *error = fmt::format("corrupt bz2 stream (error {} at input byte {})", rc,
                           in.size() - stream.avail_in);
    }
  }
  size_t unused = stream.avail_in;
  BZ2_bzDecompressEnd(&stream);
  if (rc != BZ_STREAM_END) return false;
  if (unused != 0) {
    *error = fmt::format("{} bytes of trailing data after the bz2 stream", unused);
    return false;
  }
  *size = produced;
  return true;
}

bool InflateZlib(std::string_view in, const DecodeLimits& limits, DecompressionBudget* budget,
                 std::string* out, size_t* size, std::string* error) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) {
    *error = "cannot initialise the zlib decompressor";
    return false;
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  size_t produced = 0, charged = 0, room = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {
    if (!Room(out, produced, limits, &room, error)) break;
    stream.next_out = reinterpret_cast<Bytef*>(out->data() + produced);
    stream.avail_out = static_cast<uInt>(room);
    rc = inflate(&stream, Z_NO_FLUSH);
    produced += room - stream.avail_out;
    if (!Charge(produced, &charged, budget, error)) {
      rc = Z_MEM_ERROR;
    } else if ((rc == Z_OK || rc == Z_BUF_ERROR) && stream.avail_in == 0 && stream.avail_out != 0) {
      *error = fmt::format("truncated zlib stream (ends after {} bytes)", in.size());
      rc = Z_DATA_ERROR;
    } else if (rc == Z_BUF_ERROR) {
      rc = Z_OK;  // no progress possible without more output space: grow and retry
    } else if (rc != Z_OK && rc != Z_STREAM_END) {
      *error =
          fmt::format("corrupt zlib stream ({} at input byte {})",
                      stream.msg != nullptr ? stream.msg : "error", in.size() - stream.avail_in);
    }
  }
  size_t unused = stream.avail_in;
  inflateEnd(&stream);
  if (rc != Z_STREAM_END) return false;
  if (unused != 0) {
    *error = fmt::format("{} bytes of trailing data after the zlib stream", unused);
    return false;
  }
  *size = produced;
  return true;
}

bool IsZlibHeader(std::string_view in) {
  if (in.size() < 2) return false;
  auto cmf = static_cast<unsigned char>(in[0]);
  auto flg = static_cast<unsigned char>(in[1]);
  return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

}  // namespace

bool DecompressionBudget::Take(uint64_t bytes) {
  uint64_t used = used_.load();
  do {
    if (bytes > limit_ - used) return false;
  } while (!used_.compare_exchange_weak(used, used + bytes));
  return true;
}

const char* CompressionName(Compression compression) {
  switch (compression) {
    case Compression::kBzip2:
      return "bz2";
    case Compression::kZlib:
      return "zlib";
    case Compression::kNone:
      return "none";
  }
  return "none";
}

namespace {

// Names the first character that is not base64, for the error message.
bool InvalidBase64(std::string_view body, std::string* error) {
  for (size_t i = 0; i < body.size(); ++i) {
    if (kBase64[static_cast<unsigned char>(body[i])] < 0) {
      *error = fmt::format("invalid base64 character '{}' at offset {}", ShowChar(body[i]), i);
      return false;
    }
  }
  return true;
}

}  // namespace

bool DecodeBase64(std::string_view text, std::string* out, std::string* error) {
  size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  std::string_view body = text.substr(0, text.size() - padding);
  size_t whole = body.size() / 4;  // complete groups of four characters
  size_t tail = body.size() % 4;
  out->resize(whole * 3 + (tail > 1 ? tail - 1 : 0));
  char* dest = out->data();
  // Four characters give three bytes; a negative table entry anywhere marks bad input, which
  // is looked for once, after the loop, to keep the loop free of branches on the data.
  int8_t bad = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(body.data());
  for (size_t group = 0; group < whole; ++group, in += 4, dest += 3) {
    int8_t a = kBase64[in[0]], b = kBase64[in[1]], c = kBase64[in[2]], d = kBase64[in[3]];
    bad |= static_cast<int8_t>(a | b | c | d);
    uint32_t bits = static_cast<uint32_t>(a & 63) << 18 | static_cast<uint32_t>(b & 63) << 12 |
                    static_cast<uint32_t>(c & 63) << 6 | static_cast<uint32_t>(d & 63);
    dest[0] = static_cast<char>(bits >> 16);
    dest[1] = static_cast<char>(bits >> 8);
    dest[2] = static_cast<char>(bits);
  }
  uint32_t bits = 0;
  for (size_t i = 0; i < tail; ++i) {
    int8_t value = kBase64[in[i]];
    bad |= value;
    bits = bits << 6 | static_cast<uint32_t>(value & 63);
  }
  if (bad < 0 && !InvalidBase64(body, error)) return false;
  if (text.size() % 4 != 0 || (padding > 0 && tail + padding != 4) || tail == 1) {
    *error =
        fmt::format("base64 text of {} characters is not padded to a multiple of 4", text.size());
    return false;
  }
  if (tail == 2) dest[0] = static_cast<char>(bits >> 4);
  if (tail == 3) {
    dest[0] = static_cast<char>(bits >> 10);
    dest[1] = static_cast<char>(bits >> 2);
  }
  return true;
}

DecodedPayload Decompress(std::string_view compressed, const DecodeLimits& limits,
                          DecompressionBudget* budget) {
  DecodedPayload result;
  // Output goes to a per-thread buffer that is reused: fresh pages for every small payload
  // cost more than decompressing it. Only the exact result is copied out.
  thread_local std::string buffer;
  size_t size = 0;
  if (compressed.substr(0, 3) == "BZh") {
    result.compression = Compression::kBzip2;
    result.ok = InflateBzip2(compressed, limits, budget, &buffer, &size, &result.error);
    if (result.ok) result.pickle.assign(buffer.data(), size);
  } else if (IsZlibHeader(compressed)) {
    result.compression = Compression::kZlib;
    result.ok = InflateZlib(compressed, limits, budget, &buffer, &size, &result.error);
    if (result.ok) result.pickle.assign(buffer.data(), size);
  } else if (!compressed.empty() && compressed[0] == '\x80') {
    result.ok = true;
    result.pickle.assign(compressed);
  } else if (compressed.empty()) {
    result.error = "empty payload";
  } else {
    std::string head;
    for (char c : compressed.substr(0, 4))
      head += fmt::format("{:02x}", static_cast<unsigned char>(c));
    result.error = fmt::format(
        "payload is neither bz2 ('BZh') nor zlib compressed nor a pickle (starts with "
        "bytes {})",
        head);
  }
  if (!result.ok) result.pickle.clear();
  if (buffer.size() > kKeptBuffer) buffer = std::string();  // keep only a modest buffer
  return result;
}

DecodedPayload DecodePayload(std::string_view base64_text, const DecodeLimits& limits,
                             DecompressionBudget* budget) {
  thread_local std::string compressed;  // reused: only the decompressed result is kept
  DecodedPayload result;
  if (!DecodeBase64(base64_text, &compressed, &result.error)) return result;
  return Decompress(compressed, limits, budget);
}

}  // namespace beamcompat
