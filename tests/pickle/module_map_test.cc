#include "pickle/module_map.h"

#include <doctest/doctest.h>

#include "base/file_system.h"
#include "base/message.h"
#include "facts/package.h"

namespace beamcompat {
namespace {

const ModuleMap& ShippedMap() {
  static const ModuleMap map = [] {
    RealFileSystem fs;
    Messages messages;
    auto loaded =
        ModuleMap::Load(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);
    std::string first = messages.all().empty() ? "" : messages.all()[0].ToString();
    REQUIRE_MESSAGE(loaded.has_value(), first);
    return *loaded;
  }();
  return map;
}

PackageList Installed(std::vector<std::pair<std::string, std::string>> rows) {
  PackageList list;
  for (auto& [key, version] : rows) {
    Package package;
    package.name = key;
    package.key = key;
    package.version_text = version;
    package.version = Version::Parse(version);
    list.packages.push_back(package);
  }
  list.Reindex();
  return list;
}

}  // namespace

TEST_CASE("module map: stdlib names per Python minor from the shipped data") {
  const ModuleMap& map = ShippedMap();
  CHECK(map.IsStdlib("json", "3.10"));
  CHECK(map.IsStdlib("collections.abc", "3.8"));
  CHECK(map.IsStdlib("distutils.util", "3.11"));
  CHECK_FALSE(map.IsStdlib("distutils.util", "3.12"));  // removed in 3.12 (PEP 632)
  CHECK(map.IsStdlib("tomllib", "3.11"));
  CHECK_FALSE(map.IsStdlib("tomllib", "3.10"));
  CHECK(map.IsStdlib("tomllib", ""));  // unknown minor: any version
  CHECK_FALSE(map.IsStdlib("yaml", "3.11"));
  CHECK(map.IsBuiltin("len", "3.9"));
  CHECK(map.IsBuiltin("aiter", "3.10"));
  CHECK_FALSE(map.IsBuiltin("aiter", "3.9"));
  CHECK_FALSE(map.IsBuiltin("json", "3.12"));
  CHECK(map.module_count() > 400);
}

TEST_CASE("module map: table mismatches, longest prefix and the name heuristic") {
  const ModuleMap& map = ShippedMap();
  CHECK(map.Candidates("yaml") == std::vector<std::string>{"pyyaml"});
  CHECK(map.Candidates("sklearn.linear_model") == std::vector<std::string>{"scikit-learn"});
  CHECK(map.Candidates("cv2")[1] == "opencv-python-headless");
  CHECK(map.Candidates("google.cloud.bigquery.table") ==
        std::vector<std::string>{"google-cloud-bigquery"});
  CHECK(map.Candidates("google.protobuf.json_format") == std::vector<std::string>{"protobuf"});
  CHECK(map.Candidates("shop_lib.transforms") ==
        std::vector<std::string>{"shop-lib-transforms", "shop-lib"});
  PackageList runtime = Installed({{"opencv-python-headless", "4.9.0.80"}, {"pyyaml", "6.0.1"}});
  const Package* cv2 = map.Provider("cv2", runtime);
  REQUIRE(cv2 != nullptr);
  CHECK(cv2->key == "opencv-python-headless");
  CHECK(map.Provider("PIL.Image", runtime) == nullptr);
}

TEST_CASE("module map: module version facts say numpy._core needs numpy 2") {
  const ModuleMap& map = ShippedMap();
  auto facts = map.VersionFacts("numpy._core.numeric");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0]->distribution == "numpy");
  CHECK(facts[0]->versions.Contains(*Version::Parse("2.0.1")));
  CHECK_FALSE(facts[0]->versions.Contains(*Version::Parse("1.26.4")));
  CHECK(map.VersionFacts("numpy.core.numeric").empty());
  CHECK(map.VersionFacts("numpy._corex").empty());
}

TEST_CASE("module map: malformed data files are located errors") {
  ModuleMap map;
  Messages messages;
  CHECK_FALSE(map.AddDistributions("modules:\n  yaml: PyYAML\n", "d.yaml", &messages));
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].ToString() == "d.yaml:2:9: error: expected a list of distributions");
  Messages bad_yaml;
  CHECK_FALSE(map.AddDistributions("modules: [\n", "d.yaml", &bad_yaml));
  CHECK(bad_yaml.all()[0].ToString().rfind("d.yaml:2:1: error: ", 0) == 0);
  Messages range;
  CHECK_FALSE(map.AddDistributions(
      "modules: {}\nmodule_versions:\n  - module: numpy._core\n    distribution: numpy\n"
      "    versions: '>>2'\n",
      "d.yaml", &range));
  CHECK(range.all()[0].ToString().rfind("d.yaml:3:5: error: bad version range '>>2': ", 0) == 0);
  Messages versions;
  CHECK_FALSE(
      map.AddPythonVersions("versions:\n  '3.10': {builtins: [len]}\n", "p.yaml", &versions));
  CHECK(versions.all()[0].ToString() ==
        "p.yaml:2:11: error: expected 'stdlib_modules' and 'builtins' for Python '3.10'");
  RealFileSystem fs;
  Messages missing;
  CHECK_FALSE(ModuleMap::Load(fs, "/nonexistent", &missing).has_value());
  CHECK(missing.all()[0].ToString().rfind("/nonexistent/python_versions.yaml", 0) == 0);
}

}  // namespace beamcompat
