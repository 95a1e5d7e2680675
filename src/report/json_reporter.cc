#include "report/json_reporter.h"

#include <ostream>

#include <nlohmann/json.hpp>

namespace beamcompat {
namespace {

using Json = nlohmann::ordered_json;

Json Location(const SourceLocation& where) {
  Json j = Json::object();
  j["file"] = where.file;
  if (where.line > 0) j["line"] = where.line;
  if (where.column > 0) j["column"] = where.column;
  if (!where.path.empty()) j["path"] = where.path;
  return j;
}

Json Object(const KeyValues& values) {
  Json j = Json::object();
  for (const auto& [key, value] : values) j[key] = value;
  return j;
}

Json DiagnosticJson(const Diagnostic& d) {
  Json j;
  j["code"] = d.code;
  j["name"] = d.name;
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  j["help"] = d.help;
  j["location"] = Location(d.location);
  j["facts"] = Object(d.facts);
  if (!d.diagnosis_class.empty()) j["class"] = d.diagnosis_class;
  if (d.count > 0) j["count"] = d.count;
  if (!d.evidence.empty()) {
    Json evidence = Json::array();
    for (const EvidenceLine& line : d.evidence) {
      evidence.push_back(Json{{"line", line.line}, {"text", line.text}});
    }
    j["evidence"] = std::move(evidence);
  }
  if (!d.captures.empty()) j["captures"] = Object(d.captures);
  return j;
}

}  // namespace

void JsonReporter::Write(const Report& report, std::ostream& out) const {
  Json j;
  j["tool"] = Json{{"name", options_.tool_name}, {"version", options_.tool_version}};
  j["diagnostics"] = Json::array();
  for (const Diagnostic& d : report.diagnostics) j["diagnostics"].push_back(DiagnosticJson(d));
  j["not_evaluated"] = Json::array();
  for (const NotEvaluated& n : report.not_evaluated) {
    j["not_evaluated"].push_back(Json{{"code", n.code}, {"reason", n.reason}});
  }
  SeverityCounts counts = CountSeverities(report);
  j["summary"] = Json{{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}};
  if (!report.notes.empty()) j["notes"] = report.notes;
  // Invalid UTF-8 in facts is replaced rather than throwing.
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace beamcompat
