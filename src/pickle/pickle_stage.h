// The pickle stage as the CLI runs it: load the module data shipped in the rules directory,
// read every pickled payload of the pipeline (payload_analyzer.h) and join the results with
// the package lists (pickle_resolver.h) into FactSet::pickles. Runs after the fact builder,
// before the rules.
#ifndef BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_
#define BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_

#include <string>

#include "facts/fact_set.h"
#include "pickle/payload_analyzer.h"

namespace beamcompat {

class FileSystem;
class Messages;

// Does nothing without a pipeline. False (with a located error) when the module data in
// `<rules_dir>/data` is unusable.
bool AddPickleFacts(const FileSystem& fs, const std::string& rules_dir,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_
