// Reporters print a Report in one output format. They know nothing about checks: check,
// diagnose and lint all print through them. The table of formats (name, help, factory) is
// in report/output_format.h.
#ifndef BEAMCOMPAT_REPORT_REPORTER_H_
#define BEAMCOMPAT_REPORT_REPORTER_H_

#include <iosfwd>
#include <string>

#include "report/diagnostic.h"

namespace beamcompat {

struct ReporterOptions {
  bool color = false;        // ANSI colour; only text-like formats use it
  std::string tool_name = "beamcompat";
  std::string tool_version;  // BEAMCOMPAT_VERSION
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Write(const Report& report, std::ostream& out) const = 0;
};

struct SeverityCounts {
  int error = 0;
  int warning = 0;
  int info = 0;
};
SeverityCounts CountSeverities(const Report& report);

// True when some diagnostic is at or above `threshold` (the --fail-on test).
bool HasFindingsAtOrAbove(const Report& report, Severity threshold);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_REPORTER_H_
