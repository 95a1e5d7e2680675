// The subcommand registry: each command is a function of its arguments and a context that
// carries every door to the outside (files, streams, environment variables), so tests run a
// whole command in memory.
#ifndef BEAMCOMPAT_CLI_COMMAND_H_
#define BEAMCOMPAT_CLI_COMMAND_H_

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace beamcompat {

class FileSystem;

struct CommandContext {
  CommandContext(const FileSystem& fs_in, std::istream& in_in, std::ostream& out_in,
                 std::ostream& err_in)
      : fs(fs_in), in(in_in), out(out_in), err(err_in) {}

  const FileSystem& fs;
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  std::map<std::string, std::string> env;  // NO_COLOR, FORCE_COLOR, GITHUB_ACTIONS, ...
  std::string executable_dir;  // where the binary lives, to find rules/ without flags
  std::string working_dir;     // where config discovery starts
};

using CommandFn = int (*)(const std::vector<std::string>& args, const CommandContext& ctx);

struct CommandSpec {
  const char* name;
  const char* summary;
  CommandFn run;
};

// Every subcommand, in the order `beamcompat --help` lists them.
const std::vector<CommandSpec>& Commands();

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_COMMAND_H_
