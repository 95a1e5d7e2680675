// The output model shared by check, diagnose and lint: one Diagnostic per finding, a Report
// holding them with the rules that produced them. Reporters (text, JSON, SARIF, GitHub)
// only read this.
#ifndef BEAMCOMPAT_REPORT_DIAGNOSTIC_H_
#define BEAMCOMPAT_REPORT_DIAGNOSTIC_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/location.h"

namespace beamcompat {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };
const char* SeverityName(Severity severity);  // "info", "warning", "error"
// Parses "info" | "warning" | "error"; false on anything else.
bool ParseSeverity(std::string_view text, Severity* out);

// What a rule is, independent of any finding: listed by `rules`, `explain` and SARIF.
struct RuleInfo {
  std::string code;  // "BC001"
  std::string name;  // "beam-version-mismatch"
  Severity default_severity = Severity::kError;
  std::string summary;    // one line
  std::string rationale;  // why it matters
  std::string fix;        // what to do
  std::string example;    // optional: an example input that fires it
  SourceLocation defined_at;  // rule file and line
};

struct EvidenceLine {
  int line = 0;  // 1-based line in the input log
  std::string text;
};

using KeyValues = std::vector<std::pair<std::string, std::string>>;

struct Diagnostic {
  std::string code;
  std::string name;
  Severity severity = Severity::kError;
  std::string message;
  std::vector<std::string> help;  // fix lines
  SourceLocation location;
  KeyValues facts;     // the facts the message was filled from, in a stable order
  // diagnose only:
  std::string diagnosis_class;  // "missing_module", ...
  int count = 0;                // occurrences in the log
  std::vector<EvidenceLine> evidence;
  KeyValues captures;
};

struct NotEvaluated {
  std::string code;
  std::string reason;  // "no runtime list given"
};

struct Report {
  std::vector<Diagnostic> diagnostics;
  std::vector<NotEvaluated> not_evaluated;
  std::vector<RuleInfo> rules;  // every rule that was in force, for SARIF's rules[]
  std::vector<std::string> notes;  // input warnings worth showing with the report
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_DIAGNOSTIC_H_
