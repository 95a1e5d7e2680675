#include "lint/shell_words.h"

#include <doctest/doctest.h>

#include "support/string_vector.h"

namespace beamcompat {
namespace {

std::vector<std::string> Texts(const ShellCommand& command) {
  std::vector<std::string> out;
  for (const ShellWord& word : command) out.push_back(word.text);
  return out;
}

}  // namespace

TEST_CASE("shell words: commands split at && ; || | and newlines, quotes removed") {
  auto commands = SplitShellCommands(
      "apt-get update && apt-get install -y 'python3.11' ; pip install \"apache-beam[gcp]==2.48.0\""
      " || true\necho done | tee log");
  REQUIRE(commands.size() == 6);
  CHECK(Texts(commands[1]) == std::vector<std::string>{"apt-get", "install", "-y", "python3.11"});
  CHECK(commands[1][3].single_quoted);
  CHECK(Texts(commands[2]) == std::vector<std::string>{"pip", "install", "apache-beam[gcp]==2.48.0"});
  CHECK(commands[2][2].offset == 64);
  CHECK(Texts(commands[5]) == std::vector<std::string>{"tee", "log"});
}

TEST_CASE("shell words: redirections and comments are not arguments") {
  auto commands = SplitShellCommands("pip install -r req.txt > /dev/null 2>&1 # quiet\nls");
  REQUIRE(commands.size() == 2);
  CHECK(Texts(commands[0]) == std::vector<std::string>{"pip", "install", "-r", "req.txt"});
  CHECK(Texts(commands[1]) == std::vector<std::string>{"ls"});
}

TEST_CASE("shell words: backslash escapes and an unterminated quote") {
  auto commands = SplitShellCommands("echo a\\ b \"x\\\"y\" 'open");
  REQUIRE(commands.size() == 1);
  CHECK(Texts(commands[0]) == std::vector<std::string>{"echo", "a b", "x\"y", "open"});
}

}  // namespace beamcompat
