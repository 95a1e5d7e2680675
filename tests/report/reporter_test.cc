#include <doctest/doctest.h>

#include <sstream>

#include "report/color.h"
#include "report/output_format.h"

namespace beamcompat {
namespace {

Report SampleReport() {
  Report report;
  Diagnostic d;
  d.code = "BC001";
  d.name = "beam-version-mismatch";
  d.severity = Severity::kError;
  d.message = "launch Beam 2.56.0 differs from runtime Beam 2.55.1";
  d.help = {"install apache-beam==2.56.0"};
  d.location = AtLine("runtime.txt", 3);
  d.facts = {{"launch.beam_version", "2.56.0"}, {"runtime.beam_version", "2.55.1"}};
  report.diagnostics.push_back(d);
  Diagnostic info;
  info.code = "BC006";
  info.name = "package-drift";
  info.severity = Severity::kInfo;
  info.message = "numpy differs";
  info.location = AtPath("pipeline.pb", "components.environments['e']");
  report.diagnostics.push_back(info);
  report.not_evaluated.push_back({"BC009", "no pipeline given (give --pipeline)"});
  RuleInfo rule;
  rule.code = "BC009";
  rule.name = "extra-package-incompatible";
  report.rules.push_back(rule);
  return report;
}

std::string Write(const char* format, const Report& report, bool color = false) {
  std::string error;
  const OutputFormatSpec* spec = FindOutputFormat(format, &error);
  REQUIRE(spec);
  ReporterOptions options;
  options.color = color;
  options.tool_version = "1.2.3";
  std::ostringstream out;
  spec->make(options)->Write(report, out);
  return out.str();
}

}  // namespace

TEST_CASE("text reporter: blocks, summary and not-evaluated list") {
  CHECK(Write("text", SampleReport()) ==
        "runtime.txt:3: BC001 error: launch Beam 2.56.0 differs from runtime Beam 2.55.1\n"
        "  help: install apache-beam==2.56.0\n"
        "\n"
        "pipeline.pb: components.environments['e']: BC006 info: numpy differs\n"
        "\n"
        "1 error, 0 warnings, 1 info; 1 rule not evaluated\n"
        "not evaluated:\n"
        "  BC009 extra-package-incompatible: no pipeline given (give --pipeline)\n");
  CHECK(Write("text", Report()) == "0 errors, 0 warnings, 0 info\n");
}

TEST_CASE("text reporter: colour codes only when asked") {
  std::string coloured = Write("text", SampleReport(), true);
  CHECK(coloured.find("\033[1mBC001\033[0m \033[1;31merror\033[0m: launch Beam") !=
        std::string::npos);
  CHECK(Write("text", SampleReport(), false).find('\033') == std::string::npos);
  CHECK(Write("json", SampleReport(), true).find('\033') == std::string::npos);
}

TEST_CASE("json reporter: the documented shape, optional fields only when set") {
  Report report = SampleReport();
  report.diagnostics[1].diagnosis_class = "missing_module";
  report.diagnostics[1].count = 3;
  report.diagnostics[1].evidence = {{12, "ModuleNotFoundError: No module named 'x'"}};
  report.diagnostics[1].captures = {{"module", "x"}};
  CHECK(Write("json", report) == R"json({
  "tool": {
    "name": "beamcompat",
    "version": "1.2.3"
  },
  "diagnostics": [
    {
      "code": "BC001",
      "name": "beam-version-mismatch",
      "severity": "error",
      "message": "launch Beam 2.56.0 differs from runtime Beam 2.55.1",
      "help": [
        "install apache-beam==2.56.0"
      ],
      "location": {
        "file": "runtime.txt",
        "line": 3
      },
      "facts": {
        "launch.beam_version": "2.56.0",
        "runtime.beam_version": "2.55.1"
      }
    },
    {
      "code": "BC006",
      "name": "package-drift",
      "severity": "info",
      "message": "numpy differs",
      "help": [],
      "location": {
        "file": "pipeline.pb",
        "path": "components.environments['e']"
      },
      "facts": {},
      "class": "missing_module",
      "count": 3,
      "evidence": [
        {
          "line": 12,
          "text": "ModuleNotFoundError: No module named 'x'"
        }
      ],
      "captures": {
        "module": "x"
      }
    }
  ],
  "not_evaluated": [
    {
      "code": "BC009",
      "reason": "no pipeline given (give --pipeline)"
    }
  ],
  "summary": {
    "error": 1,
    "warning": 0,
    "info": 1
  }
}
)json");
}

TEST_CASE("output formats: unknown names suggest the closest") {
  std::string error;
  CHECK(FindOutputFormat("jsn", &error) == nullptr);
  CHECK(error == "unknown format 'jsn' (did you mean 'json'?); expected one of: text, json, sarif, "
                 "github");
}

TEST_CASE("colour: flag, then NO_COLOR, then FORCE_COLOR, then the terminal") {
  auto resolve = [](const std::string& flag, std::map<std::string, std::string> env, bool tty) {
    bool color = false;
    std::string error;
    if (!ResolveColor(flag, env, tty, &color, &error)) return error;
    return std::string(color ? "on" : "off");
  };
  CHECK(resolve("auto", {}, true) == "on");
  CHECK(resolve("auto", {}, false) == "off");
  CHECK(resolve("auto", {{"NO_COLOR", "1"}}, true) == "off");
  CHECK(resolve("auto", {{"NO_COLOR", ""}}, true) == "on");
  CHECK(resolve("auto", {{"FORCE_COLOR", "1"}}, false) == "on");
  CHECK(resolve("auto", {{"NO_COLOR", "1"}, {"FORCE_COLOR", "1"}}, false) == "off");
  CHECK(resolve("always", {{"NO_COLOR", "1"}}, false) == "on");
  CHECK(resolve("never", {{"FORCE_COLOR", "1"}}, true) == "off");
  CHECK(resolve("sometimes", {}, true) ==
        "unknown --color value 'sometimes'; expected auto, always or never");
}

}  // namespace beamcompat
