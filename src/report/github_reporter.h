// GitHub Actions workflow-command output (formats.md §13): one `::error`/`::warning`/`::notice`
// line per finding, escaped per the toolkit's rules. GitHub shows at most 10 annotations of
// each level per step, so the worst come first and a closing line counts what was not shown.
#ifndef BEAMCOMPAT_REPORT_GITHUB_REPORTER_H_
#define BEAMCOMPAT_REPORT_GITHUB_REPORTER_H_

#include <iosfwd>
#include <string>
#include <string_view>

#include "report/diagnostic.h"
#include "report/reporter.h"

namespace beamcompat {

inline constexpr int kGithubAnnotationsPerLevel = 10;

// The `--format github` row of the output-format table.
class GithubReporter : public Reporter {
 public:
  explicit GithubReporter(const ReporterOptions&) {}
  void Write(const Report& report, std::ostream& out) const override;
};

void WriteGithubAnnotations(const Report& report, std::ostream& out);

// The toolkit's escaping: message data escapes % CR LF; property values also ':' and ','.
std::string EscapeGithubData(std::string_view text);
std::string EscapeGithubProperty(std::string_view text);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_GITHUB_REPORTER_H_
