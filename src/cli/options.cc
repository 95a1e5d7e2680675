#include "cli/options.h"

#include <sstream>

#include <boost/program_options.hpp>

#include "base/text.h"

namespace beamcompat {
namespace po = boost::program_options;
namespace {

void AddInputOptions(po::options_description* desc, CommandOptions* o) {
  desc->add_options()
      ("pipeline", po::value(&o->pipeline)->value_name("FILE"),
       "pipeline.pb (binary, text or JSON proto)")
      ("staging", po::value(&o->staging)->value_name("DIR"),
       "a downloaded staging location (pipeline.pb plus staged artifacts)")
      ("launch", po::value(&o->launch)->value_name("FILE"),
       "launch environment packages (pip freeze, pip list --format=json, pip inspect, ...)")
      ("runtime", po::value(&o->runtime)->value_name("FILE"),
       "runtime (worker container) packages, same formats")
      ("launch-python", po::value(&o->launch_python)->value_name("X.Y"),
       "Python version of the launch environment")
      ("runtime-python", po::value(&o->runtime_python)->value_name("X.Y"),
       "Python version of the runtime environment")
      ("runtime-image", po::value(&o->runtime_image)->value_name("IMAGE"),
       "the worker container image")
      ("no-payloads", po::bool_switch(&o->no_payloads),
       "do not decode the pickled payloads (faster on large pipelines; the payload rules "
       "are then not evaluated)");
}

void AddOutputOptions(po::options_description* desc, CommandOptions* o) {
  desc->add_options()
      ("format", po::value(&o->format)->value_name("FORMAT"), "output format")
      ("color", po::value(&o->color)->value_name("WHEN"), "auto, always or never");
}

void AddSelectionOptions(po::options_description* desc, CommandOptions* o) {
  desc->add_options()
      ("select", po::value(&o->select)->composing()->value_name("CODE"),
       "only these rules (code, code prefix or name; repeatable, comma-separated)")
      ("ignore", po::value(&o->ignore)->composing()->value_name("CODE"), "skip these rules")
      ("extend-select", po::value(&o->extend_select)->composing()->value_name("CODE"),
       "add rules to the selection")
      ("rules", po::value(&o->rules_dirs)->composing()->value_name("DIR"),
       "also load the rule files in DIR")
      ("config", po::value(&o->config)->value_name("FILE"),
       "read configuration from FILE instead of discovering pyproject.toml/beamcompat.toml")
      ("isolated", po::bool_switch(&o->isolated), "ignore all configuration files");
}

void AddFailOptions(po::options_description* desc, CommandOptions* o) {
  desc->add_options()
      ("fail-on", po::value<std::string>()->value_name("SEVERITY")->notifier(
                      [o](const std::string& v) { o->fail_on = v; }),
       "exit 1 on findings at or above: error (default), warning or info")
      ("exit-zero", po::bool_switch(&o->exit_zero), "exit 0 even when there are findings")
      ("statistics", po::bool_switch(&o->statistics), "print counts per rule");
}

// Splits "--select=A,B" style values so repeatable lists accept commas too.
void SplitCommas(std::vector<std::string>* values) {
  std::vector<std::string> out;
  for (const std::string& value : *values) {
    for (std::string_view part : Split(value, ',')) {
      part = Trim(part);
      if (!part.empty()) out.emplace_back(part);
    }
  }
  *values = std::move(out);
}

std::vector<std::string> KnownFlags(const po::options_description& desc) {
  std::vector<std::string> names;
  for (const auto& option : desc.options()) names.push_back("--" + option->long_name());
  return names;
}

}  // namespace

ParsedCommandLine ParseCommandLine(const std::string& command, const std::string& usage,
                                   const std::vector<std::string>& args, unsigned groups,
                                   const std::string& positional_name, int max_positional) {
  ParsedCommandLine parsed;
  CommandOptions* o = &parsed.options;
  po::options_description desc("options");
  desc.add_options()("help,h", po::bool_switch(&o->help), "show this help");
  if (groups & kInputOptions) AddInputOptions(&desc, o);
  if (groups & kOutputOptions) AddOutputOptions(&desc, o);
  if (groups & kSelectionOptions) AddSelectionOptions(&desc, o);
  if (groups & kFailOptions) AddFailOptions(&desc, o);

  po::options_description all;
  all.add(desc);
  po::positional_options_description positional;
  if (!positional_name.empty()) {
    all.add_options()(positional_name.c_str(), po::value(&o->positional));
    positional.add(positional_name.c_str(), max_positional);
  }
  std::ostringstream help;
  help << "usage: beamcompat " << command << " " << usage << "\n\n" << desc;
  parsed.help_text = help.str();
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional)
                  .style(po::command_line_style::default_style &
                         ~po::command_line_style::allow_guessing)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    std::string flag = e.get_option_name();
    parsed.error = "unknown option " + Quote(flag) + DidYouMeanSuffix(flag, KnownFlags(desc));
  } catch (const po::too_many_positional_options_error&) {
    parsed.error = positional_name.empty()
                       ? "'" + command + "' takes no positional arguments"
                       : "too many arguments for '" + command + "'";
  } catch (const po::error& e) {
    parsed.error = e.what();
  }
  SplitCommas(&o->select);
  SplitCommas(&o->ignore);
  SplitCommas(&o->extend_select);
  return parsed;
}

}  // namespace beamcompat
