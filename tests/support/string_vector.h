// Lets doctest print std::vector<std::string> values, so a failed CHECK on a list of
// messages shows both lists instead of "{?}".
#ifndef BEAMCOMPAT_TESTS_SUPPORT_STRING_VECTOR_H_
#define BEAMCOMPAT_TESTS_SUPPORT_STRING_VECTOR_H_

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", \"" : "\"") + values[i] + "\"";
    out += "}";
    return String(out.c_str());
  }
};
}  // namespace doctest

#endif  // BEAMCOMPAT_TESTS_SUPPORT_STRING_VECTOR_H_
