#include "base/message.h"

#include <utility>

namespace beamcompat {

const char* LevelName(MessageLevel level) {
  switch (level) {
    case MessageLevel::kError:
      return "error";
    case MessageLevel::kWarning:
      return "warning";
    case MessageLevel::kNote:
      return "note";
  }
  return "error";
}

std::string Message::ToString() const {
  std::string where_text = where.ToString();
  std::string out = where_text.empty() ? "" : where_text + ": ";
  return out + LevelName(level) + ": " + text;
}

void Messages::Error(SourceLocation where, std::string text) {
  messages_.push_back({MessageLevel::kError, std::move(where), std::move(text)});
  ++errors_;
}

void Messages::Warning(SourceLocation where, std::string text) {
  messages_.push_back({MessageLevel::kWarning, std::move(where), std::move(text)});
}

void Messages::Note(SourceLocation where, std::string text) {
  messages_.push_back({MessageLevel::kNote, std::move(where), std::move(text)});
}

void Messages::Append(const Messages& other) {
  for (const Message& m : other.messages_) messages_.push_back(m);
  errors_ += other.errors_;
}

}  // namespace beamcompat
