#include "diagnose/check_link.h"

#include <algorithm>
#include <set>

#include "facts/package_name.h"

namespace beamcompat {
namespace {

std::string FactValue(const Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.facts) {
    if (k == key) return v;
  }
  return "";
}

// A finding about one package (a for_each over packages) names it in an `item.name`-like fact.
bool IsPerPackage(const Diagnostic& check) {
  for (const auto& [k, v] : check.facts) {
    if (k.ends_with(".name") || k.ends_with(".key")) return true;
  }
  return false;
}

// True when the check finding concerns `distribution`, or is not about one package at all.
bool Concerns(const Diagnostic& check, const std::string& distribution) {
  if (distribution.empty() || !IsPerPackage(check)) return true;
  std::string key = NormalizePackageName(distribution);
  for (const auto& [k, v] : check.facts) {
    if (NormalizePackageName(v) == key) return true;
  }
  return false;
}

std::vector<size_t> Related(const Diagnosis& diagnosis, const Diagnostic& built,
                            const Report& checks) {
  std::vector<size_t> out;
  const std::vector<std::string>& codes = diagnosis.rule->check_rules;
  std::string distribution = FactValue(built, "distribution");
  for (size_t i = 0; i < checks.diagnostics.size(); ++i) {
    const Diagnostic& check = checks.diagnostics[i];
    if (std::find(codes.begin(), codes.end(), check.code) != codes.end() &&
        Concerns(check, distribution)) {
      out.push_back(i);
    }
  }
  return out;
}

}  // namespace

void LinkCheckDiagnostics(const std::vector<Diagnosis>& diagnoses, const Report& checks,
                          Report* report) {
  std::vector<Diagnostic> linked;
  std::set<size_t> shown;
  for (size_t i = 0; i < report->diagnostics.size() && i < diagnoses.size(); ++i) {
    Diagnostic built = report->diagnostics[i];
    std::vector<size_t> related = Related(diagnoses[i], built, checks);
    std::string codes;
    for (size_t index : related) codes += (codes.empty() ? "" : " ") + checks.diagnostics[index].code;
    if (!codes.empty()) built.facts.emplace_back("check", codes);
    linked.push_back(std::move(built));
    for (size_t index : related) {
      if (shown.insert(index).second) linked.push_back(checks.diagnostics[index]);
    }
  }
  report->diagnostics = std::move(linked);
  report->rules.insert(report->rules.end(), checks.rules.begin(), checks.rules.end());
}

}  // namespace beamcompat
