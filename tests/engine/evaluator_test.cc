#include "engine/evaluator.h"

#include <doctest/doctest.h>

#include <string>

#include "base/file_system.h"
#include "base/message.h"
#include "engine/fact_schema.h"
#include "facts/fact_set.h"
#include "facts/image_name.h"
#include "facts/package_name.h"
#include "ruleset/rule_directory.h"
#include "support/shipped_rules.h"

namespace beamcompat {
namespace {

using Pins = std::vector<std::pair<std::string, std::string>>;

PackageList List(const std::string& file, const Pins& pins) {
  PackageList list;
  list.file = file;
  int line = 1;
  for (const auto& [name, version] : pins) {
    Package package;
    package.name = name;
    package.key = NormalizePackageName(name);
    package.version_text = version;
    package.version = Version::Parse(version);
    package.where = AtLine(file, line++);
    list.packages.push_back(std::move(package));
  }
  list.Reindex();
  return list;
}

StagedArtifact Artifact(const std::string& env, int index, const std::string& name) {
  StagedArtifact artifact;
  artifact.staged_name = name;
  artifact.type_urn = "beam:artifact:type:file:v1";
  artifact.role_urn = "beam:artifact:role:staging_to:v1";
  artifact.proto_path =
      "components.environments['" + env + "'].dependencies[" + std::to_string(index) + "]";
  return artifact;
}

PipelineEnvironment Env(const std::string& id, const std::string& image, const std::string& python,
                        const std::string& beam, const std::vector<std::string>& staged = {}) {
  PipelineEnvironment env;
  env.id = id;
  env.urn = "beam:env:docker:v1";
  env.image = ParseImageName(image);
  env.proto_path = "components.environments['" + id + "']";
  SdkBase sdk;
  sdk.capability = "beam:version:sdk_base:apache/beam_python" + python + "_sdk:" + beam;
  sdk.python = python;
  sdk.beam_version = beam;
  sdk.proto_path = env.proto_path + ".capabilities[3]";
  env.sdk_base = sdk;
  env.is_python = true;
  for (size_t i = 0; i < staged.size(); ++i) {
    env.artifacts.push_back(Artifact(id, static_cast<int>(i), staged[i]));
  }
  return env;
}

FactSet WithPipeline(std::vector<PipelineEnvironment> envs) {
  FactSet facts;
  facts.pipeline.emplace();
  facts.pipeline->file = "pipeline.pb";
  facts.pipeline->environments = std::move(envs);
  return facts;
}

// A version fact read from line `line` of a package list.
Fact<std::string> FromList(const std::string& value, const std::string& file, int line) {
  return {value, "pip freeze list", AtLine(file, line)};
}

Fact<std::string> Flag(const std::string& value, const std::string& flag) {
  return {value, flag + " flag", {}};
}

// One line per diagnostic ("BC001 error runtime.txt:2: message"), then not-evaluated lines,
// for the rules whose code starts with `prefix`.
std::string Run(const FactSet& facts, const std::string& prefix) {
  std::vector<SelectedRule> selected;
  for (const Rule& rule : ShippedRules().rules) {
    if (rule.info.code.starts_with(prefix)) selected.push_back({&rule, std::nullopt, ""});
  }
  Report report = Evaluate(selected, facts);
  std::string out;
  for (const Diagnostic& d : report.diagnostics) {
    out += d.code + " " + SeverityName(d.severity) + " " + d.location.ToString() + ": " +
           d.message + "\n";
  }
  for (const NotEvaluated& n : report.not_evaluated) {
    out += "not evaluated " + n.code + ": " + n.reason + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("evaluator: the shipped check rules are exactly BC001-BC016 and BC090") {
  std::string codes;
  for (const Rule& rule : ShippedRules().rules) {
    if (rule.info.code.starts_with("BC")) codes += rule.info.code + " " + rule.info.name + "\n";
  }
  CHECK(codes ==
        "BC001 beam-version-mismatch\nBC002 python-version-mismatch\n"
        "BC003 container-image-mismatch\nBC004 dev-sdk-release-image\n"
        "BC005 protobuf-incompatible\nBC006 package-drift\n"
        "BC007 requirements-with-custom-image\nBC008 beam-missing-at-runtime\n"
        "BC009 extra-package-incompatible\nBC010 pickler-missing-at-runtime\n"
        "BC011 pickler-version-mismatch\nBC012 mixed-picklers\n"
        "BC013 main-session-required\nBC014 module-missing-at-runtime\n"
        "BC015 referenced-package-drift\nBC016 module-needs-newer-package\n"
        "BC090 unreadable-payload\n");
}

TEST_CASE("evaluator: BC001 compares Beam versions with Beam's rc tolerance") {
  FactSet facts;
  facts.launch.beam_version = FromList("2.56.0", "launch.txt", 1);
  facts.runtime.beam_version = FromList("2.55.1", "runtime.txt", 2);
  CHECK(Run(facts, "BC001") ==
        "BC001 error runtime.txt:2: launch Beam 2.56.0 differs from runtime Beam 2.55.1\n");
  facts.launch.beam_version = FromList("2.55.1rc2", "launch.txt", 1);
  CHECK(Run(facts, "BC001") == "");
  facts.launch.beam_version = FromList("2.55.1.dev0", "launch.txt", 1);
  CHECK(Run(facts, "BC001") ==
        "BC001 error runtime.txt:2: launch Beam 2.55.1.dev0 differs from runtime Beam 2.55.1\n");
  facts.pipeline.emplace();
  facts.pipeline->file = "pipeline.pb";
  facts.runtime.beam_version = Fact<std::string>{
      "2.55.1", "container image name", AtPath("pipeline.pb", "components.environments['e']")};
  CHECK(Run(facts, "BC001") == "");
  facts.runtime.beam_version.reset();
  CHECK(Run(facts, "BC001") ==
        "not evaluated BC001: no runtime Beam version known (give --runtime with a list that "
        "has apache-beam, or a Beam SDK image as --runtime-image)\n");
}

TEST_CASE("evaluator: BC002 compares Python major.minor from flags, lists and images") {
  FactSet facts;
  facts.launch.python = Flag("3.11.4", "--launch-python");
  facts.runtime.python = Fact<std::string>{"3.10", "container image name", {}};
  CHECK(Run(facts, "BC002") ==
        "BC002 error container image name: launch Python 3.11 differs from runtime Python "
        "3.10\n");
  facts.runtime.python = Flag("3.11", "--runtime-python");
  CHECK(Run(facts, "BC002") == "");
}

TEST_CASE("evaluator: BC003 reads the image and sdk_base of each environment") {
  FactSet facts = WithPipeline({
      Env("a", "apache/beam_python3.11_sdk:2.56.0", "3.10", "2.56.0"),
      Env("b", "gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.57.0", "3.10", "2.57.0rc1"),
      Env("c", "gcr.io/cloud-dataflow/v1beta3/beam_python3.12_sdk:beam-master-20240918", "3.12",
          "2.61.0.dev0"),
      Env("d", "apache/beam_python3.10_sdk:beam-master-20240918", "3.10", "2.56.0"),
      Env("e", "us-docker.pkg.dev/p/r/worker:1", "3.10", "2.56.0+custom"),
      Env("f", "apache/beam_python3.10_sdk:2.56.0", "3.10", "2.56.0+custom"),
  });
  CHECK(Run(facts, "BC003") ==
        "BC003 error pipeline.pb: components.environments['a']: environment 'a' runs image "
        "apache/beam_python3.11_sdk:2.56.0, but the pipeline was built by Beam 2.56.0 on Python "
        "3.10\n"
        "BC003 error pipeline.pb: components.environments['d']: environment 'd' runs image "
        "apache/beam_python3.10_sdk:beam-master-20240918, but the pipeline was built by Beam "
        "2.56.0 on Python 3.10\n");
  CHECK(Run(FactSet(), "BC003") ==
        "not evaluated BC003: no pipeline given (give --pipeline or --staging)\n");
}

TEST_CASE("evaluator: BC004 compares a dev, rc or local launch SDK with the runtime image") {
  auto run = [](const std::string& launch, const std::string& image) {
    FactSet facts;
    facts.launch.beam_version = FromList(launch, "launch.txt", 1);
    facts.runtime.image = Fact<ImageName>{ParseImageName(image), "--runtime-image flag", {}};
    return Run(facts, "BC004");
  };
  CHECK(run("2.57.0rc1", "gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.57.0") ==
        "BC004 warning --runtime-image flag: Beam 2.57.0rc1 at launch is a dev, rc or local "
        "build, but the workers run the release image "
        "gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.57.0\n");
  CHECK(run("2.56.0+custom", "apache/beam_python3.10_sdk:2.56.0").starts_with("BC004 warning"));
  CHECK(run("2.61.0.dev0", "apache/beam_python3.12_sdk:beam-master-20240918") == "");
  CHECK(run("2.56.0", "apache/beam_python3.10_sdk:2.56.0") == "");
  CHECK(run("2.57.0rc1", "us-docker.pkg.dev/p/r/worker:1") == "");
  CHECK(run("2.57.0rc1", "apache/beam_python3.10_sdk:2.57.0rc1") == "");
  CHECK(Run(FactSet(), "BC004") ==
        "not evaluated BC004: no launch Beam version known (give --launch with a list that has "
        "apache-beam, or --pipeline)\n");
}

TEST_CASE("evaluator: BC005 is an error across majors and a warning for a newer launch minor") {
  FactSet facts;
  facts.runtime.packages = List("runtime.txt", {{"protobuf", "4.25.3"}});
  facts.launch.packages = List("launch.txt", {{"protobuf", "5.27.0"}});
  CHECK(Run(facts, "BC005") ==
        "BC005 error runtime.txt:1: protobuf 5.27.0 at launch is newer than or incompatible "
        "with protobuf 4.25.3 at runtime\n");
  facts.launch.packages = List("launch.txt", {{"protobuf", "4.26.1"}});
  CHECK(Run(facts, "BC005").starts_with("BC005 warning runtime.txt:1:"));
  facts.launch.packages = List("launch.txt", {{"protobuf", "4.24.0"}});
  CHECK(Run(facts, "BC005") == "");
}

TEST_CASE("evaluator: BC006 reports drift per package by name, skipping covered packages") {
  FactSet facts;
  facts.launch.packages = List("launch.txt", {{"pandas", "2.2.2"},
                                              {"apache-beam", "2.56.0"},
                                              {"Dill", "0.3.1.1"},
                                              {"black", "24.1.0"},
                                              {"numpy", "1.26.4"},
                                              {"PyYAML", "6.0.1"}});
  facts.runtime.packages = List("runtime.txt", {{"numpy", "1.24.4"},
                                                {"apache-beam", "2.55.0"},
                                                {"dill", "0.3.8"},
                                                {"pyyaml", "6.0.1"},
                                                {"pandas", "2.1.4"}});
  CHECK(Run(facts, "BC006") ==
        "BC006 info runtime.txt:1: numpy is 1.26.4 at launch but 1.24.4 at runtime\n"
        "BC006 info runtime.txt:5: pandas is 2.2.2 at launch but 2.1.4 at runtime\n");
}

TEST_CASE("evaluator: BC007 warns about staged requirements with a custom image") {
  FactSet facts = WithPipeline({
      Env("custom", "us-docker.pkg.dev/p/r/worker:1", "3.10", "2.56.0",
          {"requirements.txt", "submission_environment_dependencies.txt"}),
      Env("default", "apache/beam_python3.10_sdk:2.56.0", "3.10", "2.56.0", {"requirements.txt"}),
  });
  CHECK(Run(facts, "BC007") ==
        "BC007 warning pipeline.pb: components.environments['custom'].dependencies[0]: "
        "environment 'custom' stages requirements.txt but runs the custom image "
        "us-docker.pkg.dev/p/r/worker:1\n");
}

TEST_CASE("evaluator: BC008 fires when the runtime list lacks apache-beam") {
  FactSet facts;
  facts.runtime.packages = List("runtime.txt", {{"numpy", "1.26.4"}});
  CHECK(Run(facts, "BC008") ==
        "BC008 error runtime.txt: the runtime package list runtime.txt has no apache-beam\n");
  facts.runtime.packages = List("runtime.txt", {{"Apache_Beam", "2.56.0"}});
  CHECK(Run(facts, "BC008") == "");
}

TEST_CASE("evaluator: BC009 checks staged wheel tags against the runtime Python") {
  FactSet facts = WithPipeline({Env(
      "e", "apache/beam_python3.11_sdk:2.56.0", "3.11", "2.56.0",
      {"mylib-1.0-cp310-cp310-manylinux_2_17_x86_64.whl", "pure-1.0-py2.py3-none-any.whl",
       "fast-2.0-cp311-cp311-manylinux2014_x86_64.whl",
       "stable-1.0-cp38-abi3-manylinux_2_28_x86_64.whl",
       "mac-1.0-cp311-cp311-macosx_11_0_arm64.whl", "musl-1.0-py3-none-musllinux_1_2_x86_64.whl",
       "newabi-1.0-cp312-abi3-manylinux_2_28_x86_64.whl", "workflow.tar.gz"})});
  facts.runtime.python = Flag("3.11", "--runtime-python");
  CHECK(Run(facts, "BC009") ==
        "BC009 error pipeline.pb: components.environments['e'].dependencies[0]: staged wheel "
        "mylib-1.0-cp310-cp310-manylinux_2_17_x86_64.whl cannot be installed on runtime Python "
        "3.11 on Linux x86_64\n"
        "BC009 error pipeline.pb: components.environments['e'].dependencies[4]: staged wheel "
        "mac-1.0-cp311-cp311-macosx_11_0_arm64.whl cannot be installed on runtime Python 3.11 "
        "on Linux x86_64\n"
        "BC009 error pipeline.pb: components.environments['e'].dependencies[5]: staged wheel "
        "musl-1.0-py3-none-musllinux_1_2_x86_64.whl cannot be installed on runtime Python 3.11 "
        "on Linux x86_64\n"
        "BC009 error pipeline.pb: components.environments['e'].dependencies[6]: staged wheel "
        "newabi-1.0-cp312-abi3-manylinux_2_28_x86_64.whl cannot be installed on runtime Python "
        "3.11 on Linux x86_64\n");
}

TEST_CASE("evaluator: diagnostics carry help, facts and severity overrides") {
  FactSet facts;
  facts.launch.beam_version = FromList("2.56.0", "launch.txt", 1);
  facts.runtime.beam_version = FromList("2.55.1", "runtime.txt", 1);
  const Rule* rule = ShippedRules().Find("BC001");
  REQUIRE(rule);
  Report report = Evaluate({{rule, Severity::kWarning, ""}}, facts);
  REQUIRE(report.diagnostics.size() == 1);
  const Diagnostic& d = report.diagnostics[0];
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.help ==
        std::vector<std::string>{"install apache-beam==2.56.0 in the worker image, or launch with "
                                 "apache-beam==2.55.1"});
  CHECK(d.facts == KeyValues{{"launch.beam_version", "2.56.0"},
                             {"runtime.beam_version", "2.55.1"},
                             {"runtime.beam_version.from_pipeline", "false"}});
  REQUIRE(report.rules.size() == 1);
  CHECK(report.rules[0].default_severity == Severity::kWarning);
}

}  // namespace beamcompat
