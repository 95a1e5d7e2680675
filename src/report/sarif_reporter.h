// SARIF 2.1.0 output for GitHub code scanning (formats.md §12): one run whose tool.driver
// lists every rule in force, and one result per diagnostic with a physical location (and a
// logical location for findings inside a binary proto) and a stable fingerprint.
#ifndef BEAMCOMPAT_REPORT_SARIF_REPORTER_H_
#define BEAMCOMPAT_REPORT_SARIF_REPORTER_H_

#include <iosfwd>
#include <string>

#include "report/diagnostic.h"
#include "report/reporter.h"

namespace beamcompat {

struct SarifOptions {
  std::string tool_version = BEAMCOMPAT_VERSION;
  std::string information_uri = "https://github.com/beamcompat/beamcompat";
};

void WriteSarif(const Report& report, const SarifOptions& options, std::ostream& out);

// The `--format sarif` row of the output-format table.
class SarifReporter : public Reporter {
 public:
  explicit SarifReporter(const ReporterOptions& options);
  void Write(const Report& report, std::ostream& out) const override;

 private:
  SarifOptions options_;
};

// "error" -> "error", "warning" -> "warning", "info" -> "note".
const char* SarifLevel(Severity severity);

// A path as a SARIF URI: relative paths stay relative ("./" dropped), absolute ones become
// file:// URIs; reserved bytes are %-encoded.
std::string SarifUri(const std::string& path);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_SARIF_REPORTER_H_
