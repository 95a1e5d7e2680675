// pip's requirements-file syntax, line by line: physical lines are joined into logical lines
// (backslash continuations, comments, indented `# via` blocks), and each logical line is
// classified as a requirement, an editable, a bare path or URL, an include (-r/-c), an option
// or a comment. The package-list readers (pip freeze, pip-compile, poetry export, Beam's
// base image list) and `lint` for requirements/constraints files both build on this.
#ifndef BEAMCOMPAT_INPUT_REQUIREMENTS_LINES_H_
#define BEAMCOMPAT_INPUT_REQUIREMENTS_LINES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "facts/requirement.h"

namespace beamcompat {

// One logical line. A continuation-joined line keeps the number of its first physical line.
struct LogicalLine {
  int line = 0;         // 1-based number of the first physical line
  size_t offset = 0;    // byte offset of the first non-blank character in the input
  std::string text;     // joined, comment removed, trimmed; "" for a comment-only line
  std::string comment;  // a comment-only line: the text after '#', untrimmed
};

// Blank lines are dropped; comment-only lines (indented or not) are kept with `comment` set,
// so readers can see pip freeze's "# Editable install ..." notes.
std::vector<LogicalLine> SplitLogicalLines(std::string_view contents);

enum class RequirementsLineKind {
  kComment,      // a comment-only line
  kRequirement,  // a PEP 508 requirement, with optional --hash and other per-line options
  kEditable,     // -e / --editable <path or VCS URL>
  kPath,         // a bare path or URL (./dist/x.whl, https://.../x.tar.gz)
  kInclude,      // -r / --requirement, -c / --constraint <file>
  kOption,       // a file-wide option (--index-url, --only-binary, --pre, ...)
  kInvalid,      // fits no form; `error` says why
};

struct RequirementsLine {
  RequirementsLineKind kind = RequirementsLineKind::kInvalid;
  int line = 0;
  size_t offset = 0;
  std::string text;                 // the logical line (see LogicalLine::text)
  std::string comment;              // kComment only
  Requirement requirement;          // kRequirement only
  std::vector<std::string> hashes;  // kRequirement: "sha256:..." of each --hash
  std::string option;               // kEditable/kInclude/kOption: the long option name,
                                    // e.g. "--editable", "--requirement", "--index-url"
  std::string value;                // the option's value, or a kPath's path/URL
  std::string error;                // kInvalid only: what was expected
  // kRequirement: pip expands ${NAME} from the environment before parsing; a version clause
  // written with one ("apache-beam==${BEAM_VERSION}") is unknown here. It is left out of
  // `requirement`, and named here with its operator.
  std::string version_variable;  // "BEAM_VERSION"
  std::string variable_operator;  // "=="
};

RequirementsLine ParseRequirementsLine(const LogicalLine& line);

// SplitLogicalLines + ParseRequirementsLine over a whole file.
std::vector<RequirementsLine> ReadRequirementsLines(std::string_view contents);

// The "#egg=name" fragment of a URL or editable target, or "".
std::string EggName(std::string_view url);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_REQUIREMENTS_LINES_H_
