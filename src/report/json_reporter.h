// The machine format: {"tool", "diagnostics", "not_evaluated", "summary"} written with
// nlohmann::ordered_json so keys keep one order and the output is byte-identical across runs.
// Optional fields (location line/column/path, diagnose's class/count/evidence/captures,
// notes) appear only when set.
#ifndef BEAMCOMPAT_REPORT_JSON_REPORTER_H_
#define BEAMCOMPAT_REPORT_JSON_REPORTER_H_

#include "report/reporter.h"

namespace beamcompat {

class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(ReporterOptions options) : options_(std::move(options)) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  ReporterOptions options_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_JSON_REPORTER_H_
