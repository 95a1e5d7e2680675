#include "pickle/module_map.h"

#include "base/file_system.h"
#include "base/message.h"
#include "facts/package.h"
#include "facts/package_name.h"
#include "pickle/module_data_yaml.h"

namespace beamcompat {
namespace {

std::string_view TopLevel(std::string_view module) { return module.substr(0, module.find('.')); }

struct DataPart {
  const char* name;
  bool (ModuleMap::*add)(std::string_view, const std::string&, Messages*);
};

std::optional<ModuleMap> LoadParts(const FileSystem& fs, const std::string& data_dir,
                                   std::initializer_list<DataPart> parts, Messages* messages) {
  ModuleMap map;
  for (DataPart part : parts) {
    std::string path = data_dir + "/" + part.name;
    std::string text, err;
    if (!fs.ReadFile(path, &text, &err)) {
      messages->Error(AtLine(path, 0), "cannot read module data: " + err);
      return std::nullopt;
    }
    if (!(map.*part.add)(text, path, messages)) return std::nullopt;
  }
  return map;
}

}  // namespace

std::optional<ModuleMap> ModuleMap::Load(const FileSystem& fs, const std::string& data_dir,
                                         Messages* messages) {
  return LoadParts(fs, data_dir,
                   {DataPart{"python_versions.yaml", &ModuleMap::AddPythonVersions},
                    DataPart{"module_distributions.yaml", &ModuleMap::AddDistributions}},
                   messages);
}

std::optional<ModuleMap> ModuleMap::LoadDistributions(const FileSystem& fs,
                                                      const std::string& data_dir,
                                                      Messages* messages) {
  return LoadParts(
      fs, data_dir, {DataPart{"module_distributions.yaml", &ModuleMap::AddDistributions}},
      messages);
}

bool ModuleMap::AddPythonVersions(std::string_view yaml_text, const std::string& file,
                                  Messages* messages) {
  std::vector<PythonVersionData> versions;
  if (!ParsePythonVersionsYaml(yaml_text, file, &versions, messages)) return false;
  for (auto& version : versions) {
    PythonNames& names = versions_[version.python];
    names.stdlib.insert(version.stdlib.begin(), version.stdlib.end());
    names.builtins.insert(version.builtins.begin(), version.builtins.end());
  }
  return true;
}

bool ModuleMap::AddDistributions(std::string_view yaml_text, const std::string& file,
                                 Messages* messages) {
  DistributionData data;
  if (!ParseDistributionsYaml(yaml_text, file, &data, messages)) return false;
  for (auto& [module, names] : data.modules) {
    if (!names.empty()) spelled_.try_emplace(module, names.front());
    auto& keys = distributions_[module];
    for (const auto& name : names) keys.push_back(NormalizePackageName(name));
  }
  for (auto& fact : data.version_facts) {
    std::string err;
    auto versions = SpecifierSet::Parse(fact.versions_text, &err);
    if (!versions) {
      messages->Error(fact.where, "bad version range '" + fact.versions_text + "': " + err);
      return false;
    }
    fact.versions = *versions;
    fact.distribution = NormalizePackageName(fact.distribution);
    version_facts_.push_back(std::move(fact));
  }
  return true;
}

const ModuleMap::PythonNames* ModuleMap::Names(std::string_view python) const {
  auto found = versions_.find(python);
  return found == versions_.end() ? nullptr : &found->second;
}

bool ModuleMap::IsStdlib(std::string_view module, std::string_view python) const {
  std::string_view top = TopLevel(module);
  if (const PythonNames* names = Names(python)) return names->stdlib.contains(top);
  for (const auto& [version, names] : versions_) {
    if (names.stdlib.contains(top)) return true;
  }
  return false;
}

bool ModuleMap::IsBuiltin(std::string_view name, std::string_view python) const {
  if (const PythonNames* names = Names(python)) return names->builtins.contains(name);
  for (const auto& [version, names] : versions_) {
    if (names.builtins.contains(name)) return true;
  }
  return false;
}

std::map<std::string, std::vector<std::string>, std::less<>>::const_iterator
ModuleMap::ListedPrefix(std::string_view module) const {
  for (std::string_view prefix = module; !prefix.empty();) {
    auto found = distributions_.find(prefix);
    if (found != distributions_.end()) return found;
    size_t dot = prefix.rfind('.');
    prefix = dot == std::string_view::npos ? std::string_view() : prefix.substr(0, dot);
  }
  return distributions_.end();
}

std::string ModuleMap::DistributionName(std::string_view module) const {
  auto listed = ListedPrefix(module);
  if (listed == distributions_.end()) return "";
  auto spelled = spelled_.find(listed->first);
  return spelled == spelled_.end() ? "" : spelled->second;
}

std::vector<std::string> ModuleMap::Candidates(std::string_view module) const {
  auto listed = ListedPrefix(module);
  if (listed != distributions_.end()) return listed->second;
  std::vector<std::string> guesses;
  for (std::string_view prefix = module; !prefix.empty();) {
    std::string dashed(prefix);
    for (char& c : dashed) c = c == '.' ? '-' : c;
    guesses.push_back(NormalizePackageName(dashed));
    size_t dot = prefix.rfind('.');
    prefix = dot == std::string_view::npos ? std::string_view() : prefix.substr(0, dot);
  }
  return guesses;
}

const Package* ModuleMap::Provider(std::string_view module, const PackageList& packages) const {
  for (const auto& key : Candidates(module)) {
    if (const Package* package = packages.Find(key)) return package;
  }
  return nullptr;
}

std::vector<const ModuleVersionFact*> ModuleMap::VersionFacts(std::string_view module) const {
  std::vector<const ModuleVersionFact*> facts;
  for (const auto& fact : version_facts_) {
    bool prefix = module.starts_with(fact.module) &&
                  (module.size() == fact.module.size() || module[fact.module.size()] == '.');
    if (prefix) facts.push_back(&fact);
  }
  return facts;
}

}  // namespace beamcompat
