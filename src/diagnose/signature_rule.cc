#include "diagnose/signature_rule.h"

#include <algorithm>
#include <array>

namespace beamcompat {
namespace {

constexpr std::array<std::pair<DiagnosisClass, const char*>, 10> kClassNames = {{
    {DiagnosisClass::kMissingModule, "missing_module"},
    {DiagnosisClass::kPicklerMismatch, "pickler_mismatch"},
    {DiagnosisClass::kPythonVersionMismatch, "python_version_mismatch"},
    {DiagnosisClass::kBeamVersionMismatch, "beam_version_mismatch"},
    {DiagnosisClass::kProtobufIncompatible, "protobuf_incompatible"},
    {DiagnosisClass::kSaveMainSession, "save_main_session"},
    {DiagnosisClass::kBinaryAbi, "binary_abi"},
    {DiagnosisClass::kInstallFailure, "install_failure"},
    {DiagnosisClass::kImageNotFound, "image_not_found"},
    {DiagnosisClass::kOther, "other"},
}};

// Builds a set over the rules that have `pattern`; returns false with *error on failure.
bool BuildSet(const std::vector<SignatureRule>& rules,
              const std::unique_ptr<RE2> SignatureRule::*pattern, std::unique_ptr<RE2::Set>* set,
              std::vector<size_t>* indexes, std::string* error) {
  *set = std::make_unique<RE2::Set>(SignaturePatternOptions(), RE2::UNANCHORED);
  indexes->clear();
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::unique_ptr<RE2>& re = rules[i].*pattern;
    if (!re) continue;
    if ((*set)->Add(re->pattern(), error) < 0) return false;
    indexes->push_back(i);
  }
  if (!(*set)->Compile()) {
    *error = "the rule patterns are too large to compile together";
    return false;
  }
  return true;
}

std::vector<size_t> Candidates(const RE2::Set* set, const std::vector<size_t>& indexes,
                               std::string_view text) {
  std::vector<int> hits;
  std::vector<size_t> out;
  // Match without a result vector first: it allocates nothing, and most lines match nothing.
  if (!set || indexes.empty() || !set->Match(text, nullptr) || !set->Match(text, &hits)) {
    return out;
  }
  for (int hit : hits) out.push_back(indexes[static_cast<size_t>(hit)]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const char* DiagnosisClassName(DiagnosisClass c) {
  for (const auto& [value, name] : kClassNames) {
    if (value == c) return name;
  }
  return "other";
}

bool ParseDiagnosisClass(std::string_view text, DiagnosisClass* out) {
  for (const auto& [value, name] : kClassNames) {
    if (text == name) {
      *out = value;
      return true;
    }
  }
  return false;
}

std::vector<std::string> DiagnosisClassNames() {
  std::vector<std::string> names;
  for (const auto& entry : kClassNames) names.push_back(entry.second);
  return names;
}

RE2::Options SignaturePatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

bool SignatureRuleSet::Build(std::vector<SignatureRule> rules, std::string* error) {
  std::stable_sort(rules.begin(), rules.end(), [](const SignatureRule& a, const SignatureRule& b) {
    return a.priority < b.priority;
  });
  rules_ = std::move(rules);
  fallback_ = nullptr;
  for (const SignatureRule& rule : rules_) {
    if (rule.fallback && !fallback_) fallback_ = &rule;
  }
  return BuildSet(rules_, &SignatureRule::exception, &exception_set_, &exception_rules_, error) &&
         BuildSet(rules_, &SignatureRule::line, &line_set_, &line_rules_, error);
}

std::vector<size_t> SignatureRuleSet::ExceptionCandidates(std::string_view text) const {
  return Candidates(exception_set_.get(), exception_rules_, text);
}

std::vector<size_t> SignatureRuleSet::LineCandidates(std::string_view text) const {
  return Candidates(line_set_.get(), line_rules_, text);
}

}  // namespace beamcompat
