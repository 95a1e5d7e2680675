#include "pickle/payload_decoder.h"

#include <doctest/doctest.h>

#include "pickle/fixture_files.h"

namespace beamcompat {

using testing::Base64;
using testing::Bzip2;
using testing::ReadPickleFixture;
using testing::Zlib;

TEST_CASE("payload decoder: real dill DoFn payload becomes a protocol 4 pickle") {
  std::string text = ReadPickleFixture("py311/dill/module_dofn.b64");
  REQUIRE(text.substr(0, 13) == "QlpoOTFBWSZTW");
  DecompressionBudget budget(DecodeLimits{}.max_run_bytes);
  DecodedPayload decoded = DecodePayload(text, DecodeLimits{}, &budget);
  REQUIRE(decoded.ok);
  CHECK(decoded.compression == Compression::kBzip2);
  CHECK(decoded.pickle.substr(0, 2) == "\x80\x04");
  CHECK(decoded.pickle.back() == '.');
  CHECK(budget.used() >= decoded.pickle.size());
}

TEST_CASE("payload decoder: zlib and uncompressed pickles are read too") {
  std::string pickle = "\x80\x02K\x01.";
  DecodedPayload zlib = DecodePayload(Base64(Zlib(pickle)), DecodeLimits{}, nullptr);
  REQUIRE(zlib.ok);
  CHECK(zlib.compression == Compression::kZlib);
  CHECK(zlib.pickle == pickle);
  DecodedPayload raw = DecodePayload(Base64(pickle), DecodeLimits{}, nullptr);
  REQUIRE(raw.ok);
  CHECK(raw.compression == Compression::kNone);
  CHECK(raw.pickle == pickle);
}

TEST_CASE("payload decoder: bad base64 names the character and its offset") {
  std::string out, error;
  CHECK_FALSE(DecodeBase64("QlpoOT!BWSZT", &out, &error));
  CHECK(error == "invalid base64 character '!' at offset 6");
  CHECK_FALSE(DecodeBase64("QlpoOTFB\nWSZT", &out, &error));
  CHECK(error == "invalid base64 character '\\x0a' at offset 8");
  CHECK_FALSE(DecodeBase64("QlpoOTF", &out, &error));
  CHECK(error == "base64 text of 7 characters is not padded to a multiple of 4");
  CHECK_FALSE(DecodeBase64("Ql=oOTFB", &out, &error));
  CHECK(error == "invalid base64 character '=' at offset 2");
  REQUIRE(DecodeBase64("YWI=", &out, &error));
  CHECK(out == "ab");
  REQUIRE(DecodeBase64("YQ==", &out, &error));
  CHECK(out == "a");
}

TEST_CASE("payload decoder: base64 round-trips every length and byte value") {
  std::string bytes;
  for (int i = 0; i < 300; ++i) bytes += static_cast<char>((i * 37 + 11) & 0xff);
  for (size_t length = 0; length <= bytes.size(); ++length) {
    CAPTURE(length);
    std::string out = "stale", error;
    REQUIRE(DecodeBase64(Base64(bytes.substr(0, length)), &out, &error));
    CHECK(out == bytes.substr(0, length));
  }
  std::string out, error;
  CHECK_FALSE(DecodeBase64(Base64(bytes) + "A", &out, &error));  // a lone sixth bit group
  CHECK(error == "base64 text of 401 characters is not padded to a multiple of 4");
}

TEST_CASE("payload decoder: truncated and corrupt bz2 streams are errors") {
  std::string compressed = Bzip2(std::string(5000, 'x') + "tail");
  DecodedPayload truncated =
      Decompress(compressed.substr(0, compressed.size() - 8), DecodeLimits{}, nullptr);
  CHECK_FALSE(truncated.ok);
  CHECK(truncated.error ==
        "truncated bz2 stream (ends after " + std::to_string(compressed.size() - 8) + " bytes)");
  std::string corrupt = compressed;
  corrupt[20] = static_cast<char>(corrupt[20] ^ 0x55);
  DecodedPayload bad = Decompress(corrupt, DecodeLimits{}, nullptr);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.rfind("corrupt bz2 stream", 0) == 0);
  DecodedPayload trailing = Decompress(compressed + "xyz", DecodeLimits{}, nullptr);
  CHECK(trailing.error == "3 bytes of trailing data after the bz2 stream");
}

TEST_CASE("payload decoder: a decompression bomb stops at the per-payload cap") {
  std::string bomb = Bzip2(std::string(size_t{3} << 20, '\0'));  // 3 MiB of zeros
  CHECK(bomb.size() < 200);
  DecodeLimits limits;
  limits.max_payload_bytes = uint64_t{1} << 20;
  DecompressionBudget budget(limits.max_run_bytes);
  DecodedPayload result = Decompress(bomb, limits, &budget);
  CHECK_FALSE(result.ok);
  CHECK(result.error == "decompressed payload exceeds the 1 MiB per-payload limit");
  CHECK(result.pickle.empty());
  CHECK(budget.used() == uint64_t{1} << 20);
}

TEST_CASE("payload decoder: the run budget is shared across payloads") {
  std::string payload = Zlib(std::string(300000, 'a'));
  DecodeLimits limits;
  DecompressionBudget budget(500000);
  CHECK(Decompress(payload, limits, &budget).ok);
  DecodedPayload second = Decompress(payload, limits, &budget);
  CHECK_FALSE(second.ok);
  CHECK(second.error == "decompressed payloads exceed the 500000 bytes per-run limit");
}

TEST_CASE("payload decoder: unknown compression shows the first bytes") {
  DecodedPayload result = DecodePayload(Base64("PK\x03\x04rest"), DecodeLimits{}, nullptr);
  CHECK_FALSE(result.ok);
  CHECK(result.error ==
        "payload is neither bz2 ('BZh') nor zlib compressed nor a pickle (starts with bytes "
        "504b0304)");
  CHECK(DecodePayload("", DecodeLimits{}, nullptr).error == "empty payload");
}

}  // namespace beamcompat
