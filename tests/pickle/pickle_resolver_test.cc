#include "pickle/pickle_resolver.h"

#include <doctest/doctest.h>

#include <deque>
#include <string_view>

#include "base/file_system.h"
#include "base/message.h"
#include "facts/package_name.h"
#include "pickle/module_map.h"

namespace beamcompat {
namespace {

using Names = std::vector<std::string>;
using Views = std::vector<std::string_view>;

// PayloadFacts view texts that a pipeline owns; here they live until the tests end.
std::string_view Kept(std::string text) {
  static std::deque<std::string> texts;
  return texts.emplace_back(std::move(text));
}

PackageList Freeze(std::vector<std::pair<std::string, std::string>> rows) {
  PackageList list;
  for (auto& [name, version] : rows) {
    Package package;
    package.name = name;
    package.key = NormalizePackageName(name);
    package.version_text = version;
    package.version = Version::Parse(version);
    list.packages.push_back(package);
  }
  list.Reindex();
  return list;
}

PayloadFacts Payload(std::string transform, std::string pickler, Names modules,
                     bool uses_main_namespace = false,
                     std::vector<MainFunctionFact> main_functions = {}) {
  auto contents = std::make_shared<PayloadContents>();
  contents->readable = true;
  contents->pickler = std::move(pickler);
  contents->modules = std::move(modules);
  contents->uses_main_namespace = uses_main_namespace;
  contents->main_functions = std::move(main_functions);
  PayloadFacts payload;
  payload.transform_name = Kept(transform);
  payload.environment_id = "env";
  payload.proto_path = Kept("components.transforms['" + transform + "']");
  payload.shared = std::move(contents);
  return payload;
}

struct ResolverFixture {
  ModuleMap map = [] {
    RealFileSystem fs;
    Messages messages;
    return *ModuleMap::Load(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);
  }();
  FactSet facts;

  ResolverFixture() {
    facts.pipeline.emplace();
    PipelineEnvironment env;
    env.id = "env";
    facts.pipeline->environments.push_back(env);
    facts.launch.packages = Freeze({{"PyYAML", "6.0.1"}, {"numpy", "2.0.1"}, {"dill", "0.3.6"}});
    facts.runtime.packages = Freeze({{"PyYAML", "5.4.1"}, {"numpy", "1.26.4"}});
  }
};

}  // namespace

TEST_CASE_FIXTURE(ResolverFixture, "pickle resolver: modules joined with both package lists") {
  PickleFacts pickles;
  pickles.payloads = {Payload("Load", "cloudpickle", {"json", "yaml"}),
                      Payload("Arr", "cloudpickle", {"numpy._core.multiarray", "yaml"}),
                      Payload("Own", "pickle", {"shop_lib.transforms"})};
  ResolvePickleFacts(map, facts, &pickles);
  REQUIRE(pickles.modules.size() == 4);
  const ReferencedModule& json = pickles.modules[0];
  CHECK(json.module == "json");
  CHECK(json.stdlib);
  const ReferencedModule& numpy = pickles.modules[1];
  CHECK(numpy.module == "numpy._core.multiarray");
  CHECK(numpy.launch_provider == "numpy 2.0.1");
  CHECK(numpy.runtime_provider == "numpy 1.26.4");
  CHECK(numpy.needs_distribution == "numpy");
  CHECK(numpy.needs_versions == ">=2");
  CHECK(numpy.runtime_outside_needed);
  const ReferencedModule& shop = pickles.modules[2];
  CHECK(shop.candidates == Names{"shop-lib-transforms", "shop-lib"});
  CHECK(shop.launch_provider.empty());
  const ReferencedModule& yaml = pickles.modules[3];
  CHECK(yaml.transforms == Views{"Load", "Arr"});
  CHECK(yaml.launch_key == "pyyaml");
  CHECK(yaml.runtime_version == "5.4.1");
  CHECK_FALSE(yaml.runtime_outside_needed);
  CHECK(pickles.referenced_distributions == Names{"numpy", "pyyaml"});
  REQUIRE(pickles.pickler_uses.size() == 1);
  CHECK(pickles.pickler_uses[0].library == "cloudpickle");
  CHECK(pickles.pickler_uses[0].transforms == Views{"Load", "Arr"});
  CHECK(pickles.pickler_uses[0].launch_version.empty());
}

TEST_CASE_FIXTURE(ResolverFixture,
                  "pickle resolver: dill __main__ functions and the main session") {
  PickleFacts pickles;
  PayloadFacts lambda = Payload("ExtractId", "dill", {}, true, {{"<lambda>", {"json"}}});
  pickles.payloads = {lambda};
  ResolvePickleFacts(map, facts, &pickles);
  REQUIRE(pickles.main_functions.size() == 1);
  CHECK(pickles.main_functions[0].transform == "ExtractId");
  CHECK(pickles.main_functions[0].function->name == "<lambda>");
  CHECK(pickles.main_functions[0].function->globals == Names{"json"});
  CHECK_FALSE(pickles.main_functions[0].main_session_staged);
  REQUIRE(pickles.pickler_uses.size() == 1);
  CHECK(pickles.pickler_uses[0].distribution == "dill");
  CHECK(pickles.pickler_uses[0].launch_version == "0.3.6");
  CHECK(pickles.pickler_uses[0].runtime_version.empty());

  StagedArtifact session;
  session.staged_name = "pickled_main_session";
  facts.pipeline->environments[0].artifacts.push_back(session);
  PickleFacts staged;
  staged.payloads = {lambda};
  ResolvePickleFacts(map, facts, &staged);
  CHECK(staged.main_functions[0].main_session_staged);
}

TEST_CASE_FIXTURE(ResolverFixture,
                  "pickle resolver: a large pipeline walked in two halves gathers as one walk") {
  // 5001 payloads, two per transform, so that transform T1250 has one payload on each side
  // of the split (payloads 2499 and 2500); every payload refers to json, odd ones to yaml
  // too; payloads from 4000 on are cloudpickle's, the rest dill's, with a __main__ function.
  PickleFacts pickles;
  Views all, odd, dill, cloudpickle;
  auto add_once = [](Views* list, std::string_view name) {
    if (list->empty() || list->back() != name) list->push_back(name);
  };
  for (size_t i = 0; i < 5001; ++i) {
    std::string transform = "T" + std::to_string((i + 1) / 2);
    bool is_dill = i < 4000;
    Names modules = i % 2 == 1 ? Names{"json", "yaml"} : Names{"json"};
    std::vector<MainFunctionFact> functions;
    if (is_dill) functions.push_back({"f" + std::to_string(i), {"json"}});
    PayloadFacts payload =
        Payload(transform, is_dill ? "dill" : "cloudpickle", modules, is_dill, functions);
    add_once(&all, payload.transform_name);
    if (i % 2 == 1) add_once(&odd, payload.transform_name);
    add_once(is_dill ? &dill : &cloudpickle, payload.transform_name);
    pickles.payloads.push_back(std::move(payload));
  }
  ResolvePickleFacts(map, facts, &pickles);
  REQUIRE(pickles.modules.size() == 2);
  CHECK(pickles.modules[0].module == "json");
  CHECK(pickles.modules[0].transforms.size() == 2501);
  CHECK(pickles.modules[0].transforms == all);
  CHECK(pickles.modules[0].proto_path == "components.transforms['T0']");
  CHECK(pickles.modules[1].module == "yaml");
  CHECK(pickles.modules[1].transforms == odd);
  REQUIRE(pickles.pickler_uses.size() == 2);
  CHECK(pickles.pickler_uses[0].library == "cloudpickle");
  CHECK(pickles.pickler_uses[0].transforms == cloudpickle);
  CHECK(pickles.pickler_uses[0].proto_path == "components.transforms['T2000']");
  CHECK(pickles.pickler_uses[1].library == "dill");
  CHECK(pickles.pickler_uses[1].transforms == dill);
  Names functions, expected_functions;
  for (const MainFunctionUse& use : pickles.main_functions) functions.push_back(use.function->name);
  for (size_t i = 0; i < 4000; ++i) expected_functions.push_back("f" + std::to_string(i));
  CHECK(functions == expected_functions);
}

}  // namespace beamcompat
