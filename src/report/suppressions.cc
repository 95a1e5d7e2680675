#include "report/suppressions.h"

#include <algorithm>
#include <set>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "report/diagnostic.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {
namespace {

constexpr std::string_view kMarker = "beamcompat: ignore[";

bool Suppresses(const Suppression& s, const Diagnostic& d) {
  if (d.location.file != s.where.file) return false;
  if (d.location.line != s.where.line && d.location.line != s.where.line + 1) return false;
  RuleInfo rule;
  rule.code = d.code;
  rule.name = d.name;
  return std::any_of(s.codes.begin(), s.codes.end(),
                     [&](const std::string& code) { return SelectorMatches(code, rule); });
}

}  // namespace

std::vector<Suppression> FindSuppressions(const std::string& file, std::string_view text) {
  std::vector<Suppression> out;
  int number = 0;
  for (std::string_view line : SplitLines(text)) {
    ++number;
    size_t hash = line.find('#');
    if (hash == std::string_view::npos) continue;
    size_t marker = line.find(kMarker, hash);
    if (marker == std::string_view::npos || Trim(line.substr(hash + 1, marker - hash - 1)) != "") {
      continue;
    }
    size_t open = marker + kMarker.size();
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) continue;
    Suppression s;
    for (std::string_view code : Split(line.substr(open, close - open), ',')) {
      if (!Trim(code).empty()) s.codes.emplace_back(Trim(code));
    }
    s.reason = std::string(Trim(line.substr(close + 1)));
    s.where = AtLine(file, number, static_cast<int>(hash) + 1);
    out.push_back(std::move(s));
  }
  return out;
}

void ApplySuppressions(const FileSystem& fs, const std::vector<std::string>& files, Report* report,
                       Messages* messages) {
  std::vector<std::string> ordered = files;
  std::set<std::string> seen(files.begin(), files.end());
  for (const Diagnostic& d : report->diagnostics) {
    // Only text inputs have lines to suppress on; a binary pipeline.pb is never read here.
    if (d.location.line > 0 && seen.insert(d.location.file).second) {
      ordered.push_back(d.location.file);
    }
  }
  std::vector<Suppression> suppressions;
  for (const std::string& file : ordered) {
    std::string text, err;
    if (!fs.ReadFile(file, &text, &err)) continue;  // a proto or a file read elsewhere
    for (Suppression& s : FindSuppressions(file, text)) suppressions.push_back(std::move(s));
  }
  std::vector<bool> used(suppressions.size(), false);
  auto suppressed = [&](const Diagnostic& d) {
    bool any = false;
    for (size_t i = 0; i < suppressions.size(); ++i) {
      if (Suppresses(suppressions[i], d)) used[i] = any = true;
    }
    return any;
  };
  auto& diagnostics = report->diagnostics;
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed),
                    diagnostics.end());
  for (size_t i = 0; i < suppressions.size(); ++i) {
    if (used[i]) continue;
    std::string codes;
    for (const std::string& code : suppressions[i].codes) codes += (codes.empty() ? "" : ",") + code;
    messages->Warning(suppressions[i].where,
                      "suppression 'ignore[" + codes + "]' suppresses nothing here; remove it");
  }
}

}  // namespace beamcompat
