// The pickle stage as the CLI runs it: load the module data shipped in the rules directory,
// read every pickled payload of the pipeline (payload_analyzer.h) and join the results with
// the package lists (pickle_resolver.h) into FactSet::pickles. Runs after the fact builder,
// before the rules.
#ifndef BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_
#define BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_

#include <memory>
#include <optional>
#include <string>

#include "facts/fact_set.h"
#include "pickle/module_map.h"
#include "pickle/payload_analyzer.h"
#include "pickle/payload_prefetch.h"

namespace beamcompat {

class FileSystem;
class Messages;

// Loads the module data in `<rules_dir>/data` (a few thousand YAML lines) on a thread of its
// own, started by the constructor, so that it is ready when the inputs have been read.
class ModuleDataLoader {
 public:
  ModuleDataLoader(const FileSystem& fs, std::string rules_dir);
  ~ModuleDataLoader();
  ModuleDataLoader(const ModuleDataLoader&) = delete;
  ModuleDataLoader& operator=(const ModuleDataLoader&) = delete;
  // Waits for the load; its messages are added to `messages`. Call once.
  std::optional<ModuleMap> Take(Messages* messages);

 private:
  struct Load;
  std::unique_ptr<Load> load_;
};

// Does nothing without a pipeline. False (with a located error) when the module data in
// `<rules_dir>/data` is unusable.
bool AddPickleFacts(const FileSystem& fs, const std::string& rules_dir,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages);
// The same with the module data loaded in the background, and the payloads `prefetch`
// decoded while the pipeline was read (may be null).
bool AddPickleFacts(ModuleDataLoader* module_data, PayloadPrefetch* prefetch,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PICKLE_STAGE_H_
