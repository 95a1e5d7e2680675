#include "diagnose/diagnose_output.h"

#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

namespace beamcompat {
namespace {

using json = nlohmann::ordered_json;

std::string EvidencePrefix(const DiagnoseSummary& summary, int line) {
  if (summary.read.format == LogFormat::kCloudLoggingJson) return "entry " + std::to_string(line);
  return std::to_string(line);
}

std::string JoinFacts(const KeyValues& values) {
  std::string out;
  for (const auto& [key, value] : values) {
    if (!out.empty()) out += ", ";
    out += key + "=" + value;
  }
  return out;
}

void WriteOne(const Diagnostic& d, const DiagnoseSummary& summary, std::ostream& out) {
  out << d.location.ToString() << ": " << SeverityName(d.severity) << ": " << d.message << " ["
      << d.code << "]\n";
  out << "  = class: " << d.diagnosis_class << ", seen " << d.count
      << (d.count == 1 ? " time" : " times") << "\n";
  for (const EvidenceLine& e : d.evidence) {
    out << "  | " << EvidencePrefix(summary, e.line) << ": " << e.text << "\n";
  }
  if (!d.captures.empty()) out << "  = captured: " << JoinFacts(d.captures) << "\n";
  if (!d.facts.empty()) out << "  = facts: " << JoinFacts(d.facts) << "\n";
  for (const std::string& help : d.help) out << "  = help: " << help << "\n";
}

int Occurrences(const Report& report) {
  int total = 0;
  for (const Diagnostic& d : report.diagnostics) total += d.count;
  return total;
}

}  // namespace

void WriteDiagnoseText(const Report& report, const DiagnoseSummary& summary, bool statistics,
                       std::ostream& out) {
  for (const Diagnostic& d : report.diagnostics) {
    WriteOne(d, summary, out);
    out << "\n";
  }
  if (!summary.read.warning.empty()) {
    out << summary.log_name << ": warning: " << summary.read.warning << "\n";
  }
  std::string unit = summary.read.format == LogFormat::kCloudLoggingJson ? " entries" : " lines";
  std::string where = summary.log_name + " (" + std::to_string(summary.read.lines) + unit + ", " +
                      LogFormatName(summary.read.format) + ")";
  if (report.diagnostics.empty()) {
    out << "no failure found in " << where << "\n";
  } else {
    size_t n = report.diagnostics.size();
    int occurrences = Occurrences(report);
    out << n << (n == 1 ? " distinct failure" : " distinct failures") << " (" << occurrences
        << (occurrences == 1 ? " occurrence" : " occurrences") << ") in " << where << "\n";
  }
  if (summary.overflow > 0) {
    out << summary.overflow << " more occurrences of other failures were counted but not kept\n";
  }
  if (!statistics) return;
  std::map<std::string, int> per_rule;
  for (const Diagnostic& d : report.diagnostics) per_rule[d.code + " " + d.name] += d.count;
  for (const auto& [rule, count] : per_rule) out << count << "\t" << rule << "\n";
}

void WriteDiagnoseJson(const Report& report, const DiagnoseSummary& summary, std::ostream& out) {
  json root;
  root["log"] = {{"file", summary.log_name},
                 {"format", LogFormatName(summary.read.format)},
                 {"lines", summary.read.lines},
                 {"repaired_lines", summary.read.repaired_lines},
                 {"truncated_lines", summary.read.truncated_lines}};
  if (!summary.read.warning.empty()) root["log"]["warning"] = summary.read.warning;
  json diagnostics = json::array();
  for (const Diagnostic& d : report.diagnostics) {
    json item = {{"code", d.code}, {"name", d.name}, {"severity", SeverityName(d.severity)},
                 {"class", d.diagnosis_class}, {"message", d.message}, {"count", d.count}};
    item["location"] = {{"file", d.location.file}};
    if (d.location.line > 0) item["location"]["line"] = d.location.line;
    if (!d.location.path.empty()) item["location"]["path"] = d.location.path;
    item["evidence"] = json::array();
    for (const EvidenceLine& e : d.evidence) item["evidence"].push_back({{"line", e.line}, {"text", e.text}});
    item["captures"] = json::object();
    for (const auto& [k, v] : d.captures) item["captures"][k] = v;
    item["facts"] = json::object();
    for (const auto& [k, v] : d.facts) item["facts"][k] = v;
    item["help"] = d.help;
    diagnostics.push_back(std::move(item));
  }
  root["diagnostics"] = std::move(diagnostics);
  root["summary"] = {{"failures", report.diagnostics.size()},
                     {"occurrences", Occurrences(report)},
                     {"overflow", summary.overflow}};
  out << root.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace beamcompat
