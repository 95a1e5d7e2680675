#include "config/config_discovery.h"
#include "config/config_reader.h"

#include <doctest/doctest.h>

#include "support/message_texts.h"
#include "support/string_vector.h"

#include "base/file_system.h"
#include "base/message.h"

namespace beamcompat {
namespace {

std::vector<std::string> Values(const std::vector<Located<std::string>>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) out.push_back(value.value);
  return out;
}

}  // namespace

TEST_CASE("config reader: every key of [tool.beamcompat] in a pyproject.toml") {
  const char* text = R"([project]
name = "pipeline"

[tool.beamcompat]
select = ["BL", "BC001"]
ignore = ["BL006"]
extend-select = ["unpinned-beam"]
fail-on = "warning"
rules-dirs = ["ci/rules"]
exclude = ["build/", "*.bak"]
launch = "deps/launch.txt"
runtime = "deps/runtime.txt"
pipeline = "out/pipeline.pb"

[tool.beamcompat.severity]
BL004 = "error"

[tool.beamcompat.per-file-ignores]
"docker/legacy.Dockerfile" = ["BL005", "BL001"]
)";
  Messages messages;
  auto config = ParseConfig("repo/pyproject.toml", text, ConfigFileKind::kPyproject, &messages);
  REQUIRE(config.has_value());
  CHECK(messages.empty());
  CHECK(Values(config->select) == std::vector<std::string>{"BL", "BC001"});
  CHECK(config->select[1].where.ToString() == "repo/pyproject.toml:5:17");
  CHECK(Values(config->ignore) == std::vector<std::string>{"BL006"});
  CHECK(Values(config->extend_select) == std::vector<std::string>{"unpinned-beam"});
  REQUIRE(config->fail_on.has_value());
  CHECK(config->fail_on->value == Severity::kWarning);
  CHECK(Values(config->rules_dirs) == std::vector<std::string>{"repo/ci/rules"});
  CHECK(Values(config->exclude) == std::vector<std::string>{"build/", "*.bak"});
  CHECK(config->launch->value == "repo/deps/launch.txt");
  CHECK(config->runtime->value == "repo/deps/runtime.txt");
  CHECK(config->pipeline->value == "repo/out/pipeline.pb");
  REQUIRE(config->severity.size() == 1);
  CHECK(config->severity[0].code.value == "BL004");
  CHECK(config->severity[0].severity == Severity::kError);
  REQUIRE(config->per_file_ignores.size() == 1);
  CHECK(config->per_file_ignores[0].pattern.value == "docker/legacy.Dockerfile");
  CHECK(Values(config->per_file_ignores[0].codes) == std::vector<std::string>{"BL005", "BL001"});
}

TEST_CASE("config reader: unknown keys and bad values are located errors") {
  const char* text =
      "selct = [\"BL001\"]\n"
      "fail-on = \"fatal\"\n"
      "ignore = \"BL002\"\n"
      "[severity]\n"
      "BL001 = \"warn\"\n";
  Messages messages;
  auto config = ParseConfig("beamcompat.toml", text, ConfigFileKind::kBeamcompatToml, &messages);
  CHECK_FALSE(config.has_value());
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "beamcompat.toml:1:1: error: unknown key 'selct' in beamcompat.toml (did you mean "
            "'select'?)",
            "beamcompat.toml:2:11: error: unknown severity 'fatal' for 'fail-on'; expected "
            "'error', 'warning' or 'info'",
            "beamcompat.toml:3:10: error: 'ignore' must be an array of strings",
            "beamcompat.toml:5:9: error: unknown severity 'warn' for 'BL001'; expected 'error', "
            "'warning' or 'info'",
        });
}

TEST_CASE("config reader: a --config file of another name may be pyproject-style") {
  Messages messages;
  auto config = ParseConfig("ci/lint.toml", "[tool.beamcompat]\nselect = [\"BL\"]\n",
                            ConfigFileKind::kBeamcompatToml, &messages);
  REQUIRE(config.has_value());
  CHECK(messages.empty());
  REQUIRE(config->select.size() == 1);
  CHECK(config->select[0].value == "BL");
  auto plain = ParseConfig("ci/lint.toml", "selct = [\"BL\"]\n", ConfigFileKind::kBeamcompatToml,
                           &messages);
  CHECK_FALSE(plain.has_value());
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "ci/lint.toml:1:1: error: unknown key 'selct' in lint.toml (did you mean 'select'?)"});
}

TEST_CASE("config reader: invalid TOML is one located error") {
  Messages messages;
  auto config = ParseConfig("beamcompat.toml", "select = [\"BL001\"\n", ConfigFileKind::kBeamcompatToml,
                            &messages);
  CHECK_FALSE(config.has_value());
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"beamcompat.toml:1:19: error: invalid TOML: error while parsing "
                                 "array: encountered end-of-file"});
}

TEST_CASE("config discovery: nearest folder wins, beamcompat.toml before pyproject.toml") {
  InMemoryFileSystem fs;
  fs.AddFile("/repo/pyproject.toml", "[tool.beamcompat]\nselect = [\"BL001\"]\n");
  fs.AddFile("/repo/pipelines/pyproject.toml", "[project]\nname = \"no-config-here\"\n");
  fs.AddFile("/repo/pipelines/batch/main.py", "");
  fs.AddFile("/repo/other/beamcompat.toml", "select = [\"BL002\"]\n");
  fs.AddFile("/repo/other/pyproject.toml", "[tool.beamcompat]\nselect = [\"BL003\"]\n");
  Messages messages;
  Config config;

  SUBCASE("walks up past a pyproject.toml without the table") {
    REQUIRE(LoadConfig(fs, {"/repo/pipelines/batch", "", false}, &config, &messages));
    CHECK(config.file == "../../pyproject.toml");
    CHECK(Values(config.select) == std::vector<std::string>{"BL001"});
  }
  SUBCASE("beamcompat.toml wins within one folder") {
    REQUIRE(LoadConfig(fs, {"/repo/other", "", false}, &config, &messages));
    CHECK(config.file == "beamcompat.toml");
    CHECK(Values(config.select) == std::vector<std::string>{"BL002"});
  }
  SUBCASE("--config names the file; --isolated uses none") {
    REQUIRE(LoadConfig(fs, {"/repo/pipelines", "../other/pyproject.toml", false}, &config,
                       &messages));
    CHECK(Values(config.select) == std::vector<std::string>{"BL003"});
    REQUIRE(LoadConfig(fs, {"/repo/pipelines", "../other/pyproject.toml", true}, &config,
                       &messages));
    CHECK(config.file.empty());
    CHECK(config.select.empty());
  }
  SUBCASE("a missing --config file is an error") {
    CHECK_FALSE(LoadConfig(fs, {"/repo", "nope.toml", false}, &config, &messages));
    CHECK(messages.has_errors());
  }
  CHECK(RelativePath("/repo/a/b", "/repo/c/x.toml") == "../../c/x.toml");
}

}  // namespace beamcompat
