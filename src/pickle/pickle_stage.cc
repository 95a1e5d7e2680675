#include "pickle/pickle_stage.h"

#include "base/message.h"
#include "pickle/module_map.h"
#include "pickle/pickle_resolver.h"

namespace beamcompat {

bool AddPickleFacts(const FileSystem& fs, const std::string& rules_dir,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages) {
  if (!facts->pipeline) return true;
  std::optional<ModuleMap> map = ModuleMap::Load(fs, rules_dir + "/data", messages);
  if (!map) return false;
  PickleFacts pickles = AnalyzePayloads(*facts->pipeline, *map, options);
  ResolvePickleFacts(*map, *facts, &pickles);
  facts->pickles = std::move(pickles);
  return true;
}

}  // namespace beamcompat
