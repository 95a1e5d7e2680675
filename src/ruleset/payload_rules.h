// Which rules read the pickled payloads. Decoding every payload is the costly part of reading
// a large pipeline (libbz2 on thousands of streams), so `check` decodes them only when a
// selected rule reads pickle facts, and never with --no-payloads.
#ifndef BEAMCOMPAT_RULESET_PAYLOAD_RULES_H_
#define BEAMCOMPAT_RULESET_PAYLOAD_RULES_H_

#include "ruleset/rule.h"

namespace beamcompat {

// True when the rule iterates over a pickle collection (pickled_payloads, picklers,
// main_functions, referenced_modules) or reads a `pickles.*` fact. Reading only
// `package_pairs.referenced_by_pickles` does not count: it is false without payloads.
bool RuleReadsPayloads(const Rule& rule);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_PAYLOAD_RULES_H_
