#include "ruleset/payload_rules.h"

#include <algorithm>
#include <string_view>

#include "engine/fact_schema.h"

namespace beamcompat {
namespace {

bool IsPickleScopeFact(std::string_view path) {
  const auto& facts = PickleFactDomain().scope_facts;
  return std::any_of(facts.begin(), facts.end(),
                     [&](const ScopeFact& fact) { return path == fact.path; });
}

bool IsPickleCollection(const FactCollection* collection) {
  const auto& collections = PickleFactDomain().collections;
  return std::any_of(collections.begin(), collections.end(),
                     [&](const FactCollection& pickle) { return &pickle == collection; });
}

}  // namespace

bool RuleReadsPayloads(const Rule& rule) {
  if (rule.for_each != nullptr && IsPickleCollection(rule.for_each)) return true;
  for (const RuleRequirement& requirement : rule.requirements) {
    if (IsPickleScopeFact(requirement.path)) return true;
  }
  for (const auto& [path, node] : rule.facts_read) {
    if (IsPickleScopeFact(path)) return true;
  }
  return false;
}

}  // namespace beamcompat
