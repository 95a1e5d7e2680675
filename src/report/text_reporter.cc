#include "report/text_reporter.h"

#include <ostream>

namespace beamcompat {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;33m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return "";
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class Printer {
 public:
  Printer(std::ostream& out, bool color) : out_(out), color_(color) {}

  void Paint(const char* code, const std::string& text) {
    if (color_) {
      out_ << code << text << kReset;
    } else {
      out_ << text;
    }
  }

  void Diagnostic(const struct Diagnostic& d) {
    std::string where = d.location.ToString();
    if (!where.empty()) Paint(kBold, where + ":");
    if (!where.empty()) out_ << " ";
    Paint(kBold, d.code);
    out_ << " ";
    Paint(SeverityColor(d.severity), SeverityName(d.severity));
    out_ << ": " << d.message << "\n";
    if (!d.diagnosis_class.empty()) out_ << "  class: " << d.diagnosis_class << "\n";
    if (d.count > 0) out_ << "  seen " << (d.count == 1 ? "once" : Plural(d.count, "time")) << "\n";
    for (const EvidenceLine& line : d.evidence) {
      out_ << "  | " << line.line << ": " << line.text << "\n";
    }
    for (const std::string& help : d.help) out_ << "  help: " << help << "\n";
    out_ << "\n";
  }

  void Summary(const Report& report) {
    SeverityCounts counts = CountSeverities(report);
    out_ << Plural(counts.error, "error") << ", " << Plural(counts.warning, "warning") << ", "
         << counts.info << " info";
    if (!report.not_evaluated.empty()) {
      out_ << "; " << Plural(static_cast<int>(report.not_evaluated.size()), "rule")
           << " not evaluated";
    }
    out_ << "\n";
  }

  void NotEvaluated(const Report& report) {
    if (report.not_evaluated.empty()) return;
    out_ << "not evaluated:\n";
    for (const struct NotEvaluated& n : report.not_evaluated) {
      out_ << "  " << n.code;
      for (const RuleInfo& rule : report.rules) {
        if (rule.code == n.code) out_ << " " << rule.name;
      }
      out_ << ": " << n.reason << "\n";
    }
  }

 private:
  std::ostream& out_;
  bool color_;
};

}  // namespace

void TextReporter::Write(const Report& report, std::ostream& out) const {
  Printer printer(out, options_.color);
  for (const Diagnostic& d : report.diagnostics) printer.Diagnostic(d);
  for (const std::string& note : report.notes) out << "note: " << note << "\n";
  printer.Summary(report);
  printer.NotEvaluated(report);
}

}  // namespace beamcompat
