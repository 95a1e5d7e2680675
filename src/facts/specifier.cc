#include "facts/specifier.h"

#include <algorithm>
#include <array>
#include <utility>

#include "base/text.h"

namespace beamcompat {
namespace {

// Longest operators first so "===" is not read as "==".
constexpr std::array<std::string_view, 8> kOperators = {
    "===", "~=", "==", "!=", "<=", ">=", "<", ">"};

std::string_view ConsumeOperator(std::string_view* clause) {
  for (std::string_view op : kOperators) {
    if (clause->substr(0, op.size()) == op) {
      clause->remove_prefix(op.size());
      return op;
    }
  }
  return {};
}

bool HasSuffix(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Checks the rules PEP 440 puts on one clause's version; returns "" when it is allowed.
std::string CheckClauseVersion(const SpecifierSet::Clause& clause, std::string_view written) {
  const Version& v = *clause.parsed;
  const std::string& op = clause.op;
  bool equality = op == "==" || op == "!=";
  if (clause.wildcard && !equality) {
    return "'.*' is allowed only with '==' and '!=': '" + std::string(written) + "'";
  }
  if (clause.wildcard && (v.pre_kind() || v.post() || v.dev() || v.has_local())) {
    return "'.*' must follow the release part: '" + std::string(written) + "'";
  }
  if (v.has_local() && !equality) {
    return "a local version label is allowed only with '==' and '!=': '" + std::string(written) +
           "'";
  }
  if (op == "~=" && v.release().size() < 2) {
    return "'" + std::string(written) + "' needs at least two release components";
  }
  return "";
}

std::optional<SpecifierSet::Clause> ParseClause(std::string_view written, std::string* err) {
  std::string_view rest = written;
  SpecifierSet::Clause clause;
  clause.op = std::string(ConsumeOperator(&rest));
  if (clause.op.empty()) {
    *err = "expected an operator ('==', '!=', '<=', '>=', '<', '>', '~=' or '===') before " +
           Quote(written);
    return std::nullopt;
  }
  rest = Trim(rest);
  if (rest.empty()) {
    *err = "expected a version after '" + clause.op + "'";
    return std::nullopt;
  }
  if (clause.op == "===") {
    clause.version = std::string(rest);
    clause.parsed = Version::Parse(rest);
    return clause;
  }
  if (HasSuffix(rest, ".*")) {
    clause.wildcard = true;
    rest.remove_suffix(2);
  }
  clause.version = std::string(rest);
  clause.parsed = Version::Parse(rest);
  if (!clause.parsed) {
    *err = "invalid version " + Quote(rest) + " after '" + clause.op + "'";
    return std::nullopt;
  }
  if (std::string problem = CheckClauseVersion(clause, written); !problem.empty()) {
    *err = std::move(problem);
    return std::nullopt;
  }
  return clause;
}

// "==1.1.*": the candidate's release, zero-padded, starts with the prefix.
bool MatchesPrefix(const Version& candidate, const Version& prefix) {
  if (candidate.epoch() != prefix.epoch()) return false;
  const auto& want = prefix.release();
  const auto& have = candidate.release();
  for (size_t i = 0; i < want.size(); ++i) {
    int64_t component = i < have.size() ? have[i] : 0;
    if (component != want[i]) return false;
  }
  return true;
}

// Same epoch and release, zero-padded: "1.0rc1" and "1.0.0" share a base.
bool SameBase(const Version& a, const Version& b) {
  if (a.epoch() != b.epoch()) return false;
  size_t n = std::max(a.release().size(), b.release().size());
  for (size_t i = 0; i < n; ++i) {
    int64_t x = i < a.release().size() ? a.release()[i] : 0;
    int64_t y = i < b.release().size() ? b.release()[i] : 0;
    if (x != y) return false;
  }
  return true;
}

bool Equal(const Version& candidate, const SpecifierSet::Clause& clause) {
  const Version& spec = *clause.parsed;
  if (clause.wildcard) return MatchesPrefix(candidate, spec);
  if (spec.has_local()) return candidate == spec;
  return candidate.WithoutLocal() == spec;
}

bool LessThan(const Version& candidate, const Version& spec) {
  if (!(candidate.WithoutLocal() < spec)) return false;
  return spec.is_prerelease() || !candidate.is_prerelease() || !SameBase(candidate, spec);
}

bool GreaterThan(const Version& candidate, const Version& spec) {
  if (!(candidate.WithoutLocal() > spec)) return false;
  if (!spec.is_postrelease() && candidate.is_postrelease() && SameBase(candidate, spec)) {
    return false;
  }
  return !(candidate.has_local() && SameBase(candidate, spec));
}

// "~=1.4.5a4" -> the prefix version "1.4".
Version CompatiblePrefix(const Version& spec) {
  std::string prefix;
  if (spec.epoch() != 0) prefix = std::to_string(spec.epoch()) + "!";
  const auto& release = spec.release();
  for (size_t i = 0; i + 1 < release.size(); ++i) {
    if (i > 0) prefix += '.';
    prefix += std::to_string(release[i]);
  }
  return *Version::Parse(prefix);
}

bool ClauseContains(const SpecifierSet::Clause& clause, const Version& candidate) {
  const std::string& op = clause.op;
  if (op == "===") return ToLower(candidate.normalized()) == ToLower(clause.version);
  const Version& spec = *clause.parsed;
  if (op == "==") return Equal(candidate, clause);
  if (op == "!=") return !Equal(candidate, clause);
  if (op == "<=") return candidate.WithoutLocal() <= spec;
  if (op == ">=") return candidate.WithoutLocal() >= spec;
  if (op == "<") return LessThan(candidate, spec);
  if (op == ">") return GreaterThan(candidate, spec);
  // "~="
  return candidate.WithoutLocal() >= spec && MatchesPrefix(candidate, CompatiblePrefix(spec));
}

}  // namespace

std::optional<SpecifierSet> SpecifierSet::Parse(std::string_view text, std::string* err) {
  SpecifierSet set;
  if (Trim(text).empty()) return set;
  for (std::string_view part : Split(text, ',')) {
    std::string_view written = Trim(part);
    if (written.empty()) {
      *err = "empty clause in " + Quote(Trim(text));
      return std::nullopt;
    }
    std::optional<Clause> clause = ParseClause(written, err);
    if (!clause) return std::nullopt;
    set.clauses_.push_back(std::move(*clause));
  }
  return set;
}

bool SpecifierSet::Contains(const Version& version) const {
  for (const Clause& clause : clauses_) {
    if (!ClauseContains(clause, version)) return false;
  }
  return true;
}

bool SpecifierSet::ContainsText(std::string_view version_text) const {
  for (const Clause& clause : clauses_) {
    if (clause.op != "===" || ToLower(clause.version) != ToLower(Trim(version_text))) {
      return false;
    }
  }
  return true;
}

bool SpecifierSet::IsExactPin() const {
  for (const Clause& clause : clauses_) {
    if (clause.op == "===" || (clause.op == "==" && !clause.wildcard)) return true;
  }
  return false;
}

std::string SpecifierSet::ToString() const {
  std::string out;
  for (const Clause& clause : clauses_) {
    if (!out.empty()) out += ',';
    out += clause.op;
    if (clause.op == "===" || !clause.parsed) {
      out += clause.version;
    } else {
      out += clause.parsed->normalized();
      if (clause.wildcard) out += ".*";
    }
  }
  return out;
}

}  // namespace beamcompat
