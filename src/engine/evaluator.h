// evaluate(rules, facts) -> Report: runs every selected rule over the FactSet. Pure and
// deterministic: the same inputs give the same Report, byte for byte once printed.
//
// Order of diagnostics: severity descending (errors first: "ranked by how badly it will
// break the job"), then rule code, then the order of the rule's for_each collection (which
// each collection defines stably, e.g. package_pairs by name). not_evaluated is by code.
//
// A rule is not evaluated, and listed with the reason, when its selection says why it was
// skipped (SelectedRule::skip_reason), when a fact in its `requires:` is
// unknown or its for_each collection is unavailable; otherwise it fires once (or once per
// item) where its condition is known to be true.
#ifndef BEAMCOMPAT_ENGINE_EVALUATOR_H_
#define BEAMCOMPAT_ENGINE_EVALUATOR_H_

#include <vector>

#include "report/diagnostic.h"
#include "ruleset/rule.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {

struct FactSet;

Report Evaluate(const std::vector<SelectedRule>& rules, const FactSet& facts);

// Every rule of the set, with no overrides.
std::vector<SelectedRule> SelectAll(const RuleSet& rules);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_ENGINE_EVALUATOR_H_
