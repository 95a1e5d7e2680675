// Test helpers shared by the pickle tests: reading the committed real pickle fixtures under
// testdata/pickles/ and making compressed inputs with the real libraries.
#ifndef BEAMCOMPAT_TESTS_PICKLE_FIXTURE_FILES_H_
#define BEAMCOMPAT_TESTS_PICKLE_FIXTURE_FILES_H_

#include <bzlib.h>
#include <zlib.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace beamcompat::testing {

// testdata/pickles/<relative>, e.g. "py311/dill/module_dofn.b64"; "" when missing.
inline std::string ReadPickleFixture(const std::string& relative) {
  std::ifstream in(std::string(BEAMCOMPAT_SOURCE_DIR) + "/testdata/pickles/" + relative,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string Bzip2(std::string_view data) {
  std::string out(data.size() + data.size() / 100 + 600, '\0');
  auto size = static_cast<unsigned>(out.size());
  BZ2_bzBuffToBuffCompress(out.data(), &size, const_cast<char*>(data.data()),
                           static_cast<unsigned>(data.size()), 9, 0, 0);
  out.resize(size);
  return out;
}

inline std::string Zlib(std::string_view data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size,
            reinterpret_cast<const Bytef*>(data.data()), data.size(), 9);
  out.resize(size);
  return out;
}

inline std::string Base64(std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    uint32_t bits = (uint8_t(data[i]) << 16) | (uint8_t(data[i + 1]) << 8) | uint8_t(data[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(bits >> shift) & 63];
  }
  if (i + 1 == data.size()) {
    uint32_t bits = uint8_t(data[i]) << 16;
    out += kAlphabet[bits >> 18];
    out += kAlphabet[(bits >> 12) & 63];
    out += "==";
  } else if (i + 2 == data.size()) {
    uint32_t bits = (uint8_t(data[i]) << 16) | (uint8_t(data[i + 1]) << 8);
    out += kAlphabet[bits >> 18];
    out += kAlphabet[(bits >> 12) & 63];
    out += kAlphabet[(bits >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace beamcompat::testing

#endif  // BEAMCOMPAT_TESTS_PICKLE_FIXTURE_FILES_H_
