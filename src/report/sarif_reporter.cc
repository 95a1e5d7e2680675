#include "report/sarif_reporter.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <ostream>

#include <string_view>

#include <nlohmann/json.hpp>

#include "base/text.h"

namespace beamcompat {
namespace {

using Json = nlohmann::ordered_json;

// FNV-1a, 64 bits: stable across runs and platforms, enough to tell findings apart.
std::string Fingerprint(const Diagnostic& d) {
  uint64_t hash = 1469598103934665603ull;
  auto mix = [&hash](const std::string& text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;
    hash *= 1099511628211ull;
  };
  mix(d.code);
  mix(d.location.file);
  mix(d.location.path);
  mix(d.message);
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string HelpText(const RuleInfo& rule) {
  std::string text = rule.fix.empty() ? rule.summary : rule.fix;
  if (!rule.example.empty()) text += "\n\nExample:\n" + rule.example;
  return text;
}

std::string HelpMarkdown(const RuleInfo& rule) {
  std::string md = "**" + rule.code + " " + rule.name + "**: " + rule.summary + "\n\n";
  if (!rule.rationale.empty()) md += rule.rationale + "\n\n";
  if (!rule.fix.empty()) md += "**Fix:** " + rule.fix + "\n\n";
  if (!rule.example.empty()) md += "**Example:**\n\n```\n" + rule.example + "\n```\n";
  return md;
}

Json RuleDescriptor(const RuleInfo& rule) {
  std::string full = rule.rationale.empty() ? rule.summary : rule.rationale;
  return Json{
      {"id", rule.code},
      {"name", rule.name},
      {"shortDescription", {{"text", rule.summary}}},
      {"fullDescription", {{"text", full.substr(0, 1024)}}},
      {"help", {{"text", HelpText(rule)}, {"markdown", HelpMarkdown(rule)}}},
      {"defaultConfiguration", {{"level", SarifLevel(rule.default_severity)}}},
      {"properties", {{"tags", Json::array({"beam", "compatibility"})}}},
  };
}

// A finding inside a binary proto has no line: it covers the artifact (SARIF's whole-artifact
// minimum), and the logical location says where inside.
Json Location(const Diagnostic& d) {
  Json region;
  if (d.location.line > 0) {
    region = {{"startLine", d.location.line}};
    if (d.location.column > 0) region["startColumn"] = d.location.column;
    region["endLine"] = d.location.line;
  } else {
    region = {{"startLine", 1}, {"endLine", 1}};
  }
  Json physical = {{"artifactLocation", {{"uri", SarifUri(d.location.file)}}}, {"region", region}};
  Json location = {{"physicalLocation", physical}};
  if (!d.location.path.empty()) {
    location["logicalLocations"] =
        Json::array({{{"fullyQualifiedName", d.location.path}, {"kind", "member"}}});
  }
  return location;
}

Json Result(const Diagnostic& d, const std::map<std::string, size_t>& rule_index) {
  std::string text = d.message;
  for (const std::string& help : d.help) text += "\n" + help;
  Json result = {{"ruleId", d.code}};
  auto it = rule_index.find(d.code);
  if (it != rule_index.end()) result["ruleIndex"] = it->second;
  result["level"] = SarifLevel(d.severity);
  result["message"] = {{"text", text}};
  if (!d.location.file.empty()) result["locations"] = Json::array({Location(d)});
  result["partialFingerprints"] = {{"beamcompatFindingHash/v1", Fingerprint(d)}};
  return result;
}

}  // namespace

const char* SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

std::string SarifUri(const std::string& path) {
  std::string trimmed = path.substr(0, 2) == "./" ? path.substr(2) : path;
  std::string out = !trimmed.empty() && trimmed[0] == '/' ? "file://" : "";
  for (unsigned char c : trimmed) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) !=
                               std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

SarifReporter::SarifReporter(const ReporterOptions& options) {
  if (!options.tool_version.empty()) options_.tool_version = options.tool_version;
}

void SarifReporter::Write(const Report& report, std::ostream& out) const {
  WriteSarif(report, options_, out);
}

void WriteSarif(const Report& report, const SarifOptions& options, std::ostream& out) {
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const RuleInfo& rule : report.rules) {
    if (rule_index.count(rule.code)) continue;
    rule_index[rule.code] = rules.size();
    rules.push_back(RuleDescriptor(rule));
  }
  Json results = Json::array();
  for (const Diagnostic& d : report.diagnostics) results.push_back(Result(d, rule_index));
  Json driver = {{"name", "beamcompat"},
                 {"version", options.tool_version},
                 {"semanticVersion", options.tool_version},
                 {"informationUri", options.information_uri},
                 {"rules", rules}};
  Json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Json::array({{{"tool", {{"driver", driver}}},
                             {"automationDetails", {{"id", "beamcompat/"}}},
                             {"columnKind", "utf16CodeUnits"},
                             {"results", results}}})},
  };
  out << log.dump(2) << "\n";
}

}  // namespace beamcompat
