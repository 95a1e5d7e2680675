#include "input/pip_json_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/message.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {

TEST_CASE("pip list JSON gives names, versions and editable locations") {
  Messages messages;
  auto list = ReadPipJson("launch.json", R"([
  {"name": "apache-beam", "version": "2.56.0"},
  {"name": "mypipeline", "version": "0.3.0", "editable_project_location": "/home/dev/src/mypipeline"},
  {"name": "PyYAML", "version": "6.0.1", "location": "/venv/lib/python3.10/site-packages", "installer": "pip"},
  {"name": "legacy", "version": "1.0-custom"},
  {"name": "", "version": "1.0"}
])",
                          &messages);
  REQUIRE(list);
  CHECK(list->format == PackageListFormat::kPipListJson);
  REQUIRE(list->packages.size() == 4);
  CHECK(list->packages[1].kind == InstallKind::kEditable);
  CHECK(list->packages[1].url == "/home/dev/src/mypipeline");
  CHECK(list->Find("pyyaml")->version->normalized() == "6.0.1");
  CHECK(list->Find("pyyaml")->where.ToString() == "launch.json: [2]");
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"launch.json: [3].version: warning: version '1.0-custom' of "
                                 "'legacy' is not a PEP 440 version; kept as text",
                                 "launch.json: [4].name: warning: skipped '': not a valid "
                                 "package name"});
}

TEST_CASE("pip inspect gives the environment, Requires-Dist and direct URLs") {
  Messages messages;
  auto list = ReadPipJson("runtime.json", R"({
  "version": "1",
  "pip_version": "24.0",
  "installed": [
    {"metadata": {"metadata_version": "2.1", "name": "apache-beam", "version": "2.56.0",
                  "requires_dist": ["dill<0.3.2,>=0.3.1.1", "cloudpickle~=2.2.1"],
                  "requires_python": ">=3.8"},
     "metadata_location": "/usr/local/lib/python3.10/site-packages/apache_beam-2.56.0.dist-info",
     "installer": "pip", "requested": true},
    {"metadata": {"name": "mylib", "version": "0.1.0"},
     "direct_url": {"url": "file:///src/mylib", "dir_info": {"editable": true}}},
    {"metadata": {"name": "tool", "version": "1.0"},
     "direct_url": {"url": "https://github.com/org/tool", "vcs_info": {"vcs": "git", "commit_id": "abc"}}}
  ],
  "environment": {"implementation_name": "cpython", "python_full_version": "3.10.12",
                  "python_version": "3.10", "sys_platform": "linux"}
})",
                          &messages);
  CHECK(messages.empty());
  REQUIRE(list);
  CHECK(list->format == PackageListFormat::kPipInspect);
  REQUIRE(list->python_version);
  CHECK(list->python_version->value == "3.10.12");
  CHECK(list->python_version->origin == "pip inspect environment");
  CHECK(list->python_version->where.ToString() == "runtime.json: environment.python_full_version");
  CHECK(list->marker_environment.at("sys_platform") == "linux");
  const Package* beam = list->Find("apache-beam");
  REQUIRE(beam);
  CHECK(beam->requires_dist ==
        std::vector<std::string>{"dill<0.3.2,>=0.3.1.1", "cloudpickle~=2.2.1"});
  CHECK(beam->requires_python == ">=3.8");
  CHECK(beam->where.ToString() == "runtime.json: installed[0].metadata");
  CHECK(list->Find("mylib")->kind == InstallKind::kEditable);
  CHECK(list->Find("tool")->kind == InstallKind::kVcs);
  CHECK(list->Find("tool")->url == "https://github.com/org/tool");
}

TEST_CASE("JSON that is not pip's is an error naming the field") {
  struct Row {
    const char* json;
    const char* error;
  };
  const Row rows[] = {
      {R"([{"name": "a", "version": "1"}, {"name": "b", "version": 2}])",
       "x.json: [1].version: error: expected a string"},
      {R"([{"name": "a"}])", "x.json: [0]: error: expected a 'version' string"},
      {R"([1, 2])", "x.json: [0]: error: expected an object with 'name' and 'version'"},
      {R"({"packages": []})",
       "x.json: error: expected pip list JSON (an array of objects with 'name' and 'version') or "
       "a pip inspect report (an object with 'installed')"},
      {R"({"version": "2", "installed": []})",
       "x.json: version: error: unsupported pip inspect report version '2' (expected '1')"},
      {R"({"installed": []})", "x.json: error: expected a 'version' string"},
      {R"({"version": "1", "installed": {}})", "x.json: installed: error: expected an array"},
      {R"({"version": "1", "installed": [{"name": "a"}]})",
       "x.json: installed[0]: error: expected an object with 'metadata'"},
      {R"({"version": "1", "installed": [{"metadata": {"name": "a", "version": "1",
           "requires_dist": "b>1"}}]})",
       "x.json: installed[0].metadata.requires_dist: error: expected an array of strings"},
      {"[\n  {\"name\": \"a\",\n   \"version\": \"1\"},\n  {\"name\" \"b\"}\n]",
       "x.json:4:13: error: malformed JSON: syntax error while parsing object separator - "
       "unexpected string literal; expected ':'"},
      {"[{\"name\": \"a\", \"version\": \"1\"}",
       "x.json:1:31: error: malformed JSON: syntax "
       "error while parsing array - unexpected end of "
       "input; expected ']'"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.json);
    Messages messages;
    CHECK_FALSE(ReadPipJson("x.json", row.json, &messages).has_value());
    REQUIRE(messages.all().size() >= 1);
    CHECK(messages.all()[0].ToString() == row.error);
  }
}

}  // namespace beamcompat
