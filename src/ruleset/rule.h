// A loaded rule: what it is (RuleInfo), what it iterates over, when it fires, at which
// severity, and how its message reads. Everything is compiled when the rule file is loaded
// (ruleset/rule_loader.h); the evaluator (engine/evaluator.h) only runs it. A RuleSet owns
// the rules of every loaded file, sorted by code.
#ifndef BEAMCOMPAT_RULESET_RULE_H_
#define BEAMCOMPAT_RULESET_RULE_H_

#include <memory>
#include <string>
#include <vector>

#include "report/diagnostic.h"
#include "ruleset/condition.h"
#include "ruleset/message_template.h"

namespace beamcompat {

struct FactCollection;
struct ScopeFact;

// `severity_cases:` — the first case whose `when` holds gives the finding's severity;
// when none holds, the rule's default severity applies.
struct SeverityCase {
  std::unique_ptr<Expr> when;
  Severity severity = Severity::kError;
};

// An entry of `requires:`: a scope fact that must be known for the rule to be evaluated.
struct RuleRequirement {
  std::string path;
  const ScopeFact* fact = nullptr;  // points into a static schema table
};

struct Rule {
  RuleInfo info;
  const FactCollection* for_each = nullptr;  // nullptr: the rule fires at most once
  std::vector<RuleRequirement> requirements;
  std::unique_ptr<Expr> condition;
  std::vector<SeverityCase> severity_cases;
  MessageTemplate message;
  std::vector<MessageTemplate> help;
  std::unique_ptr<Expr> location;   // a fact path whose source location locates the finding
  // Every fact the rule reads, sorted by path, each with one node that reads it (pointing
  // into this rule's own expressions): the `facts` of a diagnostic.
  std::vector<std::pair<std::string, const Expr*>> facts_read;
};

struct RuleSet {
  std::vector<Rule> rules;  // sorted by code

  const Rule* Find(const std::string& code) const;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_RULE_H_
