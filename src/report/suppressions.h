// Inline suppressions: a comment `# beamcompat: ignore[BL001,BL004] reason` on the line of a
// finding, or on the line above it, in a Dockerfile, requirements file or TOML file silences
// those rules there. A suppression that silences nothing is reported, so stale ones do not
// pile up (ruff's unused-noqa). Applied to the Report of any command.
#ifndef BEAMCOMPAT_REPORT_SUPPRESSIONS_H_
#define BEAMCOMPAT_REPORT_SUPPRESSIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/location.h"

namespace beamcompat {

class FileSystem;
class Messages;
struct Report;

struct Suppression {
  std::vector<std::string> codes;  // codes, prefixes or names
  std::string reason;
  SourceLocation where;  // the comment
};

// Every suppression comment in one file's text.
std::vector<Suppression> FindSuppressions(const std::string& file, std::string_view text);

// Reads `files` (and every file a diagnostic points at by line), drops suppressed
// diagnostics and warns about suppressions that matched none.
void ApplySuppressions(const FileSystem& fs, const std::vector<std::string>& files, Report* report,
                       Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_SUPPRESSIONS_H_
