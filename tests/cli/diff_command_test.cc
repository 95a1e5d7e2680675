#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "cli/command.h"
#include "cli/run.h"

namespace beamcompat {
namespace {

struct DiffFixture {
  DiffFixture() {
    fs.AddFile("launch.txt",
               "apache-beam==2.56.0\nnumpy==1.26.4\nPyYAML==6.0.1\n"
               "# Editable install with no version control (mypipeline==0.3.0)\n"
               "-e /home/dev/src/mypipeline\n");
    fs.AddFile("runtime.json", R"({"version": "1", "installed": [
      {"metadata": {"name": "apache-beam", "version": "2.56.0"}},
      {"metadata": {"name": "numpy", "version": "1.24.4"}},
      {"metadata": {"name": "pip", "version": "24.0"}},
      {"metadata": {"name": "setuptools", "version": "69.5.1"}},
      {"metadata": {"name": "pyyaml", "version": "6.0.1"}}],
      "environment": {"python_version": "3.10", "python_full_version": "3.10.12"}})");
  }
  int Diff(std::vector<std::string> args) {
    args.insert(args.begin(), "diff");
    CommandContext ctx{fs, in, out, err};
    return Run(args, ctx);
  }
  InMemoryFileSystem fs;
  std::istringstream in;
  std::ostringstream out, err;
};

}  // namespace

TEST_CASE_FIXTURE(DiffFixture, "diff --format json keeps a stable key order") {
  CHECK(Diff({"--launch", "launch.txt", "--runtime", "runtime.json", "--format", "json"}) == 0);
  CHECK(err.str().empty());
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(out.str());
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"launch", "runtime", "changed", "launch_only",
                                         "runtime_only", "not_compared", "summary"});
  CHECK(j["runtime"]["python"] == "3.10");
  CHECK(j["launch"]["python"].is_null());
  CHECK(j["changed"][0]["package"] == "numpy");
  CHECK(j["changed"][0]["difference"] == "runtime older");
  CHECK(j["launch_only"][0]["launch"] == "-e /home/dev/src/mypipeline (0.3.0)");
  CHECK(j["not_compared"].size() == 2);  // pip and setuptools: the launch freeze omits them
  CHECK(j["summary"]["identical"] == 2);
}

TEST_CASE_FIXTURE(DiffFixture, "diff usage errors exit 2 with one error line") {
  CHECK(Diff({"--launch", "launch.txt"}) == 2);
  CHECK(err.str() ==
        "beamcompat: error: diff needs the runtime packages: --runtime FILE\n"
        "see 'beamcompat diff --help'\n");
  err.str("");
  CHECK(Diff({"--runtime", "runtime.json"}) == 2);
  CHECK(err.str() ==
        "beamcompat: error: diff needs the launch packages: --launch FILE, or --staging DIR "
        "holding submission_environment_dependencies.txt\nsee 'beamcompat diff --help'\n");
  err.str("");
  CHECK(Diff({"--launch", "launch.txt", "--runtime", "runtime.json", "-o", "out.txt"}) == 2);
  CHECK(err.str() ==
        "beamcompat: error: unknown option '-o'\n"
        "see 'beamcompat diff --help'\n");
  err.str("");
  CHECK(Diff({"--help"}) == 0);
  CHECK(out.str().rfind("usage: beamcompat diff --launch FILE --runtime FILE", 0) == 0);
}

}  // namespace beamcompat
