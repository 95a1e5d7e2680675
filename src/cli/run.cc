#include "cli/run.h"

#include <ostream>

#include "base/text.h"
#include "cli/exit_code.h"

namespace beamcompat {
namespace {

void PrintUsage(std::ostream& out) {
  out << "beamcompat " << BEAMCOMPAT_VERSION
      << ": catch dependency and environment incompatibilities in Apache Beam Python "
         "pipelines\n\n"
         "usage: beamcompat <command> [options]\n\ncommands:\n";
  for (const CommandSpec& command : Commands()) {
    std::string name = command.name;
    name.resize(std::max<size_t>(name.size() + 2, 12), ' ');
    out << "  " << name << command.summary << "\n";
  }
  out << "\n'beamcompat <command> --help' describes a command's options.\n"
         "exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error\n";
}

}  // namespace

int Run(const std::vector<std::string>& args, const CommandContext& ctx) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintUsage(args.empty() ? ctx.err : ctx.out);
    return args.empty() ? kExitUsageOrInput : kExitClean;
  }
  if (args[0] == "--version" || args[0] == "-V" || args[0] == "version") {
    ctx.out << "beamcompat " << BEAMCOMPAT_VERSION << "\n";
    return kExitClean;
  }
  std::vector<std::string> names;
  for (const CommandSpec& command : Commands()) {
    if (args[0] == command.name) {
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()), ctx);
    }
    names.push_back(command.name);
  }
  ctx.err << "beamcompat: error: unknown command " << Quote(args[0])
          << DidYouMeanSuffix(args[0], names) << "; see 'beamcompat --help'\n";
  return kExitUsageOrInput;
}

}  // namespace beamcompat
