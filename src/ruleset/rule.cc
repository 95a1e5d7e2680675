#include "ruleset/rule.h"

namespace beamcompat {

const Rule* RuleSet::Find(const std::string& code) const {
  for (const Rule& rule : rules) {
    if (rule.info.code == code) return &rule;
  }
  return nullptr;
}

}  // namespace beamcompat
