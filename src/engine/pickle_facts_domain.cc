// Facts read from the pickled payloads (FactSet::pickles, filled by src/pickle/): the scope
// fact `pickles.picklers` and the collections `pickled_payloads` (every payload, readable or
// not), `picklers` (each pickler library used), `main_functions` (dill __main__ functions
// per transform) and `referenced_modules` (modules the payloads need, with their providers);
// plus `referenced_by_pickles` on `package_pairs`, so drift of a package the pickles use is
// reported once, by the pickle rule.
#include <algorithm>
#include <string>
#include <string_view>

#include "engine/fact_schema.h"
#include "facts/fact_set.h"

namespace beamcompat {
namespace {

constexpr const char* kMissing = "no pipeline given";
constexpr const char* kSupply = "give --pipeline or --staging";

bool HasPickles(const FactSet& facts) { return facts.pickles.has_value(); }

SourceLocation At(const FactSet& facts, std::string_view path) {
  return AtPath(facts.pipeline ? facts.pipeline->file : std::string(), std::string(path));
}

template <typename T>
const T& As(const ItemRef& item) {
  return *static_cast<const T*>(item.primary);
}

template <typename T>
void Enumerate(const std::vector<T>& list, std::vector<ItemRef>* items) {
  for (const T& entry : list) items->push_back({&entry, nullptr});
}

template <typename T>
SourceLocation ItemWhere(const FactSet& facts, const ItemRef& item) {
  return At(facts, As<T>(item).proto_path);
}

Value FirstOf(const std::vector<std::string_view>& list) {
  return list.empty() ? Value() : Value::String(std::string(list.front()));
}

Value ListOf(const std::vector<std::string_view>& views) {
  return Value::List(std::vector<std::string>(views.begin(), views.end()));
}

// --- pickles.* -----------------------------------------------------------------------------

// The resolved pickler uses name the same libraries as PickleFacts::picklers(), sorted, without
// a pass over every payload for each rule that asks.
Value Picklers(const FactSet& facts) {
  if (!facts.pickles) return Value();
  std::vector<std::string> libraries;
  for (const PicklerUse& use : facts.pickles->pickler_uses) libraries.push_back(use.library);
  return Value::List(std::move(libraries));
}

Value PayloadTotal(const FactSet& facts) {
  return facts.pickles ? Value::Int(static_cast<int64_t>(facts.pickles->payloads.size())) : Value();
}

SourceLocation PipelineWhere(const FactSet& facts) {
  return facts.pipeline ? AtLine(facts.pipeline->file, 0) : SourceLocation();
}

const ScopeFact kScope[] = {
    {"pickles.picklers", ValueKind::kList,
     "pickler libraries of the readable payloads (dill, cloudpickle, "
     "apache_beam.internal.cloudpickle)",
     kMissing, kSupply, &Picklers, &PipelineWhere},
    {"pickles.payload_count", ValueKind::kInt, "pickled payloads in the pipeline", kMissing,
     kSupply, &PayloadTotal, &PipelineWhere},
};

// --- pickled_payloads ----------------------------------------------------------------------

void EnumeratePayloads(const FactSet& facts, std::vector<ItemRef>* items) {
  Enumerate(facts.pickles->payloads, items);
}
Value PayloadTransform(const FactSet&, const ItemRef& item) {
  return Value::String(std::string(As<PayloadFacts>(item).transform_name));
}
Value PayloadUrn(const FactSet&, const ItemRef& item) {
  return Value::String(std::string(As<PayloadFacts>(item).urn));
}
Value PayloadReadable(const FactSet&, const ItemRef& item) {
  return Value::Bool(As<PayloadFacts>(item).contents().readable);
}
Value PayloadError(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(As<PayloadFacts>(item).contents().error);
}
Value PayloadPickler(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(As<PayloadFacts>(item).contents().pickler);
}
Value PayloadModules(const FactSet&, const ItemRef& item) {
  return Value::List(As<PayloadFacts>(item).contents().modules);
}
Value PayloadMainNames(const FactSet&, const ItemRef& item) {
  return Value::List(As<PayloadFacts>(item).contents().main_names);
}

const ItemField kPayloadFields[] = {
    {"transform", ValueKind::kString, "unique name of the transform carrying it", &PayloadTransform,
     &ItemWhere<PayloadFacts>},
    {"urn", ValueKind::kString, "the payload's URN", &PayloadUrn, &ItemWhere<PayloadFacts>},
    {"readable", ValueKind::kBool, "decoded and read without error", &PayloadReadable,
     &ItemWhere<PayloadFacts>},
    {"error", ValueKind::kString, "why it could not be read", &PayloadError,
     &ItemWhere<PayloadFacts>},
    {"pickler", ValueKind::kString, "dill, cloudpickle, apache_beam.internal.cloudpickle or pickle",
     &PayloadPickler, &ItemWhere<PayloadFacts>},
    {"modules", ValueKind::kList, "modules it refers to", &PayloadModules,
     &ItemWhere<PayloadFacts>},
    {"main_names", ValueKind::kList, "names it takes from __main__ by reference", &PayloadMainNames,
     &ItemWhere<PayloadFacts>},
};

// --- picklers ------------------------------------------------------------------------------

void EnumeratePicklers(const FactSet& facts, std::vector<ItemRef>* items) {
  Enumerate(facts.pickles->pickler_uses, items);
}
Value PicklerLibrary(const FactSet&, const ItemRef& item) {
  return Value::String(As<PicklerUse>(item).library);
}
Value PicklerDistribution(const FactSet&, const ItemRef& item) {
  return Value::String(As<PicklerUse>(item).distribution);
}
Value PicklerTransforms(const FactSet&, const ItemRef& item) {
  return ListOf(As<PicklerUse>(item).transforms);
}
Value PicklerFirstTransform(const FactSet&, const ItemRef& item) {
  return FirstOf(As<PicklerUse>(item).transforms);
}
Value PicklerLaunchVersion(const FactSet&, const ItemRef& item) {
  return Value::VersionOrAbsent(As<PicklerUse>(item).launch_version);
}
Value PicklerRuntimeVersion(const FactSet&, const ItemRef& item) {
  return Value::VersionOrAbsent(As<PicklerUse>(item).runtime_version);
}

const ItemField kPicklerFields[] = {
    {"library", ValueKind::kString, "dill, cloudpickle or apache_beam.internal.cloudpickle",
     &PicklerLibrary, &ItemWhere<PicklerUse>},
    {"distribution", ValueKind::kString,
     "the distribution shipping it (apache-beam for the "
     "vendored cloudpickle)",
     &PicklerDistribution, &ItemWhere<PicklerUse>},
    {"transforms", ValueKind::kList, "transforms whose payloads it made", &PicklerTransforms,
     &ItemWhere<PicklerUse>},
    {"first_transform", ValueKind::kString, "the first of them", &PicklerFirstTransform,
     &ItemWhere<PicklerUse>},
    {"launch_version", ValueKind::kVersion, "version of the distribution at launch",
     &PicklerLaunchVersion, &ItemWhere<PicklerUse>},
    {"runtime_version", ValueKind::kVersion, "version of the distribution at runtime",
     &PicklerRuntimeVersion, &ItemWhere<PicklerUse>},
};

// --- main_functions ------------------------------------------------------------------------

void EnumerateMainFunctions(const FactSet& facts, std::vector<ItemRef>* items) {
  Enumerate(facts.pickles->main_functions, items);
}
Value MainTransform(const FactSet&, const ItemRef& item) {
  return Value::String(std::string(As<MainFunctionUse>(item).transform));
}
Value MainFunction(const FactSet&, const ItemRef& item) {
  return Value::String(As<MainFunctionUse>(item).function->name);
}
Value MainGlobals(const FactSet&, const ItemRef& item) {
  return Value::List(As<MainFunctionUse>(item).function->globals);
}
Value MainStaged(const FactSet&, const ItemRef& item) {
  return Value::Bool(As<MainFunctionUse>(item).main_session_staged);
}

const ItemField kMainFunctionFields[] = {
    {"transform", ValueKind::kString, "unique name of the transform", &MainTransform,
     &ItemWhere<MainFunctionUse>},
    {"function", ValueKind::kString, "the function's (qualified) name", &MainFunction,
     &ItemWhere<MainFunctionUse>},
    {"globals", ValueKind::kList, "non-builtin global names its code reads", &MainGlobals,
     &ItemWhere<MainFunctionUse>},
    {"main_session_staged", ValueKind::kBool, "its environment stages a pickled_main_session file",
     &MainStaged, &ItemWhere<MainFunctionUse>},
};

// --- referenced_modules --------------------------------------------------------------------

void EnumerateModules(const FactSet& facts, std::vector<ItemRef>* items) {
  Enumerate(facts.pickles->modules, items);
}

template <std::string ReferencedModule::*Field>
Value ModuleString(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(As<ReferencedModule>(item).*Field);
}
template <std::string ReferencedModule::*Field>
Value ModuleVersion(const FactSet&, const ItemRef& item) {
  return Value::VersionOrAbsent(As<ReferencedModule>(item).*Field);
}
Value ModuleTransforms(const FactSet&, const ItemRef& item) {
  return ListOf(As<ReferencedModule>(item).transforms);
}
Value ModuleFirstTransform(const FactSet&, const ItemRef& item) {
  return FirstOf(As<ReferencedModule>(item).transforms);
}
Value ModuleStdlib(const FactSet&, const ItemRef& item) {
  return Value::Bool(As<ReferencedModule>(item).stdlib);
}
Value ModuleCandidates(const FactSet&, const ItemRef& item) {
  return Value::List(As<ReferencedModule>(item).candidates);
}
Value ModuleOutside(const FactSet&, const ItemRef& item) {
  return Value::Bool(As<ReferencedModule>(item).runtime_outside_needed);
}

using M = ReferencedModule;
const ItemField kModuleFields[] = {
    {"module", ValueKind::kString, "the module name", &ModuleString<&M::module>, &ItemWhere<M>},
    {"transforms", ValueKind::kList, "transforms whose payloads refer to it", &ModuleTransforms,
     &ItemWhere<M>},
    {"first_transform", ValueKind::kString, "the first of them", &ModuleFirstTransform,
     &ItemWhere<M>},
    {"stdlib", ValueKind::kBool, "in the launch Python's standard library", &ModuleStdlib,
     &ItemWhere<M>},
    {"candidates", ValueKind::kList, "distributions that could provide it", &ModuleCandidates,
     &ItemWhere<M>},
    {"launch_provider", ValueKind::kString, "the launch distribution providing it, with version",
     &ModuleString<&M::launch_provider>, &ItemWhere<M>},
    {"launch_distribution", ValueKind::kString, "its PEP 503 name", &ModuleString<&M::launch_key>,
     &ItemWhere<M>},
    {"launch_version", ValueKind::kVersion, "its version", &ModuleVersion<&M::launch_version>,
     &ItemWhere<M>},
    {"runtime_provider", ValueKind::kString, "the runtime distribution providing it, with version",
     &ModuleString<&M::runtime_provider>, &ItemWhere<M>},
    {"runtime_distribution", ValueKind::kString, "its PEP 503 name", &ModuleString<&M::runtime_key>,
     &ItemWhere<M>},
    {"runtime_version", ValueKind::kVersion, "its version", &ModuleVersion<&M::runtime_version>,
     &ItemWhere<M>},
    {"needs_distribution", ValueKind::kString,
     "distribution whose versions the module exists in (module-version table)",
     &ModuleString<&M::needs_distribution>, &ItemWhere<M>},
    {"needs_versions", ValueKind::kString, "the versions it exists in: '>=2'",
     &ModuleString<&M::needs_versions>, &ItemWhere<M>},
    {"needs_why", ValueKind::kString, "why, from the table", &ModuleString<&M::needs_why>,
     &ItemWhere<M>},
    {"runtime_outside_needed", ValueKind::kBool,
     "the runtime version of needs_distribution is outside needs_versions", &ModuleOutside,
     &ItemWhere<M>},
};

const FactCollection kCollections[] = {
    {"pickled_payloads", "every pickled payload, in transform order", kMissing, kSupply,
     &HasPickles, &EnumeratePayloads, kPayloadFields},
    {"picklers", "pickler libraries the payloads were made with, by name", kMissing, kSupply,
     &HasPickles, &EnumeratePicklers, kPicklerFields},
    {"main_functions", "dill-pickled __main__ functions, per transform", kMissing, kSupply,
     &HasPickles, &EnumerateMainFunctions, kMainFunctionFields},
    {"referenced_modules", "modules the payloads refer to, by name", kMissing, kSupply, &HasPickles,
     &EnumerateModules, kModuleFields},
};

// --- package_pairs.referenced_by_pickles -------------------------------------------------------

Value ReferencedByPickles(const FactSet& facts, const ItemRef& item) {
  if (!facts.pickles) return Value::Bool(false);
  const auto& keys = facts.pickles->referenced_distributions;
  const auto& launch = *static_cast<const Package*>(item.primary);
  return Value::Bool(std::binary_search(keys.begin(), keys.end(), launch.key));
}

SourceLocation LaunchPackageWhere(const FactSet&, const ItemRef& item) {
  return static_cast<const Package*>(item.primary)->where;
}

const ItemField kPairFields[] = {
    {"referenced_by_pickles", ValueKind::kBool,
     "the package provides a module the pickled payloads refer to", &ReferencedByPickles,
     &LaunchPackageWhere},
};

const CollectionFields kExtraFields[] = {{"package_pairs", kPairFields}};

}  // namespace

const FactDomain& PickleFactDomain() {
  static const FactDomain kDomain{kScope, kCollections, kExtraFields};
  return kDomain;
}

}  // namespace beamcompat
