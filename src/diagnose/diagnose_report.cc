#include "diagnose/diagnose_report.h"

#include "diagnose/module_map.h"
#include "diagnose/package_facts.h"
#include "pickle/module_map.h"

namespace beamcompat {
namespace {

SourceLocation LocationOf(const Diagnosis& d, const DiagnoseSource& source) {
  if (source.entry_numbers) return AtPath(source.log_name, "entry " + std::to_string(d.line));
  return AtLine(source.log_name, d.line);
}

// The Python minor and Beam version of each side, when the facts know them.
void AddSideVersions(const FactSet& facts, Diagnostic* diagnostic) {
  for (Side side : {Side::kLaunch, Side::kRuntime}) {
    const SideFacts& s = facts.side(side);
    std::string prefix = SideName(side);
    if (s.python) diagnostic->facts.emplace_back(prefix + ".python", s.python->value);
    if (s.beam_version) diagnostic->facts.emplace_back(prefix + ".beam", s.beam_version->value);
    if (s.image) diagnostic->facts.emplace_back(prefix + ".image", s.image->value.raw);
  }
}

// The distribution providing `module`: the one installed at launch or at runtime when the
// module map finds it there, else the name DistributionForModule gives.
std::string DistributionOf(const std::string& module, const FactSet* facts, const ModuleMap* modules) {
  if (facts && modules) {
    for (const SideFacts* side : {&facts->launch, &facts->runtime}) {
      if (!side->packages) continue;
      if (const Package* p = modules->Provider(module, *side->packages)) return p->name;
    }
  }
  return DistributionForModule(module, modules);
}

Diagnostic BuildOne(const Diagnosis& d, const DiagnoseSource& source, const FactSet* facts,
                    const ModuleMap* modules) {
  const SignatureRule& rule = *d.rule;
  KeyValues derived;
  std::string module;
  if (!rule.package.empty()) {
    module = ExpandTemplate(rule.package, {&d.captures, &d.context});
    derived.emplace_back("distribution", DistributionOf(module, facts, modules));
  }
  std::vector<const KeyValues*> values = {&d.captures, &derived, &d.context};
  Diagnostic out;
  out.code = rule.info.code;
  out.name = rule.info.name;
  out.severity = rule.info.default_severity;
  out.message = ExpandTemplate(rule.message, values);
  for (const std::string& help : rule.help) out.help.push_back(ExpandTemplate(help, values));
  out.location = LocationOf(d, source);
  out.diagnosis_class = DiagnosisClassName(rule.diagnosis_class);
  out.count = d.count;
  out.evidence = d.evidence;
  out.captures = d.captures;
  for (const auto& [key, value] : d.context) {
    if (key == "step" && value != "(unknown step)") out.facts.emplace_back("step", value);
  }
  if (facts && !rule.package.empty()) {
    PackageStatement statement = DescribePackage(*facts, module, derived[0].second);
    if (!statement.sentence.empty()) out.message += "; " + statement.sentence;
    out.facts.insert(out.facts.end(), statement.facts.begin(), statement.facts.end());
  }
  if (facts) AddSideVersions(*facts, &out);
  return out;
}

}  // namespace

Report BuildDiagnoseReport(const std::vector<Diagnosis>& diagnoses, const SignatureRuleSet& rules,
                           const DiagnoseSource& source, const FactSet* facts,
                           const ModuleMap* modules) {
  Report report;
  for (const Diagnosis& d : diagnoses) {
    report.diagnostics.push_back(BuildOne(d, source, facts, modules));
  }
  for (const SignatureRule& rule : rules.rules()) report.rules.push_back(rule.info);
  return report;
}

}  // namespace beamcompat
