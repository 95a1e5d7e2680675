#include "engine/fact_schema.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "facts/fact_set.h"

namespace beamcompat {
namespace {

Value EnvImagePython(const FactSet&, const ItemRef&) { return Value::VersionText("3.12"); }
SourceLocation Nowhere(const FactSet&, const ItemRef&) { return {}; }
Value Answer(const FactSet&) { return Value::Int(42); }
SourceLocation NowhereScope(const FactSet&) { return {}; }

}  // namespace

TEST_CASE("fact schema: every shipped fact has help and a way to supply it") {
  const FactSchema& schema = FactSchema::Default();
  std::vector<std::string> paths = schema.ScopeFactPaths();
  CHECK(paths.size() >= 20);
  for (const std::string& path : paths) {
    CAPTURE(path);
    const ScopeFact* fact = schema.FindScopeFact(path);
    REQUIRE(fact);
    CHECK(std::string(fact->help) != "");
    CHECK(std::string(fact->missing) != "");
    CHECK(std::string(fact->supply).starts_with("give "));
    CHECK(fact->get(FactSet()).absent());
  }
  for (const std::string& name : schema.CollectionNames()) {
    CAPTURE(name);
    const FactCollection* collection = schema.FindCollection(name);
    REQUIRE(collection);
    CHECK_FALSE(collection->available(FactSet()));
    CHECK_FALSE(schema.ItemFieldNames(*collection).empty());
  }
  FactSchema core({&SideFactDomain(), &PipelineFactDomain(), &PackageFactDomain()});
  CHECK(core.CollectionNames() == std::vector<std::string>{"artifacts", "environments",
                                                           "launch_packages", "package_pairs",
                                                           "runtime_packages", "transforms"});
  CHECK(schema.CollectionNames() ==
        std::vector<std::string>{"artifacts", "beam_images", "declared_requirements",
                                 "docker_stages", "environments", "launch_packages",
                                 "main_functions", "package_pairs", "pickled_payloads",
                                 "picklers", "pip_installs", "python_expectations",
                                 "referenced_modules", "runtime_packages", "transforms"});
}

TEST_CASE("fact schema: another domain adds scope facts and fields of existing collections") {
  static const ScopeFact kScope[] = {{"repo.answer", ValueKind::kInt, "a test fact", "no answer",
                                      "give --answer", &Answer, &NowhereScope}};
  static const ItemField kExtra[] = {
      {"image.python_override", ValueKind::kVersion, "a test field", &EnvImagePython, &Nowhere}};
  static const CollectionFields kFields[] = {{"environments", kExtra}};
  static const FactDomain kDomain{kScope, {}, kFields};
  FactSchema schema({&SideFactDomain(), &PipelineFactDomain(), &kDomain});
  REQUIRE(schema.FindScopeFact("repo.answer"));
  CHECK(schema.FindScopeFact("repo.answer")->get(FactSet()).AsInt() == 42);
  const FactCollection* envs = schema.FindCollection("environments");
  REQUIRE(envs);
  CHECK(schema.FindItemField(*envs, "image.python_override") != nullptr);
  CHECK(schema.FindItemField(*envs, "image.python") != nullptr);
  CHECK(schema.FindCollection("package_pairs") == nullptr);
}

}  // namespace beamcompat
