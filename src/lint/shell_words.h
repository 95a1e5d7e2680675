// Splits the shell text of a Dockerfile RUN instruction into simple commands and their words,
// the way a POSIX shell would before running them: quotes removed, `&&`, `||`, `;`, `|`, `&`
// and newlines separating commands, comments and redirections dropped. Each word keeps the
// offset of its first byte so readers can report the line and column it came from.
#ifndef BEAMCOMPAT_LINT_SHELL_WORDS_H_
#define BEAMCOMPAT_LINT_SHELL_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

struct ShellWord {
  std::string text;   // quotes and backslashes removed
  size_t offset = 0;  // of the word's first byte in the shell text
  bool single_quoted = false;  // some part was in '...': no variable expansion there
};

using ShellCommand = std::vector<ShellWord>;

// Never fails: an unterminated quote runs to the end of the text.
std::vector<ShellCommand> SplitShellCommands(std::string_view text);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_SHELL_WORDS_H_
