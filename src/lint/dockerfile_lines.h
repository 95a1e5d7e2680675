// The first pass of the Dockerfile reader: parser directives (`# escape=`, `# syntax=`),
// logical lines (continuations with the escape character, comment lines inside them removed)
// and heredoc bodies (`RUN <<EOF ... EOF`). Every byte of a logical line can be traced back
// to its physical line and column.
#ifndef BEAMCOMPAT_LINT_DOCKERFILE_LINES_H_
#define BEAMCOMPAT_LINT_DOCKERFILE_LINES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace beamcompat {

// Text joined from several physical lines, with where each piece started.
struct LocatedText {
  struct Piece {
    size_t offset = 0;  // in `text`
    int line = 1;       // 1-based physical line
    int column = 1;     // 1-based column of the piece's first byte
  };
  std::string text;
  std::vector<Piece> pieces;  // sorted by offset; never empty once text was appended

  void Append(std::string_view part, int line, int column);
  // The physical position of the byte at `offset` (past the end: the last byte's neighbour).
  LineColumn At(size_t offset) const;
};

struct Heredoc {
  std::string delimiter;
  bool strip_tabs = false;  // `<<-`
  LocatedText body;         // lines joined with '\n', without the delimiter line
  bool terminated = true;   // false when the file ended before the delimiter
};

struct DockerfileLine {
  LocatedText text;  // the instruction and its arguments, continuations joined
  std::vector<Heredoc> heredocs;
};

struct DockerfileLines {
  char escape = '\\';
  std::string syntax;    // the `# syntax=` directive's value, if any
  int syntax_line = 0;
  std::vector<DockerfileLine> lines;
  int dangling_escape_line = 0;  // the line of a final escape with nothing after it, or 0
  std::string bad_escape;        // an `# escape=` value other than '\' or '`'
  int bad_escape_line = 0;
};

// Never fails: the result describes whatever the text holds.
DockerfileLines SplitDockerfileLines(std::string_view text);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_DOCKERFILE_LINES_H_
