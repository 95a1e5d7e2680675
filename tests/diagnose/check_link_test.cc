#include "diagnose/check_link.h"

#include <doctest/doctest.h>

namespace beamcompat {
namespace {

Diagnostic Check(const std::string& code, KeyValues facts) {
  Diagnostic d;
  d.code = code;
  d.message = code + " finding";
  d.facts = std::move(facts);
  return d;
}

}  // namespace

TEST_CASE("CheckLink shows the related check findings once, after their diagnosis") {
  SignatureRule missing, version;
  missing.info.code = "BD002";
  missing.check_rules = {"BC006", "BC014"};
  version.info.code = "BD020";
  version.check_rules = {"BC002", "BC003"};
  std::vector<Diagnosis> diagnoses(3);
  diagnoses[0].rule = &missing;
  diagnoses[0].captures = {{"module", "yaml"}};
  diagnoses[1].rule = &version;
  diagnoses[2].rule = &version;
  Report report;
  report.diagnostics.resize(3);
  report.diagnostics[0].code = "BD002";
  report.diagnostics[0].facts = {{"distribution", "PyYAML"}};
  report.diagnostics[1].code = "BD020";
  report.diagnostics[2].code = "BD020";
  Report checks;
  checks.diagnostics = {Check("BC006", {{"item.name", "numpy"}}), Check("BC006", {{"item.name", "pyyaml"}}),
                        Check("BC002", {{"launch.python", "3.10"}}), Check("BC014", {{"item.module", "yaml"}}), Check("BC001", {})};
  LinkCheckDiagnostics(diagnoses, checks, &report);
  std::vector<std::string> codes;
  for (const Diagnostic& d : report.diagnostics) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"BD002", "BC006", "BC014", "BD020", "BC002", "BD020"});
  CHECK(report.diagnostics[1].facts[0].second == "pyyaml");
  CHECK(report.diagnostics[0].facts.back() == std::pair<std::string, std::string>{"check", "BC006 BC014"});
  CHECK(report.diagnostics[5].facts.back() == std::pair<std::string, std::string>{"check", "BC002"});
}

}  // namespace beamcompat
