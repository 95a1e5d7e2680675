#include "engine/evaluator.h"

#include <algorithm>

#include "engine/condition_eval.h"
#include "engine/fact_schema.h"
#include "facts/fact_set.h"

namespace beamcompat {
namespace {

constexpr const char* kUnknownText = "(unknown)";

std::string Render(const MessageTemplate& message, const EvalContext& context) {
  std::string out;
  for (const TemplatePart& part : message.parts) {
    if (!part.expr) {
      out += part.text;
      continue;
    }
    Value value = EvaluateExpr(*part.expr, context);
    out += value.absent() ? kUnknownText : value.ToString();
  }
  return out;
}

// Why a rule cannot be evaluated, or "" when it can.
std::string MissingReason(const Rule& rule, const FactSet& facts) {
  if (rule.for_each && !rule.for_each->available(facts)) {
    return std::string(rule.for_each->missing) + " (" + rule.for_each->supply + ")";
  }
  for (const RuleRequirement& requirement : rule.requirements) {
    if (requirement.fact->get(facts).absent()) {
      return std::string(requirement.fact->missing) + " (" + requirement.fact->supply + ")";
    }
  }
  return "";
}

class RuleRunner {
 public:
  RuleRunner(const SelectedRule& selected, const FactSet& facts, Report* report)
      : rule_(*selected.rule), override_(selected.severity_override), facts_(facts),
        report_(report) {}

  void Run() {
    if (!rule_.for_each) {
      Check(EvalContext{facts_, nullptr});
      return;
    }
    std::vector<ItemRef> items;
    rule_.for_each->enumerate(facts_, &items);
    for (const ItemRef& item : items) Check(EvalContext{facts_, &item});
  }

 private:
  void Check(const EvalContext& context) {
    if (IsTrue(*rule_.condition, context)) report_->diagnostics.push_back(Make(context));
  }

  Severity SeverityFor(const EvalContext& context) const {
    if (override_) return *override_;
    for (const SeverityCase& item : rule_.severity_cases) {
      if (IsTrue(*item.when, context)) return item.severity;
    }
    return rule_.info.default_severity;
  }

  SourceLocation LocationFor(const EvalContext& context) const {
    if (rule_.location) return FactLocation(*rule_.location, context);
    return {};
  }

  Diagnostic Make(const EvalContext& context) const {
    Diagnostic d;
    d.code = rule_.info.code;
    d.name = rule_.info.name;
    d.severity = SeverityFor(context);
    d.message = Render(rule_.message, context);
    for (const MessageTemplate& line : rule_.help) d.help.push_back(Render(line, context));
    d.location = LocationFor(context);
    for (const auto& [path, node] : rule_.facts_read) {
      Value value = EvaluateExpr(*node, context);
      if (!value.absent()) d.facts.emplace_back(path, value.ToString());
    }
    return d;
  }

  const Rule& rule_;
  std::optional<Severity> override_;
  const FactSet& facts_;
  Report* report_;
};

}  // namespace

Report Evaluate(const std::vector<SelectedRule>& rules, const FactSet& facts) {
  Report report;
  std::vector<const SelectedRule*> ordered;
  for (const SelectedRule& selected : rules) ordered.push_back(&selected);
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    return a->rule->info.code < b->rule->info.code;
  });
  for (const SelectedRule* selected : ordered) {
    const Rule& rule = *selected->rule;
    report.rules.push_back(rule.info);
    if (selected->severity_override) {
      report.rules.back().default_severity = *selected->severity_override;
    }
    std::string reason =
        selected->skip_reason.empty() ? MissingReason(rule, facts) : selected->skip_reason;
    if (!reason.empty()) {
      report.not_evaluated.push_back({rule.info.code, reason});
      continue;
    }
    RuleRunner(*selected, facts, &report).Run();
  }
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.severity != b.severity) return a.severity > b.severity;
                     return a.code < b.code;
                   });
  return report;
}

std::vector<SelectedRule> SelectAll(const RuleSet& rules) {
  std::vector<SelectedRule> selected;
  for (const Rule& rule : rules.rules) selected.push_back({&rule, std::nullopt, ""});
  return selected;
}

}  // namespace beamcompat
