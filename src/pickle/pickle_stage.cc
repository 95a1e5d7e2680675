#include "pickle/pickle_stage.h"

#include "pickle/module_map.h"
#include "pickle/pickle_resolver.h"

namespace beamcompat {

ModuleDataLoader::ModuleDataLoader(const FileSystem& fs, const std::string& rules_dir)
    : loaded_(std::async(std::launch::async, [this, &fs, data_dir = rules_dir + "/data"] {
        return ModuleMap::Load(fs, data_dir, &messages_);
      })) {}

std::optional<ModuleMap> ModuleDataLoader::Take(Messages* messages) {
  std::optional<ModuleMap> map = loaded_.get();
  messages->Append(messages_);
  return map;
}

bool AddPickleFacts(ModuleDataLoader* module_data, PayloadPrefetch* prefetch,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages) {
  if (!facts->pipeline) return true;
  std::optional<ModuleMap> map = module_data->Take(messages);
  if (!map) return false;
  PickleFacts pickles = AnalyzePayloads(*facts->pipeline, *map, options, prefetch);
  ResolvePickleFacts(*map, *facts, &pickles);
  facts->pickles = std::move(pickles);
  return true;
}

}  // namespace beamcompat
