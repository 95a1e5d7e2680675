#include "diagnose/diagnoser.h"

#include <sstream>

#include <doctest/doctest.h>

#include "base/file_system.h"
#include "base/message.h"
#include "diagnose/diagnose_report.h"
#include "diagnose/signature_loader.h"
#include "pickle/module_map.h"

namespace beamcompat {
namespace {

// The shipped rules, loaded once for every test here.
const SignatureRuleSet& ShippedRules() {
  static const SignatureRuleSet* set = [] {
    RealFileSystem fs;
    std::vector<SignatureRule> rules;
    Messages messages;
    LoadSignatureRules(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/diagnose", &rules, &messages);
    auto* built = new SignatureRuleSet();
    std::string error;
    built->Build(std::move(rules), &error);
    return built;
  }();
  return *set;
}

// The shipped table that names distributions, as diagnose reads it when a diagnosis names a
// package.
const ModuleMap& ShippedDistributions() {
  static const ModuleMap* table = [] {
    RealFileSystem fs;
    Messages messages;
    return new ModuleMap(*ModuleMap::LoadDistributions(
        fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages));
  }();
  return *table;
}

Report Diagnose(const std::string& log, const FactSet* facts = nullptr,
                const ModuleMap* modules = &ShippedDistributions()) {
  Diagnoser diagnoser(ShippedRules());
  std::istringstream in(log);
  LogReadResult read = ReadLog(in, [&](const LogLine& line) { diagnoser.Feed(line); });
  diagnoser.Finish();
  DiagnoseSource source{"worker.log", read.format == LogFormat::kCloudLoggingJson};
  return BuildDiagnoseReport(diagnoser.diagnoses(), ShippedRules(), source, facts, modules);
}

std::string Capture(const Diagnostic& d, const std::string& name) {
  for (const auto& [k, v] : d.captures) {
    if (k == name) return v;
  }
  return "";
}

constexpr const char* kUnpickleTraceback = R"(2024-05-01 12:00:01,000 ERROR Error processing instruction process_bundle-%d. Original traceback is
Traceback (most recent call last):
  File "/usr/local/lib/python3.10/site-packages/apache_beam/runners/worker/bundle_processor.py", line 1009, in __init__
    self.ops = self.create_execution_tree(self.process_bundle_descriptor)
  File "/usr/local/lib/python3.10/site-packages/apache_beam/internal/dill_pickler.py", line 418, in loads
    return dill.loads(s)
  File "/usr/local/lib/python3.10/site-packages/dill/_dill.py", line 442, in find_class
    return StockUnpickler.find_class(self, module, name)
ModuleNotFoundError: No module named 'yaml'
)";

std::string Repeat(const char* format, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) {
    char buffer[2048];
    std::snprintf(buffer, sizeof buffer, format, 1000 + i);
    out += buffer;
  }
  return out;
}

}  // namespace

TEST_CASE("Diagnoser explains every shipped rule's own example with that rule") {
  for (const SignatureRule& rule : ShippedRules().rules()) {
    if (rule.info.example.empty() || rule.frames || rule.fallback) continue;
    std::string line = rule.info.example;
    std::string type, message;
    if (rule.exception && !ParseExceptionLine(line, false, &type, &message)) {
      line = "RuntimeError: " + line;
    }
    CAPTURE(rule.info.code);
    Report report = Diagnose(line + "\n");
    REQUIRE(report.diagnostics.size() >= 1);
    CHECK(report.diagnostics[0].code == rule.info.code);
  }
}

TEST_CASE("Diagnoser folds repeated failures into one diagnosis with a count") {
  Report report = Diagnose(Repeat(kUnpickleTraceback, 3));
  REQUIRE(report.diagnostics.size() == 1);
  const Diagnostic& d = report.diagnostics[0];
  CHECK(d.code == "BD002");
  CHECK(d.diagnosis_class == "missing_module");
  CHECK(d.count == 3);
  CHECK(d.location.ToString() == "worker.log:9");
  CHECK(Capture(d, "module") == "yaml");
  CHECK(d.help[0] == "install PyYAML in the worker image, or list it in --requirements_file or in setup.py's install_requires");
  REQUIRE(d.evidence.size() == 3);
  CHECK(d.evidence[0].line == 5);
  CHECK(d.evidence[2].text == "ModuleNotFoundError: No module named 'yaml'");
}

TEST_CASE("Diagnoser tells an import in user code from one while unpickling") {
  Report report = Diagnose(R"(Traceback (most recent call last):
  File "/home/me/pipeline.py", line 4, in <module>
    import pandas
ModuleNotFoundError: No module named 'pandas'
)");
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].code == "BD003");
  CHECK(report.diagnostics[0].message == "module 'pandas' cannot be imported by <module> (/home/me/pipeline.py:4)");
}

TEST_CASE("Diagnoser prefers the most specific rule across a chained exception") {
  Report report = Diagnose(R"(Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/apache_beam/runners/worker/sdk_worker_main.py", line 137, in create_harness
    _load_main_session(semi_persistent_directory)
  File "/usr/local/lib/python3.11/site-packages/dill/_dill.py", line 275, in load_session
    module = unpickler.load()
ModuleNotFoundError: No module named 'google.cloud.bigquery'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/apache_beam/runners/worker/sdk_worker_main.py", line 140, in create_harness
    raise CorruptMainSessionException('Could not load main session.')
apache_beam.runners.worker.sdk_worker_main.CorruptMainSessionException: Could not load main session.
)");
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].code == "BD002");
  CHECK(report.diagnostics[0].help[0].rfind("install google-cloud-bigquery in", 0) == 0);
  CHECK(report.diagnostics[0].evidence.back().text ==
        "apache_beam.runners.worker.sdk_worker_main.CorruptMainSessionException: Could not load main session.");
}

TEST_CASE("Diagnoser parses both sdk_base capabilities into versions") {
  const char* kLine =
      "RuntimeError: Pipeline construction environment and pipeline runtime environment are not "
      "compatible. If you use a custom container image, check that the Python interpreter minor "
      "version and the Apache Beam version in your image match the versions used at pipeline "
      "construction time. Submission environment: beam:version:sdk_base:apache/beam_python3.10_sdk:%s. "
      "Runtime environment: beam:version:sdk_base:apache/beam_python%s_sdk:2.48.0. Worker ID: w-1\n";
  char python[1024], beam[1024];
  std::snprintf(python, sizeof python, kLine, "2.48.0", "3.11");
  std::snprintf(beam, sizeof beam, kLine, "2.50.0rc1", "3.10");
  Report a = Diagnose(python);
  REQUIRE(a.diagnostics.size() == 1);
  CHECK(a.diagnostics[0].code == "BD020");
  CHECK(a.diagnostics[0].diagnosis_class == "python_version_mismatch");
  CHECK(a.diagnostics[0].message == "the worker runs Python 3.11 but the pipeline was built with Python 3.10");
  Report b = Diagnose(beam);
  REQUIRE(b.diagnostics.size() == 1);
  CHECK(b.diagnostics[0].code == "BD021");
  CHECK(Capture(b.diagnostics[0], "launch_beam") == "2.50.0rc1");
  CHECK(Capture(b.diagnostics[0], "runtime_beam") == "2.48.0");
}

TEST_CASE("Diagnoser reports unknown exceptions under other with their frame") {
  Report report = Diagnose(R"(Traceback (most recent call last):
  File "/app/transforms.py", line 88, in process
    yield int(row["n"])
ValueError: invalid literal for int() with base 10: 'x'
)");
  REQUIRE(report.diagnostics.size() == 1);
  const Diagnostic& d = report.diagnostics[0];
  CHECK(d.code == "BD900");
  CHECK(d.diagnosis_class == "other");
  CHECK(d.message == "ValueError: invalid literal for int() with base 10: 'x'");
  CHECK(d.help[0] == "raised in process at /app/transforms.py:88");
}

TEST_CASE("Diagnoser words a bare exception line without a made-up frame") {
  // Job summaries and copied error messages often keep only the exception line.
  Report report = Diagnose(
      "ModuleNotFoundError: No module named 'shop_lib'\n"
      "NameError: name 'json' is not defined\n"
      "ValueError: invalid literal for int() with base 10: 'x'\n");
  REQUIRE(report.diagnostics.size() == 3);
  CHECK(report.diagnostics[0].message == "module 'shop_lib' cannot be imported");
  CHECK(report.diagnostics[1].message ==
        "'json' is not defined on the worker: globals of the main module are not pickled with "
        "the function");
  CHECK(report.diagnostics[2].help[0] ==
        "printed without its traceback here; the worker's log has the frames");
}

TEST_CASE("Diagnoser finds nothing in a clean log") {
  CHECK(Diagnose("2024-05-01 12:00:00,000 INFO all good\nUserWarning: deprecated\n").diagnostics.empty());
}

TEST_CASE("Diagnoser locates failures in JSON exports by entry") {
  Report report = Diagnose(R"([{"severity": "ERROR", "textPayload": "ERROR: No matching distribution found for tensorflow==2.99.0"},
 {"severity": "ERROR", "textPayload": "ERROR: No matching distribution found for tensorflow==2.99.0"}])");
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].code == "BD060");
  CHECK(report.diagnostics[0].count == 2);
  CHECK(report.diagnostics[0].location.ToString() == "worker.log: entry 1");
  CHECK(Capture(report.diagnostics[0], "package") == "tensorflow");
}

TEST_CASE("Diagnoser ties a missing module to the launch and runtime lists") {
  FactSet facts;
  PackageList launch, runtime;
  launch.packages.push_back(Package{.name = "PyYAML", .key = "pyyaml", .version_text = "6.0.1"});
  launch.Reindex();
  runtime.packages.push_back(Package{.name = "apache-beam", .key = "apache-beam", .version_text = "2.48.0"});
  runtime.Reindex();
  facts.launch.packages = launch;
  facts.runtime.packages = runtime;
  Report report = Diagnose(Repeat(kUnpickleTraceback, 1), &facts);
  REQUIRE(report.diagnostics.size() == 1);
  const Diagnostic& d = report.diagnostics[0];
  CHECK(d.message == "module 'yaml' is not installed on the worker; it is needed to unpickle the "
                     "pipeline's code; 'yaml' is provided by PyYAML 6.0.1 at launch; the runtime "
                     "list has no PyYAML");
  CHECK(d.facts == KeyValues{{"distribution", "PyYAML"}, {"launch.version", "6.0.1"}, {"runtime.version", "absent"}});
}

TEST_CASE("Diagnoser names the listed distribution the module map finds for a module") {
  RealFileSystem fs;
  Messages messages;
  std::optional<ModuleMap> modules =
      ModuleMap::Load(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);
  REQUIRE(modules.has_value());
  FactSet facts;
  PackageList launch;
  launch.packages.push_back(Package{.name = "PyYAML", .key = "pyyaml", .version_text = "6.0.1"});
  launch.Reindex();
  facts.launch.packages = launch;
  facts.runtime.packages = PackageList();
  const char* log = "Traceback (most recent call last):\n  File \"/app/io.py\", line 3, in <module>\n"
                    "ModuleNotFoundError: No module named '_yaml'\n";
  Report with_map = Diagnose(log, &facts, &*modules);
  REQUIRE(with_map.diagnostics.size() == 1);
  CHECK(with_map.diagnostics[0].message ==
        "module '_yaml' cannot be imported by <module> (/app/io.py:3); '_yaml' is provided by "
        "PyYAML 6.0.1 at launch; the runtime list has no PyYAML");
  // Without lists to look in, the shipped table still names the distribution to install;
  // without any module data, only the top-level module name is left.
  Report log_only = Diagnose(log);
  CHECK(log_only.diagnostics[0].help[0].rfind("install PyYAML where", 0) == 0);
  Report without_map = Diagnose(log, &facts, nullptr);
  CHECK(without_map.diagnostics[0].help[0].rfind("install _yaml where", 0) == 0);
}

TEST_CASE("ExpandTemplate fills known names and keeps unknown ones") {
  KeyValues a = {{"module", "yaml"}};
  KeyValues b = {{"module", "other"}, {"file", "x.py"}};
  CHECK(ExpandTemplate("{module} in {file} {nope}", {&a, &b}) == "yaml in x.py {nope}");
  CHECK(ExpandTemplate("unclosed {module", {&a}) == "unclosed {module");
}

}  // namespace beamcompat
