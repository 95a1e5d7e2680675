// Joins what the payloads refer to (PickleFacts::payloads, from the payload analyzer) with
// the launch and runtime package lists and the module map, into the views the pickle rules
// iterate over: referenced modules with their providers on each side, the pickler libraries
// used, and the dill __main__ functions per transform. Runs once when the FactSet is built.
#ifndef BEAMCOMPAT_PICKLE_PICKLE_RESOLVER_H_
#define BEAMCOMPAT_PICKLE_PICKLE_RESOLVER_H_

#include "facts/fact_set.h"

namespace beamcompat {

class ModuleMap;

// Fills pickles->modules, pickler_uses, main_functions and referenced_distributions from
// pickles->payloads; `facts` gives the package lists, the Python versions and the pipeline.
void ResolvePickleFacts(const ModuleMap& map, const FactSet& facts, PickleFacts* pickles);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PICKLE_RESOLVER_H_
