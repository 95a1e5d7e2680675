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

// A finding about one item (a package, a module) names it in `item.*` facts.
bool IsPerItem(const Diagnostic& check) {
  for (const auto& [k, v] : check.facts) {
    if (k.starts_with("item.")) return true;
  }
  return false;
}

// True when the check finding concerns one of `names` (a distribution, a module), or is not
// about one item at all.
bool Concerns(const Diagnostic& check, const std::vector<std::string>& names) {
  if (names.empty() || !IsPerItem(check)) return true;
  for (const auto& [k, v] : check.facts) {
    if (!k.starts_with("item.")) continue;
    for (const std::string& name : names) {
      if (v == name || NormalizePackageName(v) == NormalizePackageName(name)) return true;
    }
  }
  return false;
}

// The distribution and module a diagnosis is about, as check findings may name them.
std::vector<std::string> NamesOf(const Diagnosis& diagnosis, const Diagnostic& built) {
  std::vector<std::string> names;
  std::string distribution = FactValue(built, "distribution");
  if (!distribution.empty()) names.push_back(distribution);
  for (const auto& [k, v] : diagnosis.captures) {
    if (k != "module" || v.empty()) continue;
    names.push_back(v);
    names.push_back(v.substr(0, v.find('.')));
  }
  return names;
}

std::vector<size_t> Related(const Diagnosis& diagnosis, const Diagnostic& built,
                            const Report& checks) {
  std::vector<size_t> out;
  const std::vector<std::string>& codes = diagnosis.rule->check_rules;
  std::vector<std::string> names = NamesOf(diagnosis, built);
  for (size_t i = 0; i < checks.diagnostics.size(); ++i) {
    const Diagnostic& check = checks.diagnostics[i];
    if (std::find(codes.begin(), codes.end(), check.code) != codes.end() &&
        Concerns(check, names)) {
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
