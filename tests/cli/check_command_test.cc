#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "base/file_system.h"
#include "cli/run.h"

namespace beamcompat {
namespace {

std::string SourceFile(const std::string& relative) {
  std::ifstream in(std::string(BEAMCOMPAT_SOURCE_DIR) + "/" + relative);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// An installed beamcompat in memory: the binary in /opt/bc/bin, rules where `rules_dir` says.
struct CheckFixture {
  InMemoryFileSystem fs;
  std::istringstream in;
  std::ostringstream out, err;
  CommandContext ctx{fs, in, out, err};

  explicit CheckFixture(const std::string& rules_dir = "/opt/bc/share/beamcompat/rules") {
    for (const char* name : {"versions.yaml", "packages.yaml", "staging.yaml"}) {
      fs.AddFile(rules_dir + "/" + name, SourceFile(std::string("rules/") + name));
    }
    fs.AddFile("/w/launch.txt", "apache-beam==2.56.0\nnumpy==1.26.4\n");
    fs.AddFile("/w/runtime.txt", "apache-beam==2.55.1\nnumpy==1.26.4\n");
    ctx.executable_dir = "/opt/bc/bin";
    ctx.working_dir = "/w";
  }

  int Check(std::vector<std::string> extra) {
    std::vector<std::string> args = {"check", "--launch", "/w/launch.txt", "--runtime",
                                      "/w/runtime.txt"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args, ctx);
  }
};

constexpr const char* kRed = "\033[1;31m";

}  // namespace

TEST_CASE("check command: finds installed rules and exits by --fail-on") {
  CheckFixture f;
  CHECK(f.Check({"--select", "BC001"}) == 1);
  CHECK(f.out.str() ==
        "/w/runtime.txt:1: BC001 error: launch Beam 2.56.0 differs from runtime Beam 2.55.1\n"
        "  help: install apache-beam==2.56.0 in the worker image, or launch with "
        "apache-beam==2.55.1\n\n"
        "1 error, 0 warnings, 0 info\n");
  CHECK(f.err.str() == "");
  CheckFixture ignored;
  CHECK(ignored.Check({"--select", "BC001", "--severity-of-nothing"}) == 2);
  CheckFixture warning_only;
  CHECK(warning_only.Check({"--select", "BC008", "--fail-on", "info"}) == 0);
  CheckFixture bad_fail_on;
  CHECK(bad_fail_on.Check({"--fail-on", "fatal"}) == 2);
  CHECK(bad_fail_on.err.str() ==
        "beamcompat: error: unknown --fail-on value 'fatal'; expected error, warning or info\n");
}

TEST_CASE("check command: rules next to the binary win over the installed ones") {
  CheckFixture f("/opt/bc/bin/rules");
  CHECK(f.Check({"--select", "BC001"}) == 1);
  InMemoryFileSystem empty;
  std::istringstream in;
  std::ostringstream out, err;
  CommandContext ctx{empty, in, out, err};
  ctx.executable_dir = "/nowhere/bin";
  empty.AddFile("/w/launch.txt", "apache-beam==2.56.0\n");
  CHECK(Run({"check", "--launch", "/w/launch.txt"}, ctx) == 2);
  CHECK(err.str() ==
        "/nowhere/bin/rules: error: cannot find the shipped rules (looked in <bindir>/rules and "
        "<bindir>/../share/beamcompat/rules); reinstall beamcompat\n");
}

TEST_CASE("check command: colour follows the terminal, NO_COLOR, FORCE_COLOR and --color") {
  auto coloured = [](bool tty, std::map<std::string, std::string> env,
                     std::vector<std::string> extra) {
    CheckFixture f;
    f.ctx.out_is_tty = tty;
    f.ctx.env = std::move(env);
    extra.insert(extra.end(), {"--select", "BC001"});
    f.Check(extra);
    return f.out.str().find(kRed) != std::string::npos;
  };
  CHECK(coloured(true, {}, {}));
  CHECK_FALSE(coloured(false, {}, {}));
  CHECK_FALSE(coloured(true, {{"NO_COLOR", "1"}}, {}));
  CHECK(coloured(true, {{"NO_COLOR", ""}}, {}));
  CHECK(coloured(false, {{"FORCE_COLOR", "1"}}, {}));
  CHECK(coloured(false, {{"NO_COLOR", "1"}}, {"--color", "always"}));
  CHECK_FALSE(coloured(true, {}, {"--color", "never"}));
  CHECK_FALSE(coloured(true, {}, {"--format", "json"}));
}

TEST_CASE("check command: JSON output is byte-identical across runs") {
  CheckFixture first, second;
  first.Check({"--format", "json"});
  second.Check({"--format", "json"});
  CHECK(first.out.str() == second.out.str());
  CHECK(first.out.str().find("\"not_evaluated\": [") != std::string::npos);
}

}  // namespace beamcompat
