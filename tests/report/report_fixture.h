// A small realistic lint report shared by the reporter tests: two rules, three findings
// (one inside a binary proto), so each output format is checked on the same input.
#ifndef BEAMCOMPAT_TESTS_REPORT_REPORT_FIXTURE_H_
#define BEAMCOMPAT_TESTS_REPORT_REPORT_FIXTURE_H_

#include "report/diagnostic.h"

namespace beamcompat {

inline Report SampleLintReport() {
  Report report;
  RuleInfo bl001{"BL001", "image-beam-version-mismatch", Severity::kError,
                 "The Beam SDK image's version differs from the apache-beam pin.",
                 "Workers start the SDK of the image; a different pinned apache-beam fails the "
                 "compatibility check at run time.",
                 "Use the image tag that equals the apache-beam pin.",
                 "FROM apache/beam_python3.10_sdk:2.47.0", {}};
  RuleInfo bl004{"BL004", "unpinned-beam", Severity::kWarning,
                 "apache-beam is installed without an exact pin.", "", "Pin apache-beam==X.Y.Z.",
                 "", {}};
  report.rules = {bl001, bl004};
  Diagnostic d1;
  d1.code = "BL001";
  d1.name = "image-beam-version-mismatch";
  d1.severity = Severity::kError;
  d1.message = "image 'apache/beam_python3.10_sdk:2.47.0' has Beam 2.47.0, but requirements.txt "
               "pins apache-beam==2.48.0";
  d1.help = {"use apache/beam_python3.10_sdk:2.48.0"};
  d1.location = AtLine("docker/Dockerfile", 4, 6);
  Diagnostic d2;
  d2.code = "BL004";
  d2.name = "unpinned-beam";
  d2.severity = Severity::kWarning;
  d2.message = "apache-beam[gcp]>=2.40, is not pinned: 100% of builds may differ";
  d2.location = AtLine("requirements.txt", 2, 1);
  Diagnostic d3 = d1;
  d3.location = AtPath("pipeline.pb", "components.environments['env']");
  report.diagnostics = {d1, d2, d3};
  return report;
}

}  // namespace beamcompat

#endif  // BEAMCOMPAT_TESTS_REPORT_REPORT_FIXTURE_H_
