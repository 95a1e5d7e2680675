// Diagnosis signature rules: data (rules/diagnose/*.yaml) that recognise a failure in a worker
// log by re2 patterns over the exception ("Type: message"), its frames or a single log line,
// name what they capture (module, attribute, versions, image) and say, through templates,
// what happened and how to fix it. Each rule puts its diagnosis in one class of a fixed
// taxonomy. Patterns are compiled once when the rules are loaded; RE2::Sets give a first
// pass over every line and every exception so that only candidate rules run in full.
#ifndef BEAMCOMPAT_DIAGNOSE_SIGNATURE_RULE_H_
#define BEAMCOMPAT_DIAGNOSE_SIGNATURE_RULE_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "report/diagnostic.h"

namespace beamcompat {

enum class DiagnosisClass {
  kMissingModule,
  kPicklerMismatch,
  kPythonVersionMismatch,
  kBeamVersionMismatch,
  kProtobufIncompatible,
  kSaveMainSession,
  kBinaryAbi,
  kInstallFailure,
  kImageNotFound,
  kOther,
};
const char* DiagnosisClassName(DiagnosisClass c);  // "missing_module", ...
bool ParseDiagnosisClass(std::string_view text, DiagnosisClass* out);
std::vector<std::string> DiagnosisClassNames();

// "{a} != {b}" or "{a} == {b}" over captures, checked after the patterns matched.
struct CaptureCondition {
  std::string left;
  std::string right;
  bool equal = false;
};

struct SignatureRule {
  RuleInfo info;
  DiagnosisClass diagnosis_class = DiagnosisClass::kOther;
  int priority = 100;  // lower runs first; ties keep file order
  // At most one of `exception` and `line` is set, unless `fallback` is.
  std::unique_ptr<RE2> exception;   // over "Type: message" of any exception in the chain
  std::unique_ptr<RE2> line;        // over one log line (prefixes removed)
  std::unique_ptr<RE2> frames;      // some frame "file:line in function" must match
  std::unique_ptr<RE2> not_frames;  // no frame may match
  std::vector<CaptureCondition> when;
  bool fallback = false;  // takes every exception no other rule explains (class `other`)
  std::string message;              // template: {capture}, {type}, {module}, ...
  std::vector<std::string> help;    // templates
  std::string package;              // template naming a module or distribution to look up
  std::vector<std::string> check_rules;  // codes of `check` rules whose findings explain it
};

// Rules in evaluation order plus their first-pass sets.
class SignatureRuleSet {
 public:
  // Takes the rules, orders them, builds the sets. False (with *error) if a set fails.
  bool Build(std::vector<SignatureRule> rules, std::string* error);

  const std::vector<SignatureRule>& rules() const { return rules_; }
  const SignatureRule* fallback() const { return fallback_; }
  // Indexes into rules() of the candidates for `text`, ascending (= evaluation order).
  std::vector<size_t> ExceptionCandidates(std::string_view text) const;
  std::vector<size_t> LineCandidates(std::string_view text) const;

 private:
  std::vector<SignatureRule> rules_;
  const SignatureRule* fallback_ = nullptr;
  std::unique_ptr<RE2::Set> exception_set_;
  std::unique_ptr<RE2::Set> line_set_;
  std::vector<size_t> exception_rules_;  // set index -> rule index
  std::vector<size_t> line_rules_;
};

// The options every rule pattern is compiled with (quiet, bounded memory).
RE2::Options SignaturePatternOptions();

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_SIGNATURE_RULE_H_
