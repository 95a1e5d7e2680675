#include "report/reporter.h"

namespace beamcompat {

SeverityCounts CountSeverities(const Report& report) {
  SeverityCounts counts;
  for (const Diagnostic& d : report.diagnostics) {
    switch (d.severity) {
      case Severity::kError:
        ++counts.error;
        break;
      case Severity::kWarning:
        ++counts.warning;
        break;
      case Severity::kInfo:
        ++counts.info;
        break;
    }
  }
  return counts;
}

bool HasFindingsAtOrAbove(const Report& report, Severity threshold) {
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity >= threshold) return true;
  }
  return false;
}

}  // namespace beamcompat
