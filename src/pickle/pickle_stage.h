// The pickle stage as the CLI runs it: load the module data shipped in the rules directory,
// read every pickled payload of the pipeline (payload_analyzer.h) and join the results with
// the package lists (pickle_resolver.h) into FactSet::pickles. Runs after the fact builder,
// before the rules.
#ifndef BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_
#define BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_

#include <future>
#include <optional>
#include <string>

#include "base/message.h"
#include "facts/fact_set.h"
#include "pickle/module_map.h"
#include "pickle/payload_analyzer.h"
#include "pickle/payload_prefetch.h"

namespace beamcompat {

class FileSystem;

// Loads the module data in `<rules_dir>/data` (a few thousand YAML lines) on a thread of its
// own, started by the constructor, so that it is ready when the inputs have been read.
class ModuleDataLoader {
 public:
  ModuleDataLoader(const FileSystem& fs, const std::string& rules_dir);
  // Waits for the load; its messages are added to `messages`. Call once.
  std::optional<ModuleMap> Take(Messages* messages);

 private:
  Messages messages_;  // before loaded_, whose destructor waits for the thread writing it
  std::future<std::optional<ModuleMap>> loaded_;
};

// Reads the pipeline's payloads into facts->pickles with the module data loaded in the
// background, reusing what `prefetch` decoded while the pipeline was read (may be null).
// Does nothing without a pipeline. False (with a located error) when the module data is
// unusable.
bool AddPickleFacts(ModuleDataLoader* module_data, PayloadPrefetch* prefetch,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_
