// Located messages from readers and loaders: errors that make an input unusable and warnings
// about one line that was skipped. Every reader reports through a Messages list instead of
// throwing, so the CLI decides what is fatal (exit 2) and what is printed and passed over.
#ifndef BEAMCOMPAT_BASE_MESSAGE_H_
#define BEAMCOMPAT_BASE_MESSAGE_H_

#include <string>
#include <vector>

#include "base/location.h"

namespace beamcompat {

enum class MessageLevel { kError, kWarning, kNote };

struct Message {
  MessageLevel level = MessageLevel::kError;
  SourceLocation where;
  std::string text;  // lowercase, offending tokens in 'single quotes'

  // "file:line:col: error: text".
  std::string ToString() const;
};

class Messages {
 public:
  void Error(SourceLocation where, std::string text);
  void Warning(SourceLocation where, std::string text);
  void Note(SourceLocation where, std::string text);
  void Append(const Messages& other);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Message>& all() const { return messages_; }
  bool empty() const { return messages_.empty(); }

 private:
  std::vector<Message> messages_;
  int errors_ = 0;
};

const char* LevelName(MessageLevel level);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_BASE_MESSAGE_H_
