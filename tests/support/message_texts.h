// Test helper: the messages a reader reported, as printed ("file:line:col: error: ..."), so
// tests compare located errors by exact string.
#ifndef BEAMCOMPAT_TESTS_SUPPORT_MESSAGE_TEXTS_H_
#define BEAMCOMPAT_TESTS_SUPPORT_MESSAGE_TEXTS_H_

#include <string>
#include <vector>

#include "base/message.h"

namespace beamcompat {

inline std::vector<std::string> MessageTexts(const Messages& messages) {
  std::vector<std::string> out;
  for (const Message& m : messages.all()) out.push_back(m.ToString());
  return out;
}

}  // namespace beamcompat

#endif  // BEAMCOMPAT_TESTS_SUPPORT_MESSAGE_TEXTS_H_
