#include "pickle/pickle_resolver.h"

#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <unordered_map>

#include "facts/package.h"
#include "pickle/module_map.h"

namespace beamcompat {
namespace {

constexpr std::string_view kMainSession = "pickled_main_session";

// Payloads come grouped by transform, so a transform repeats only right after itself:
// comparing with the last entry keeps the list unique in O(1) (50k transforms share a module).
void AddTransform(std::vector<std::string_view>* transforms, std::string_view transform) {
  if (transforms->empty() || transforms->back() != transform) transforms->push_back(transform);
}

// `later` was gathered from the payloads right after those of `transforms`.
void AppendTransforms(std::vector<std::string_view>* transforms,
                      const std::vector<std::string_view>& later) {
  auto from = later.begin();
  if (from != later.end() && !transforms->empty() && transforms->back() == *from) ++from;
  transforms->insert(transforms->end(), from, later.end());
}

std::string LaunchPython(const FactSet& facts) {
  if (facts.launch.python) return facts.launch.python->value;
  if (facts.pipeline) {
    for (const PipelineEnvironment& env : facts.pipeline->environments) {
      if (env.sdk_base) return env.sdk_base->python;
    }
  }
  return "";
}

// The provider of `module` in `list`: fills name/key/version, or leaves them empty.
void Provider(const ModuleMap& map, const std::string& module,
              const std::optional<PackageList>& list, std::string* provider, std::string* key,
              std::string* version) {
  if (!list) return;
  const Package* package = map.Provider(module, *list);
  if (package == nullptr) return;
  *key = package->key;
  *version = package->version_text;
  *provider =
      package->version_text.empty() ? package->name : package->name + " " + package->version_text;
}

void ApplyVersionFacts(const ModuleMap& map, const std::optional<PackageList>& runtime,
                       ReferencedModule* module) {
  for (const ModuleVersionFact* fact : map.VersionFacts(module->module)) {
    module->needs_distribution = fact->distribution;
    module->needs_versions = fact->versions_text;
    module->needs_why = fact->why;
    const Package* installed = runtime ? runtime->Find(fact->distribution) : nullptr;
    if (installed != nullptr && installed->version) {
      module->runtime_outside_needed = !fact->versions.Contains(*installed->version);
    }
  }
}

// Every payload refers to a few modules, and 50k payloads share a handful: the modules are
// gathered in a hash map keyed by views of the names in the (immutable) payload contents.
// The walk waits on memory: each payload's contents, their module list and its names are
// where the worker that read the payload put them. What the next payloads need is asked for
// a few steps ahead, each level once the level above it has arrived.
void PrefetchAhead(const std::vector<PayloadFacts>& payloads, size_t i, size_t end) {
  constexpr size_t kContents = 8, kList = 4, kNames = 2;
  if (i + kContents < end) __builtin_prefetch(payloads[i + kContents].shared.get());
  if (i + kList < end) {
    __builtin_prefetch(payloads[i + kList].contents().modules.data());
  }
  if (i + kNames < end) {
    for (const std::string& name : payloads[i + kNames].contents().modules) {
      __builtin_prefetch(name.data());
    }
  }
}

class ModuleGatherer {
 public:
  void Add(const PayloadFacts& payload) {
    for (const std::string& name : payload.contents().modules) {
      auto [found, inserted] = index_.try_emplace(name, modules_.size());
      if (inserted) {
        modules_.emplace_back();
        modules_.back().module = name;
        modules_.back().proto_path = payload.proto_path;
      }
      AddTransform(&modules_[found->second].transforms, payload.transform_name);
    }
  }
  // Adds what `later` gathered from the payloads that follow this one's.
  void Append(ModuleGatherer&& later) {
    for (ReferencedModule& module : later.modules_) {
      auto [found, inserted] = index_.try_emplace(module.module, modules_.size());
      if (inserted) {
        modules_.push_back(std::move(module));
      } else {
        AppendTransforms(&modules_[found->second].transforms, module.transforms);
      }
    }
  }
  std::vector<ReferencedModule> Take() {
    std::sort(modules_.begin(), modules_.end(), [](const auto& a, const auto& b) {
      return a.module < b.module;
    });
    return std::move(modules_);
  }

 private:
  std::vector<ReferencedModule> modules_;
  std::unordered_map<std::string_view, size_t> index_;
};

void ResolveModules(const ModuleMap& map, const FactSet& facts,
                    std::vector<ReferencedModule> modules, PickleFacts* pickles) {
  std::string python = LaunchPython(facts);
  for (ReferencedModule& module : modules) {
    const std::string& name = module.module;
    module.stdlib = map.IsStdlib(name, python);
    if (!module.stdlib) {
      module.candidates = map.Candidates(name);
      Provider(map, name, facts.launch.packages, &module.launch_provider, &module.launch_key,
               &module.launch_version);
      Provider(map, name, facts.runtime.packages, &module.runtime_provider, &module.runtime_key,
               &module.runtime_version);
      ApplyVersionFacts(map, facts.runtime.packages, &module);
      if (!module.launch_key.empty())
        pickles->referenced_distributions.push_back(module.launch_key);
    }
    pickles->modules.push_back(std::move(module));
  }
  auto& keys = pickles->referenced_distributions;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

std::string PicklerDistribution(const std::string& library) {
  if (library == "dill" || library == "cloudpickle") return library;
  return "apache-beam";  // apache_beam.internal.cloudpickle ships inside Beam
}

std::string VersionIn(const std::optional<PackageList>& list, const std::string& key) {
  const Package* package = list ? list->Find(key) : nullptr;
  return package != nullptr ? package->version_text : std::string();
}

class PicklerGatherer {
 public:
  explicit PicklerGatherer(const FactSet& facts) : facts_(facts) {}
  void Add(const PayloadFacts& payload) {
    const PayloadContents& contents = payload.contents();
    if (!contents.readable || contents.pickler == "pickle") return;
    if (last_ == nullptr || last_->library != contents.pickler) {
      last_ = &uses_[contents.pickler];
      if (last_->library.empty()) {
        last_->library = contents.pickler;
        last_->distribution = PicklerDistribution(contents.pickler);
        last_->proto_path = payload.proto_path;
        last_->launch_version = VersionIn(facts_.launch.packages, last_->distribution);
        last_->runtime_version = VersionIn(facts_.runtime.packages, last_->distribution);
      }
    }
    AddTransform(&last_->transforms, payload.transform_name);
  }
  void Append(PicklerGatherer&& later) {
    for (auto& [library, use] : later.uses_) {
      auto [found, inserted] = uses_.try_emplace(library);
      if (inserted) {
        found->second = std::move(use);
      } else {
        AppendTransforms(&found->second.transforms, use.transforms);
      }
    }
    last_ = nullptr;
  }
  void Finish(PickleFacts* pickles) {
    for (auto& [library, use] : uses_) pickles->pickler_uses.push_back(std::move(use));
  }

 private:
  const FactSet& facts_;
  std::map<std::string, PicklerUse> uses_;
  PicklerUse* last_ = nullptr;  // payloads of one pickler come in runs: skip the lookup
};

bool StagesMainSession(const FactSet& facts, std::string_view environment_id) {
  const PipelineEnvironment* env =
      facts.pipeline ? facts.pipeline->FindEnvironment(environment_id) : nullptr;
  if (env == nullptr) return false;
  return std::any_of(env->artifacts.begin(), env->artifacts.end(),
                     [](const StagedArtifact& a) { return a.staged_name == kMainSession; });
}

class MainFunctionGatherer {
 public:
  explicit MainFunctionGatherer(const FactSet& facts) : facts_(facts) {}
  void Add(const PayloadFacts& payload, std::vector<MainFunctionUse>* uses) {
    const PayloadContents& contents = payload.contents();
    if (contents.pickler != "dill" || !contents.uses_main_namespace) return;
    if (!known_ || environment_ != payload.environment_id) {
      known_ = true;
      environment_ = payload.environment_id;
      staged_ = StagesMainSession(facts_, payload.environment_id);
    }
    for (const MainFunctionFact& function : contents.main_functions) {
      uses->push_back(MainFunctionUse{payload.transform_name, &function, payload.proto_path,
                                      staged_});
    }
  }

 private:
  const FactSet& facts_;
  // Payloads of one environment come in runs: its artifacts are searched once per run.
  bool known_ = false;
  std::string_view environment_;
  bool staged_ = false;
};

// What one walk over a range of the payloads gathers.
struct Gathered {
  explicit Gathered(const FactSet& facts) : picklers(facts), mains(facts) {}
  ModuleGatherer modules;
  PicklerGatherer picklers;
  MainFunctionGatherer mains;
  std::vector<MainFunctionUse> main_functions;

  // Each payload's contents are a cache miss, paid once for the three gatherers.
  void Walk(const std::vector<PayloadFacts>& payloads, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      PrefetchAhead(payloads, i, end);
      modules.Add(payloads[i]);
      picklers.Add(payloads[i]);
      mains.Add(payloads[i], &main_functions);
    }
  }
  void Append(Gathered&& later) {
    modules.Append(std::move(later.modules));
    picklers.Append(std::move(later.picklers));
    main_functions.insert(main_functions.end(), later.main_functions.begin(),
                          later.main_functions.end());
  }
};

// A large pipeline is walked in two halves at once: the walk waits on memory, and it comes
// after the payload jobs, when the second core has nothing else to do.
Gathered WalkPayloads(const FactSet& facts, const std::vector<PayloadFacts>& payloads) {
  constexpr size_t kSplitAbove = 4096;
  auto walk = [&facts, &payloads](size_t begin, size_t end) {
    Gathered part(facts);
    part.Walk(payloads, begin, end);
    return part;
  };
  if (payloads.size() <= kSplitAbove) return walk(0, payloads.size());
  size_t half = payloads.size() / 2;
  auto first = std::async(std::launch::async, walk, 0, half);
  Gathered second = walk(half, payloads.size());
  Gathered gathered = first.get();
  gathered.Append(std::move(second));
  return gathered;
}

}  // namespace

void ResolvePickleFacts(const ModuleMap& map, const FactSet& facts, PickleFacts* pickles) {
  Gathered gathered = WalkPayloads(facts, pickles->payloads);
  pickles->main_functions = std::move(gathered.main_functions);
  ResolveModules(map, facts, gathered.modules.Take(), pickles);
  gathered.picklers.Finish(pickles);
}

}  // namespace beamcompat
