#include "report/github_reporter.h"

#include <algorithm>
#include <array>
#include <ostream>
#include <vector>

namespace beamcompat {
namespace {

const char* Command(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "warning";
}

void WriteOne(const Diagnostic& d, std::ostream& out) {
  std::vector<std::string> properties;
  if (!d.location.file.empty()) {
    properties.push_back("file=" + EscapeGithubProperty(d.location.file));
    if (d.location.line > 0) properties.push_back("line=" + std::to_string(d.location.line));
    if (d.location.column > 0) properties.push_back("col=" + std::to_string(d.location.column));
  }
  properties.push_back("title=" + EscapeGithubProperty(d.code + " " + d.name));
  std::string message = d.message;
  if (!d.location.path.empty()) message += " (at " + d.location.path + ")";
  for (const std::string& help : d.help) message += "\n" + help;
  out << "::" << Command(d.severity) << " ";
  for (size_t i = 0; i < properties.size(); ++i) out << (i ? "," : "") << properties[i];
  out << "::" << EscapeGithubData(message) << "\n";
}

std::string Plural(int count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

std::string EscapeGithubData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeGithubProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeGithubData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

void GithubReporter::Write(const Report& report, std::ostream& out) const {
  WriteGithubAnnotations(report, out);
}

void WriteGithubAnnotations(const Report& report, std::ostream& out) {
  std::vector<const Diagnostic*> sorted;
  for (const Diagnostic& d : report.diagnostics) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return a->severity > b->severity;
  });
  std::array<int, 3> shown = {0, 0, 0};
  std::array<int, 3> hidden = {0, 0, 0};
  for (const Diagnostic* d : sorted) {
    int level = static_cast<int>(d->severity);
    if (shown[level] < kGithubAnnotationsPerLevel) {
      WriteOne(*d, out);
      ++shown[level];
    } else {
      ++hidden[level];
    }
  }
  if (hidden[0] + hidden[1] + hidden[2] == 0) return;
  std::vector<std::string> parts;
  if (hidden[2]) parts.push_back(Plural(hidden[2], "error"));
  if (hidden[1]) parts.push_back(Plural(hidden[1], "warning"));
  if (hidden[0]) parts.push_back(Plural(hidden[0], "notice"));
  out << "beamcompat: ";
  for (size_t i = 0; i < parts.size(); ++i) out << (i ? ", " : "") << parts[i];
  out << " more not shown as annotations (GitHub shows " << kGithubAnnotationsPerLevel
      << " per level); run with --format text to see every finding\n";
}

}  // namespace beamcompat
