#include "lint/install_command.h"

#include <doctest/doctest.h>

#include "support/string_vector.h"

namespace beamcompat {
namespace {

std::vector<std::string> Args(const PipInstall& install) {
  std::vector<std::string> out;
  for (const PipArgument& arg : install.arguments) {
    out.push_back(std::string(PipArgumentKindName(arg.kind)) + ":" + arg.text);
  }
  return out;
}

}  // namespace

TEST_CASE("install command: pip spellings are recognised") {
  const std::vector<std::vector<std::string>> spellings = {
      {"pip", "install", "x"},
      {"pip3.11", "install", "x"},
      {"/opt/venv/bin/pip", "--no-cache-dir", "install", "x"},
      {"python3", "-m", "pip", "install", "x"},
      {"/usr/bin/python3.10", "-m", "pip", "install", "x"},
      {"uv", "pip", "install", "--system", "x"},
      {"PIP_NO_CACHE_DIR=1", "sudo", "-H", "pip", "install", "x"},
  };
  for (const auto& words : spellings) {
    CAPTURE(words[0]);
    auto install = ParsePipInstall(words);
    REQUIRE(install.has_value());
    CHECK(Args(*install) == std::vector<std::string>{"requirement:x"});
  }
  CHECK_FALSE(ParsePipInstall({"pip", "download", "x"}).has_value());
  CHECK_FALSE(ParsePipInstall({"python3", "-c", "import pip"}).has_value());
}

TEST_CASE("install command: pip arguments are classified by pip's option table") {
  auto install = ParsePipInstall(
      {"pip", "install", "--no-deps", "-i", "https://pypi.example/simple", "-r",
       "requirements.txt", "--constraint=constraints.txt", "-cbase.txt", "-e", ".",
       "apache-beam[gcp]==2.48.0", "./dist/pipeline-1.0-py3-none-any.whl",
       "git+https://github.com/org/lib.git", "lib @ https://example.com/lib.tar.gz",
       "--target", "/opt/deps", "-U", "protobuf<5"});
  REQUIRE(install.has_value());
  CHECK(install->no_deps);
  CHECK(install->upgrade);
  CHECK(Args(*install) == std::vector<std::string>{
                              "requirements-file:requirements.txt",
                              "constraints-file:constraints.txt",
                              "constraints-file:base.txt",
                              "editable:.",
                              "requirement:apache-beam[gcp]==2.48.0",
                              "local-path:./dist/pipeline-1.0-py3-none-any.whl",
                              "url:git+https://github.com/org/lib.git",
                              "requirement:lib @ https://example.com/lib.tar.gz",
                              "requirement:protobuf<5",
                          });
  CHECK(install->arguments[0].word == 6);
}

TEST_CASE("install command: apt-get install packages") {
  auto apt = ParseAptInstall({"apt-get", "-qq", "install", "-y", "--no-install-recommends",
                              "python3.11", "python3.11-venv", "-o", "Dpkg::Options=x", "curl"});
  REQUIRE(apt.has_value());
  CHECK(apt->packages == std::vector<std::string>{"python3.11", "python3.11-venv", "curl"});
  CHECK(apt->package_words == std::vector<size_t>{5, 6, 9});
  CHECK_FALSE(ParseAptInstall({"apt-get", "update"}).has_value());
}

}  // namespace beamcompat
