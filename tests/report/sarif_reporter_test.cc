#include "report/sarif_reporter.h"

#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/report_fixture.h"

namespace beamcompat {

TEST_CASE("sarif: driver rules and results GitHub code scanning needs") {
  std::ostringstream out;
  WriteSarif(SampleLintReport(), SarifOptions{"1.2.3", "https://example.org/beamcompat"}, out);
  nlohmann::json log = nlohmann::json::parse(out.str());
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  const nlohmann::json& run = log["runs"][0];
  const nlohmann::json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "beamcompat");
  CHECK(driver["semanticVersion"] == "1.2.3");
  CHECK(driver["informationUri"] == "https://example.org/beamcompat");
  REQUIRE(driver["rules"].size() == 2);
  const nlohmann::json& rule = driver["rules"][1];
  CHECK(rule["id"] == "BL004");
  CHECK(rule["name"] == "unpinned-beam");
  CHECK(rule["shortDescription"]["text"] == "apache-beam is installed without an exact pin.");
  CHECK(rule["fullDescription"]["text"] == "apache-beam is installed without an exact pin.");
  CHECK(rule["help"]["text"] == "Pin apache-beam==X.Y.Z.");
  CHECK(rule["defaultConfiguration"]["level"] == "warning");
  const nlohmann::json& results = run["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[1]["ruleId"] == "BL004");
  CHECK(results[1]["ruleIndex"] == 1);
  CHECK(results[1]["level"] == "warning");
  const nlohmann::json& region = results[0]["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startLine"] == 4);
  CHECK(region["startColumn"] == 6);
  CHECK(region["endLine"] == 4);
  CHECK(results[0]["message"]["text"] ==
        "image 'apache/beam_python3.10_sdk:2.47.0' has Beam 2.47.0, but requirements.txt pins "
        "apache-beam==2.48.0\nuse apache/beam_python3.10_sdk:2.48.0");
  const nlohmann::json& proto = results[2]["locations"][0];
  CHECK(proto["physicalLocation"]["artifactLocation"]["uri"] == "pipeline.pb");
  CHECK(proto["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(proto["logicalLocations"][0]["fullyQualifiedName"] == "components.environments['env']");
  std::string fp0 = results[0]["partialFingerprints"]["beamcompatFindingHash/v1"];
  std::string fp2 = results[2]["partialFingerprints"]["beamcompatFindingHash/v1"];
  CHECK(fp0.size() == 16);
  CHECK(fp0 != fp2);
}

TEST_CASE("sarif: URIs are relative and percent-encoded") {
  CHECK(SarifUri("./docker/My Dockerfile") == "docker/My%20Dockerfile");
  CHECK(SarifUri("req#1.txt") == "req%231.txt");
  CHECK(SarifUri("/work/repo/Dockerfile") == "file:///work/repo/Dockerfile");
}

}  // namespace beamcompat
