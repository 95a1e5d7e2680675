// A stable dump of a FactSet: what `beamcompat facts` prints, as JSON (the default) or text.
// Field names are the FactSet's own in snake_case (launch.python, runtime.image,
// pipeline.environments[...]) so they read the same as the rule engine's fact paths.
// Output is byte-identical across runs: every list is in the FactSet's sorted order.
#ifndef BEAMCOMPAT_FACTS_FACT_DUMP_H_
#define BEAMCOMPAT_FACTS_FACT_DUMP_H_

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "facts/fact_set.h"

namespace beamcompat {

nlohmann::ordered_json FactSetToJson(const FactSet& facts);

// Writes the JSON dump, indented by 2, with a final newline.
void WriteFactsJson(const FactSet& facts, std::ostream& out);

// Writes the same facts as aligned text for people: one "name: value (origin, where)" a line.
void WriteFactsText(const FactSet& facts, std::ostream& out);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_FACT_DUMP_H_
