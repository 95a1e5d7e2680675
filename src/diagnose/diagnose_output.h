// Text and JSON output of `beamcompat diagnose`. Kept apart from the command so that it can
// be replaced by the shared reporters (src/report/) once they print the diagnose fields
// (class, count, evidence, captures); until then this is the one place that formats them.
#ifndef BEAMCOMPAT_DIAGNOSE_DIAGNOSE_OUTPUT_H_
#define BEAMCOMPAT_DIAGNOSE_DIAGNOSE_OUTPUT_H_

#include <iosfwd>
#include <string>

#include "input/log_reader.h"
#include "report/diagnostic.h"

namespace beamcompat {

struct DiagnoseSummary {
  std::string log_name;
  LogReadResult read;
  int overflow = 0;  // occurrences of failures past the distinct-failure cap
};

void WriteDiagnoseText(const Report& report, const DiagnoseSummary& summary, bool statistics,
                       std::ostream& out);
void WriteDiagnoseJson(const Report& report, const DiagnoseSummary& summary, std::ostream& out);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_DIAGNOSE_OUTPUT_H_
