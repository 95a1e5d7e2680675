// The human format: one block per diagnostic (`location: CODE severity: message`, then
// `help:` lines and, for diagnose, the evidence), notes, a summary line and the rules that
// could not be evaluated with the reason.
#ifndef BEAMCOMPAT_REPORT_TEXT_REPORTER_H_
#define BEAMCOMPAT_REPORT_TEXT_REPORTER_H_

#include "report/reporter.h"

namespace beamcompat {

class TextReporter : public Reporter {
 public:
  explicit TextReporter(ReporterOptions options) : options_(std::move(options)) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  ReporterOptions options_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_TEXT_REPORTER_H_
