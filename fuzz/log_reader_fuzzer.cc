// Fuzz target for the diagnose input path: the log reader (text, Cloud Logging JSON, JSON
// Lines, prefixes, escapes, UTF-8 repair), the traceback parser and signature matching.
// Besides not crashing, it checks the reader's contracts: line numbers never go backwards,
// no line is longer than kMaxLineBytes, and every failure has at least one exception.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "base/message.h"
#include "diagnose/diagnoser.h"
#include "diagnose/signature_loader.h"
#include "input/log_reader.h"

namespace {

constexpr const char* kRules = R"yaml(rules:
  - code: BD001
    name: missing
    class: missing_module
    summary: s
    match:
      exception: "^(?:ModuleNotFoundError|ImportError): No module named '?(?P<module>[\\w.]+)'?"
      frames: "dill|pickler"
    message: "{module} {function}"
    package: "{module}"
  - code: BD002
    name: sdk
    class: python_version_mismatch
    summary: s
    match:
      exception: "Submission environment: (?P<launch_sdk_base>\\S*?)\\.? Runtime environment: (?P<runtime_sdk_base>\\S*?)\\.?(?:\\s|$)"
      when: ["{launch_python} != {runtime_python}"]
    message: "{launch_python}"
  - code: BD003
    name: pip
    class: install_failure
    summary: s
    match:
      line: "No matching distribution found for (?P<requirement>\\S+)"
    message: "{requirement}"
  - code: BD900
    name: other
    class: other
    summary: s
    match:
      fallback: true
    message: "{type}: {exception_message} {file}"
)yaml";

const beamcompat::SignatureRuleSet& Rules() {
  static const beamcompat::SignatureRuleSet* set = [] {
    std::vector<beamcompat::SignatureRule> rules;
    beamcompat::Messages messages;
    if (!beamcompat::ParseSignatureRules(kRules, "fuzz.yaml", &rules, &messages)) std::abort();
    auto* built = new beamcompat::SignatureRuleSet();
    std::string error;
    if (!built->Build(std::move(rules), &error)) std::abort();
    return built;
  }();
  return *set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  beamcompat::Diagnoser diagnoser(Rules());
  int last_line = 0;
  beamcompat::ReadLog(in, [&](const beamcompat::LogLine& line) {
    if (line.line < last_line || line.text.size() > beamcompat::kMaxLineBytes) std::abort();
    last_line = line.line;
    diagnoser.Feed(line);
  });
  diagnoser.Finish();
  for (const beamcompat::Diagnosis& d : diagnoser.diagnoses()) {
    if (d.rule == nullptr || d.count < 1 || d.evidence.size() > beamcompat::Diagnoser::kMaxEvidence) {
      std::abort();
    }
  }
  std::vector<beamcompat::Failure> failures = beamcompat::ParseTracebacks(
      std::string_view(reinterpret_cast<const char*>(data), size));
  for (const beamcompat::Failure& f : failures) {
    if (f.chain.empty()) std::abort();
  }
  return 0;
}
