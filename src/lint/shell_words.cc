#include "lint/shell_words.h"

#include <cctype>

namespace beamcompat {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsSeparator(char c) { return c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')'; }

// Walks the text once; `word_` collects the current word, `command_` the current command.
class Splitter {
 public:
  explicit Splitter(std::string_view text) : text_(text) {}

  std::vector<ShellCommand> Run() {
    while (pos_ < text_.size()) Step();
    EndCommand();
    return std::move(commands_);
  }

 private:
  void Step() {
    char c = text_[pos_];
    if (IsBlank(c)) {
      EndWord();
      ++pos_;
    } else if (c == '#' && !in_word_) {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    } else if (IsSeparator(c)) {
      EndCommand();
      ++pos_;
    } else if (c == '>' || c == '<') {
      Redirect();
    } else if (c == '\'') {
      SingleQuoted();
    } else if (c == '"') {
      DoubleQuoted();
    } else if (c == '\\') {
      Escaped();
    } else {
      Append(c);
      ++pos_;
    }
  }

  void StartWordIfNeeded() {
    if (in_word_) return;
    in_word_ = true;
    word_ = ShellWord{};
    word_.offset = pos_;
  }
  void Append(char c) {
    StartWordIfNeeded();
    word_.text += c;
  }
  void EndWord() {
    if (!in_word_) return;
    command_.push_back(std::move(word_));
    in_word_ = false;
  }
  void EndCommand() {
    EndWord();
    if (!command_.empty()) commands_.push_back(std::move(command_));
    command_.clear();
  }

  // `2>&1`, `> /dev/null`, `< file`: neither the operator nor its target is an argument.
  void Redirect() {
    bool fd_prefix = in_word_ && !word_.text.empty() &&
                     word_.text.find_first_not_of("0123456789") == std::string::npos;
    if (fd_prefix) in_word_ = false;
    EndWord();
    while (pos_ < text_.size() && (text_[pos_] == '>' || text_[pos_] == '<')) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '&') ++pos_;
    while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
    while (pos_ < text_.size() && !IsBlank(text_[pos_]) && !IsSeparator(text_[pos_])) ++pos_;
  }

  void SingleQuoted() {
    StartWordIfNeeded();
    word_.single_quoted = true;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '\'') word_.text += text_[pos_++];
    if (pos_ < text_.size()) ++pos_;
  }

  void DoubleQuoted() {
    StartWordIfNeeded();
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size() &&
          std::string_view("\"\\$`\n").find(text_[pos_ + 1]) != std::string_view::npos) {
        ++pos_;
      }
      word_.text += text_[pos_++];
    }
    if (pos_ < text_.size()) ++pos_;
  }

  void Escaped() {
    ++pos_;
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\n') {  // a line continuation inside a heredoc script
      ++pos_;
      return;
    }
    Append(text_[pos_++]);
  }

  std::string_view text_;
  size_t pos_ = 0;
  bool in_word_ = false;
  ShellWord word_;
  ShellCommand command_;
  std::vector<ShellCommand> commands_;
};

}  // namespace

std::vector<ShellCommand> SplitShellCommands(std::string_view text) {
  return Splitter(text).Run();
}

}  // namespace beamcompat
