// Package collections: `package_pairs` (every package installed on both sides, sorted by
// normalised name, with both versions) and `launch_packages` / `runtime_packages` (one side's
// list in file order).
#include <algorithm>
#include <string>

#include "engine/fact_schema.h"
#include "facts/fact_set.h"

namespace beamcompat {
namespace {

const Package& Primary(const ItemRef& item) {
  return *static_cast<const Package*>(item.primary);
}
const Package& Secondary(const ItemRef& item) {
  return *static_cast<const Package*>(item.secondary);
}

Value VersionOf(const Package& package) { return Value::VersionOrAbsent(package.version_text); }

// --- package_pairs: primary = launch package, secondary = runtime package ----------------

bool BothLists(const FactSet& facts) {
  return facts.launch.packages.has_value() && facts.runtime.packages.has_value();
}

void EnumeratePairs(const FactSet& facts, std::vector<ItemRef>* items) {
  const PackageList& runtime = *facts.runtime.packages;
  size_t first = items->size();
  for (const Package& launch : facts.launch.packages->packages) {
    const Package* other = runtime.Find(launch.key);
    if (other) items->push_back({&launch, other});
  }
  std::stable_sort(items->begin() + static_cast<std::ptrdiff_t>(first), items->end(),
                   [](const ItemRef& a, const ItemRef& b) { return Primary(a).key < Primary(b).key; });
}

Value PairKey(const FactSet&, const ItemRef& item) { return Value::String(Primary(item).key); }
Value PairName(const FactSet&, const ItemRef& item) {
  return Value::String(Secondary(item).name);
}
Value PairLaunchVersion(const FactSet&, const ItemRef& item) { return VersionOf(Primary(item)); }
Value PairRuntimeVersion(const FactSet&, const ItemRef& item) {
  return VersionOf(Secondary(item));
}
SourceLocation LaunchWhere(const FactSet&, const ItemRef& item) { return Primary(item).where; }
SourceLocation RuntimeWhere(const FactSet&, const ItemRef& item) {
  return Secondary(item).where;
}

const ItemField kPairFields[] = {
    {"key", ValueKind::kString, "PEP 503 normalised name", &PairKey, &RuntimeWhere},
    {"name", ValueKind::kString, "the name as the runtime list spells it", &PairName,
     &RuntimeWhere},
    {"launch_version", ValueKind::kVersion, "version installed at launch", &PairLaunchVersion,
     &LaunchWhere},
    {"runtime_version", ValueKind::kVersion, "version installed at runtime",
     &PairRuntimeVersion, &RuntimeWhere},
};

// --- launch_packages / runtime_packages: primary = the package --------------------------

template <Side S>
bool HasList(const FactSet& facts) {
  return facts.side(S).packages.has_value();
}

template <Side S>
void EnumerateSide(const FactSet& facts, std::vector<ItemRef>* items) {
  for (const Package& package : facts.side(S).packages->packages) {
    items->push_back({&package, nullptr});
  }
}

Value Key(const FactSet&, const ItemRef& item) { return Value::String(Primary(item).key); }
Value Name(const FactSet&, const ItemRef& item) { return Value::String(Primary(item).name); }
Value PackageVersion(const FactSet&, const ItemRef& item) { return VersionOf(Primary(item)); }
Value Url(const FactSet&, const ItemRef& item) { return Value::StringOrAbsent(Primary(item).url); }
Value Specifier(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(Primary(item).specifier);
}
Value IsEditable(const FactSet&, const ItemRef& item) {
  return Value::Bool(Primary(item).kind == InstallKind::kEditable);
}
SourceLocation PackageWhere(const FactSet&, const ItemRef& item) { return Primary(item).where; }

const ItemField kPackageFields[] = {
    {"key", ValueKind::kString, "PEP 503 normalised name", &Key, &PackageWhere},
    {"name", ValueKind::kString, "the name as the list spells it", &Name, &PackageWhere},
    {"version", ValueKind::kVersion, "installed version", &PackageVersion, &PackageWhere},
    {"url", ValueKind::kString, "direct URL, VCS URL or editable path", &Url, &PackageWhere},
    {"specifier", ValueKind::kString, "requirements files: the specifier as written",
     &Specifier, &PackageWhere},
    {"is_editable", ValueKind::kBool, "installed with -e", &IsEditable, &PackageWhere},
};

const FactCollection kPackageCollections[] = {
    {"package_pairs", "packages installed on both sides, sorted by normalised name",
     "no launch and runtime package lists given", "give --launch and --runtime", &BothLists,
     &EnumeratePairs, kPairFields},
    {"launch_packages", "the launch package list, in file order",
     "no launch package list given", "give --launch", &HasList<Side::kLaunch>,
     &EnumerateSide<Side::kLaunch>, kPackageFields},
    {"runtime_packages", "the runtime package list, in file order",
     "no runtime package list given", "give --runtime", &HasList<Side::kRuntime>,
     &EnumerateSide<Side::kRuntime>, kPackageFields},
};

}  // namespace

const FactDomain& PackageFactDomain() {
  static const FactDomain kDomain{{}, kPackageCollections, {}};
  return kDomain;
}

}  // namespace beamcompat
