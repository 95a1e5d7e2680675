#include "cli/config_options.h"

#include <doctest/doctest.h>

#include "support/string_vector.h"

namespace beamcompat {

TEST_CASE("config options: command-line flags override the config, lists add to it") {
  Config config;
  config.select = {{"BL", {}}};
  config.ignore = {{"BL006", {}}};
  config.extend_select = {{"BC001", {}}};
  config.rules_dirs = {{"ci/rules", {}}};
  config.fail_on = Located<Severity>{Severity::kWarning, {}};
  config.launch = Located<std::string>{"deps/launch.txt", {}};
  config.severity = {{{"BL004", {}}, Severity::kError}};

  CommandOptions cli;
  cli.select = {"BL001"};
  cli.ignore = {"BL005"};
  cli.fail_on = "info";
  cli.runtime = "runtime.txt";
  ApplyConfig(config, &cli);
  CHECK(cli.select == std::vector<std::string>{"BL001"});
  CHECK(cli.ignore == std::vector<std::string>{"BL006", "BL005"});
  CHECK(cli.extend_select == std::vector<std::string>{"BC001"});
  CHECK(cli.rules_dirs == std::vector<std::string>{"ci/rules"});
  CHECK(*cli.fail_on == "info");
  CHECK(cli.launch == "deps/launch.txt");
  CHECK(cli.runtime == "runtime.txt");

  CommandOptions defaults;
  ApplyConfig(config, &defaults);
  CHECK(defaults.select == std::vector<std::string>{"BL"});
  CHECK(*defaults.fail_on == "warning");
  RuleSelectionOptions selection = SelectionOptions(config, defaults);
  REQUIRE(selection.severity.size() == 1);
  CHECK(selection.severity[0].first == "BL004");
  CHECK(selection.severity[0].second == Severity::kError);
}

}  // namespace beamcompat
