#include "diagnose/package_facts.h"

#include <doctest/doctest.h>

namespace beamcompat {
namespace {

PackageList List(std::vector<std::pair<std::string, std::string>> packages) {
  PackageList list;
  for (auto& [name, version] : packages) {
    Package p;
    p.name = name;
    p.key = name == "PyYAML" ? "pyyaml" : name;
    p.version_text = version;
    list.packages.push_back(p);
  }
  list.Reindex();
  return list;
}

}  // namespace

TEST_CASE("PackageFacts says nothing when no list was given") {
  FactSet facts;
  PackageStatement s = DescribePackage(facts, "yaml", "PyYAML");
  CHECK(s.sentence.empty());
  CHECK(s.facts.empty());
}

TEST_CASE("PackageFacts names the module's provider at launch and its absence at runtime") {
  FactSet facts;
  facts.launch.packages = List({{"PyYAML", "6.0.1"}});
  facts.runtime.packages = List({{"numpy", "1.26.4"}});
  PackageStatement s = DescribePackage(facts, "yaml", "PyYAML");
  CHECK(s.sentence == "'yaml' is provided by PyYAML 6.0.1 at launch; the runtime list has no PyYAML");
  CHECK(s.facts == KeyValues{{"distribution", "PyYAML"}, {"launch.version", "6.0.1"}, {"runtime.version", "absent"}});
}

TEST_CASE("PackageFacts compares versions present on both sides") {
  FactSet facts;
  facts.launch.packages = List({{"dill", "0.3.8"}});
  facts.runtime.packages = List({{"dill", "0.3.1.1"}});
  CHECK(DescribePackage(facts, "dill", "dill").sentence == "dill is 0.3.8 at launch but 0.3.1.1 at runtime");
  facts.runtime.packages = List({{"dill", "0.3.8"}});
  CHECK(DescribePackage(facts, "dill", "dill").sentence == "dill 0.3.8 is installed at launch and at runtime");
}

TEST_CASE("PackageFacts handles a single given side") {
  FactSet facts;
  facts.runtime.packages = List({{"numpy", "1.26.4"}});
  PackageStatement s = DescribePackage(facts, "numpy._core.numeric", "numpy");
  CHECK(s.sentence == "numpy 1.26.4 at runtime");
  CHECK(s.facts == KeyValues{{"distribution", "numpy"}, {"runtime.version", "1.26.4"}});
  facts.runtime.packages = List({});
  CHECK(DescribePackage(facts, "yaml", "PyYAML").sentence == "the runtime list has no PyYAML");
}

}  // namespace beamcompat
