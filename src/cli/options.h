// Command-line options shared by the subcommands, parsed in one place (the only user of
// Boost.Program_options, whose exceptions stop here). A command asks for the option groups it
// takes; flags it does not take are usage errors with a did-you-mean.
#ifndef BEAMCOMPAT_CLI_OPTIONS_H_
#define BEAMCOMPAT_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

namespace beamcompat {

enum OptionGroup : unsigned {
  kInputOptions = 1u << 0,      // --pipeline --staging --launch --runtime --*-python --runtime-image
  kOutputOptions = 1u << 1,     // --format --color
  kSelectionOptions = 1u << 2,  // --select --ignore --extend-select --rules --config --isolated
  kFailOptions = 1u << 3,       // --fail-on --exit-zero --statistics
};

struct CommandOptions {
  // inputs
  std::string pipeline;
  std::string staging;
  std::string launch;
  std::string runtime;
  std::string launch_python;
  std::string runtime_python;
  std::string runtime_image;
  bool no_payloads = false;  // do not decode the pickled payloads
  // output
  std::string format;  // empty: the command's default
  std::string color = "auto";  // auto | always | never
  // selection
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> extend_select;
  std::vector<std::string> rules_dirs;
  std::string config;
  bool isolated = false;
  // failing
  std::optional<std::string> fail_on;
  bool exit_zero = false;
  bool statistics = false;
  // positional arguments (files for lint and diagnose, a rule for explain)
  std::vector<std::string> positional;
  bool help = false;
};

struct ParsedCommandLine {
  CommandOptions options;
  std::string error;      // set when parsing failed ("unrecognised option '--pipline' ...")
  std::string help_text;  // the command's option reference, for --help and usage errors
  bool ok() const { return error.empty(); }
};

// `positional_name` names the positional arguments in help ("" when the command takes none);
// `max_positional` < 0 means unbounded.
ParsedCommandLine ParseCommandLine(const std::string& command, const std::string& usage,
                                   const std::vector<std::string>& args, unsigned groups,
                                   const std::string& positional_name, int max_positional);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_OPTIONS_H_
