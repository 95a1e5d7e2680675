// Test helpers: messages as the CLI prints them, and doctest printing for string vectors so
// a failed CHECK on a list of messages shows both lists.
#ifndef BEAMCOMPAT_TESTS_PRINTED_MESSAGES_H_
#define BEAMCOMPAT_TESTS_PRINTED_MESSAGES_H_

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/message.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (const std::string& value : values) out += "\n  \"" + value + "\"";
    return (out + "\n}").c_str();
  }
};
}  // namespace doctest

namespace beamcompat {

inline std::vector<std::string> Printed(const Messages& messages) {
  std::vector<std::string> out;
  for (const Message& m : messages.all()) out.push_back(m.ToString());
  return out;
}

}  // namespace beamcompat

#endif  // BEAMCOMPAT_TESTS_PRINTED_MESSAGES_H_
