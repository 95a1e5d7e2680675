#include "pickle/pickle_stage.h"

#include <thread>

#include "base/message.h"
#include "pickle/module_map.h"
#include "pickle/pickle_resolver.h"

namespace beamcompat {
namespace {

bool AnalyzeWith(const ModuleMap& map, const PayloadAnalyzerOptions& options,
                 PayloadPrefetch* prefetch, FactSet* facts) {
  PickleFacts pickles = AnalyzePayloads(*facts->pipeline, map, options, prefetch);
  ResolvePickleFacts(map, *facts, &pickles);
  facts->pickles = std::move(pickles);
  return true;
}

}  // namespace

struct ModuleDataLoader::Load {
  std::optional<ModuleMap> map;
  Messages messages;
  std::thread thread;
};

ModuleDataLoader::ModuleDataLoader(const FileSystem& fs, std::string rules_dir)
    : load_(std::make_unique<Load>()) {
  Load* load = load_.get();
  load->thread = std::thread([&fs, load, data_dir = rules_dir + "/data"] {
    load->map = ModuleMap::Load(fs, data_dir, &load->messages);
  });
}

ModuleDataLoader::~ModuleDataLoader() {
  if (load_->thread.joinable()) load_->thread.join();
}

std::optional<ModuleMap> ModuleDataLoader::Take(Messages* messages) {
  if (load_->thread.joinable()) load_->thread.join();
  messages->Append(load_->messages);
  return std::move(load_->map);
}

bool AddPickleFacts(const FileSystem& fs, const std::string& rules_dir,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages) {
  if (!facts->pipeline) return true;
  std::optional<ModuleMap> map = ModuleMap::Load(fs, rules_dir + "/data", messages);
  return map && AnalyzeWith(*map, options, nullptr, facts);
}

bool AddPickleFacts(ModuleDataLoader* module_data, PayloadPrefetch* prefetch,
                    const PayloadAnalyzerOptions& options, FactSet* facts, Messages* messages) {
  if (!facts->pipeline) return true;
  std::optional<ModuleMap> map = module_data->Take(messages);
  return map && AnalyzeWith(*map, options, prefetch, facts);
}

}  // namespace beamcompat
