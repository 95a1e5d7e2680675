// Which distribution provides an importable module, and which modules need no distribution
// at all (the standard library of a Python minor). Loaded at run time from data in the rules
// directory (rules/data/python_versions.yaml, generated from real interpreters, and
// rules/data/module_distributions.yaml, the well-known name mismatches such as
// yaml -> PyYAML), so the tables change without a rebuild. Read by the payload analyzer and
// the pickle rules; built once, then const.
#ifndef BEAMCOMPAT_PICKLE_MODULE_MAP_H_
#define BEAMCOMPAT_PICKLE_MODULE_MAP_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/location.h"
#include "facts/specifier.h"

namespace beamcompat {

class FileSystem;
class Messages;
struct Package;
struct PackageList;

// A module that exists only in some versions of its distribution (numpy._core: numpy >= 2).
struct ModuleVersionFact {
  std::string module;
  std::string distribution;   // PEP 503 key
  std::string versions_text;  // ">=2"
  SpecifierSet versions;
  std::string why;
  SourceLocation where;
};

class ModuleMap {
 public:
  // Reads <data_dir>/python_versions.yaml and <data_dir>/module_distributions.yaml. Returns
  // nullopt when a file is missing or malformed; the messages say where.
  static std::optional<ModuleMap> Load(const FileSystem& fs, const std::string& data_dir,
                                       Messages* messages);
  // Only module_distributions.yaml: enough to name distributions (diagnose without inputs).
  static std::optional<ModuleMap> LoadDistributions(const FileSystem& fs,
                                                    const std::string& data_dir,
                                                    Messages* messages);
  // The two parsers behind Load; false (with located messages) on malformed text.
  bool AddPythonVersions(std::string_view yaml_text, const std::string& file, Messages* messages);
  bool AddDistributions(std::string_view yaml_text, const std::string& file, Messages* messages);

  // `python` is "3.10"; an empty or unknown minor answers for any known version.
  bool IsStdlib(std::string_view module, std::string_view python) const;
  bool IsBuiltin(std::string_view name, std::string_view python) const;
  bool KnowsPython(std::string_view python) const {
    return versions_.contains(std::string(python));
  }

  // PEP 503 keys of the distributions that may provide `module`: the table's entry for its
  // longest listed dotted prefix, else the normalised-name guesses (a.b_c -> a-b-c, a).
  std::vector<std::string> Candidates(std::string_view module) const;
  // The usual distribution of `module` as its project spells it ("PyYAML" for yaml.loader),
  // from the table; "" when no dotted prefix of the module is listed.
  std::string DistributionName(std::string_view module) const;
  // The first candidate installed in `packages`, or nullptr.
  const Package* Provider(std::string_view module, const PackageList& packages) const;
  // Facts for `module` or any dotted prefix of it.
  std::vector<const ModuleVersionFact*> VersionFacts(std::string_view module) const;

  size_t module_count() const { return distributions_.size(); }

 private:
  struct PythonNames {
    std::set<std::string, std::less<>> stdlib;
    std::set<std::string, std::less<>> builtins;
  };
  const PythonNames* Names(std::string_view python) const;

  std::map<std::string, PythonNames, std::less<>> versions_;
  // The table's longest listed dotted prefix of `module`, or end().
  std::map<std::string, std::vector<std::string>, std::less<>>::const_iterator ListedPrefix(
      std::string_view module) const;

  std::map<std::string, std::vector<std::string>, std::less<>> distributions_;  // module -> keys
  std::map<std::string, std::string, std::less<>> spelled_;  // module -> first name as written
  std::vector<ModuleVersionFact> version_facts_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_MODULE_MAP_H_
