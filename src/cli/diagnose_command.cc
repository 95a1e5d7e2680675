// `beamcompat diagnose worker.log`: explains a failed job from its worker log (or stdin).
#include <istream>
#include <memory>
#include <ostream>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/options.h"
#include "diagnose/diagnose_output.h"
#include "diagnose/diagnose_report.h"
#include "diagnose/diagnoser.h"
#include "diagnose/signature_loader.h"

namespace beamcompat {
namespace {

constexpr const char* kUsage = "[options] [LOG]  (LOG is a worker log or a Cloud Logging JSON export; stdin when absent or '-')";

// The shipped rules: <bindir>/rules in the build tree, <bindir>/../share/beamcompat/rules installed.
std::string ShippedRulesDir(const CommandContext& ctx) {
  for (const char* relative : {"rules/diagnose", "../share/beamcompat/rules/diagnose"}) {
    std::string dir = JoinPath(ctx.executable_dir, relative);
    if (ctx.fs.Kind(dir) == FileKind::kDirectory) return dir;
  }
  return "";
}

bool MatchesSelector(const SignatureRule& rule, const std::vector<std::string>& selectors) {
  for (const std::string& s : selectors) {
    if (s == "ALL" || rule.info.name == s || rule.info.code.rfind(s, 0) == 0) return true;
  }
  return false;
}

std::vector<SignatureRule> Select(std::vector<SignatureRule> rules, const CommandOptions& o) {
  std::vector<SignatureRule> kept;
  for (SignatureRule& rule : rules) {
    bool selected = o.select.empty() || MatchesSelector(rule, o.select) ||
                    MatchesSelector(rule, o.extend_select);
    if (selected && !MatchesSelector(rule, o.ignore)) kept.push_back(std::move(rule));
  }
  return kept;
}

bool LoadRules(const CommandOptions& o, const CommandContext& ctx, SignatureRuleSet* set,
               Messages* messages) {
  std::vector<std::string> paths;
  std::string shipped = ShippedRulesDir(ctx);
  if (shipped.empty()) {
    messages->Error(SourceLocation{}, "cannot find the diagnose rules next to the binary (looked in '" +
                                          JoinPath(ctx.executable_dir, "rules/diagnose") + "')");
    return false;
  }
  paths.push_back(shipped);
  for (const std::string& dir : o.rules_dirs) {
    std::string sub = JoinPath(dir, "diagnose");
    paths.push_back(ctx.fs.Kind(sub) == FileKind::kDirectory ? sub : dir);
  }
  std::vector<SignatureRule> rules;
  bool ok = true;
  for (const std::string& path : paths) ok = LoadSignatureRules(ctx.fs, path, &rules, messages) && ok;
  if (!ok) return false;
  std::string error;
  if (!set->Build(Select(std::move(rules), o), &error)) {
    messages->Error(SourceLocation{}, error);
    return false;
  }
  return true;
}

void PrintLoadMessages(const Messages& messages, std::ostream& err) {
  for (const Message& m : messages.all()) {
    err << (m.where.empty() ? "beamcompat: " + std::string(LevelName(m.level)) + ": " + m.text
                            : m.ToString())
        << "\n";
  }
}

bool Fails(const Report& report, const CommandOptions& o) {
  Severity threshold = Severity::kError;
  if (o.fail_on) ParseSeverity(*o.fail_on, &threshold);
  if (o.exit_zero) return false;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity >= threshold) return true;
  }
  return false;
}

int UsageError(const CommandContext& ctx, const std::string& text) {
  ctx.err << "beamcompat diagnose: error: " << text << "\n";
  return kExitUsageOrInput;
}

// Validates the flags this command does not act on yet, and the output format.
bool CheckFlags(const CommandOptions& o, const CommandContext& ctx, int* code) {
  const std::vector<std::string> formats = {"text", "json"};
  if (!o.format.empty() && o.format != "text" && o.format != "json") {
    *code = UsageError(ctx, "unknown format " + Quote(o.format) + ", expected 'text' or 'json'" +
                                DidYouMeanSuffix(o.format, formats));
    return false;
  }
  Severity unused;
  if (o.fail_on && !ParseSeverity(*o.fail_on, &unused)) {
    *code = UsageError(ctx, "unknown --fail-on value " + Quote(*o.fail_on) +
                                ", expected 'error', 'warning' or 'info'");
    return false;
  }
  if (!o.output.empty()) {
    *code = UsageError(ctx, "'--output' is not supported by diagnose; redirect standard output");
    return false;
  }
  if (!o.pipeline.empty() || !o.staging.empty() || !o.launch.empty() || !o.runtime.empty() ||
      !o.launch_python.empty() || !o.runtime_python.empty() || !o.runtime_image.empty()) {
    *code = UsageError(ctx, "pipeline and package facts are not wired into diagnose in this build");
    return false;
  }
  return true;
}

}  // namespace

int RunDiagnose(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed = ParseCommandLine(
      "diagnose", kUsage, args, kInputOptions | kOutputOptions | kSelectionOptions | kFailOptions,
      "log", 1);
  const CommandOptions& o = parsed.options;
  if (!parsed.ok()) return UsageError(ctx, parsed.error + "\n\n" + parsed.help_text);
  if (o.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  int code = kExitClean;
  if (!CheckFlags(o, ctx, &code)) return code;
  Messages messages;
  SignatureRuleSet rules;
  if (!LoadRules(o, ctx, &rules, &messages)) {
    PrintLoadMessages(messages, ctx.err);
    return kExitUsageOrInput;
  }
  std::string log = o.positional.empty() ? "-" : o.positional[0];
  std::unique_ptr<std::istream> file;
  std::string err;
  if (log != "-" && !(file = ctx.fs.OpenForReading(log, &err))) return UsageError(ctx, err);
  std::istream& in = file ? *file : ctx.in;
  DiagnoseSummary summary;
  summary.log_name = log == "-" ? "<stdin>" : log;
  Diagnoser diagnoser(rules);
  summary.read = ReadLog(in, [&](const LogLine& line) { diagnoser.Feed(line); });
  diagnoser.Finish();
  if (in.bad()) return UsageError(ctx, "cannot read " + Quote(summary.log_name));
  summary.overflow = diagnoser.overflow();
  DiagnoseSource source{summary.log_name, summary.read.format == LogFormat::kCloudLoggingJson};
  Report report = BuildDiagnoseReport(diagnoser.diagnoses(), rules, source, nullptr);
  if (o.format == "json") {
    WriteDiagnoseJson(report, summary, ctx.out);
  } else {
    WriteDiagnoseText(report, summary, o.statistics, ctx.out);
  }
  return Fails(report, o) ? kExitFindings : kExitClean;
}

}  // namespace beamcompat
