#include "input/requirements_lines.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "base/text.h"

namespace beamcompat {
namespace {

struct OptionSpec {
  std::string_view long_name;
  std::string_view short_name;  // "" when the option has none
  bool takes_value;
  RequirementsLineKind kind;
};

// File-wide options of pip's requirements format (pip's req_file.py).
constexpr OptionSpec kFileOptions[] = {
    {"--requirement", "-r", true, RequirementsLineKind::kInclude},
    {"--constraint", "-c", true, RequirementsLineKind::kInclude},
    {"--editable", "-e", true, RequirementsLineKind::kEditable},
    {"--index-url", "-i", true, RequirementsLineKind::kOption},
    {"--extra-index-url", "", true, RequirementsLineKind::kOption},
    {"--no-index", "", false, RequirementsLineKind::kOption},
    {"--find-links", "-f", true, RequirementsLineKind::kOption},
    {"--pre", "", false, RequirementsLineKind::kOption},
    {"--prefer-binary", "", false, RequirementsLineKind::kOption},
    {"--require-hashes", "", false, RequirementsLineKind::kOption},
    {"--only-binary", "", true, RequirementsLineKind::kOption},
    {"--no-binary", "", true, RequirementsLineKind::kOption},
    {"--trusted-host", "", true, RequirementsLineKind::kOption},
    {"--use-feature", "", true, RequirementsLineKind::kOption},
};

// Options allowed after a requirement on the same line.
constexpr std::string_view kPerRequirementOptions[] = {"--hash", "--config-settings",
                                                       "--global-option", "--install-option"};

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool IsCommentLine(std::string_view physical) {
  std::string_view trimmed = Trim(physical);
  return !trimmed.empty() && trimmed.front() == '#';
}

// pip's rule: '#' at the start or after whitespace starts a comment; "#egg=" in a URL does not.
std::string_view StripComment(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '#' && (i == 0 || IsSpace(text[i - 1]))) return text.substr(0, i);
  }
  return text;
}

size_t LeadingSpace(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && IsSpace(text[n])) ++n;
  return n;
}

std::vector<std::string> KnownOptionNames() {
  std::vector<std::string> names;
  for (const OptionSpec& spec : kFileOptions) names.emplace_back(spec.long_name);
  for (std::string_view name : kPerRequirementOptions) names.emplace_back(name);
  return names;
}

// Takes a pointer, not a value: the error text may quote a view into out->text, so `out` must
// not be moved from before the text is built.
RequirementsLine Invalid(RequirementsLine* out, std::string error) {
  out->kind = RequirementsLineKind::kInvalid;
  out->error = std::move(error);
  return std::move(*out);
}

// "-r base.txt", "--index-url=https://...", "-rbase.txt".
RequirementsLine ParseOptionLine(RequirementsLine out) {
  std::string_view text = out.text;
  size_t name_end = 0;
  while (name_end < text.size() && !IsSpace(text[name_end]) && text[name_end] != '=') ++name_end;
  std::string_view name = text.substr(0, name_end);
  std::string_view value = text.substr(name_end);
  const OptionSpec* found = nullptr;
  for (const OptionSpec& spec : kFileOptions) {
    if (name == spec.long_name || (!spec.short_name.empty() && name == spec.short_name)) {
      found = &spec;
    } else if (!spec.short_name.empty() && name.substr(0, 2) == spec.short_name &&
               name.size() > 2 && name[1] != '-') {
      found = &spec;  // the value is attached: "-rbase.txt"
      value = text.substr(2);
    }
    if (found) break;
  }
  if (!found) {
    return Invalid(&out,
                   "unknown option " + Quote(name) + DidYouMeanSuffix(name, KnownOptionNames()));
  }
  value = Trim(value);
  if (!value.empty() && value.front() == '=') value = Trim(value.substr(1));
  out.kind = found->kind;
  out.option = std::string(found->long_name);
  out.value = std::string(StripComment(value));
  out.value = std::string(Trim(out.value));
  if (found->takes_value && out.value.empty()) {
    return Invalid(&out, "expected a value after " + Quote(name));
  }
  if (!found->takes_value && !out.value.empty()) {
    return Invalid(&out, Quote(name) + " takes no value, found " + Quote(out.value));
  }
  return out;
}

// "./dist/x.whl", "/abs/path", "https://host/x.tar.gz", "git+https://...": not a name.
bool LooksLikePathOrUrl(std::string_view text) {
  if (text.empty()) return false;
  char first = text.front();
  if (first == '.' || first == '/' || first == '~') return true;
  size_t i = 0;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '+' ||
                             text[i] == '-' || text[i] == '.')) {
    ++i;
  }
  return text.substr(i, 3) == "://" || text.substr(0, 5) == "file:";
}

// Reads the per-requirement options (whitespace-separated tokens); false (with the error set) on an
// unknown one.
bool ParseRequirementOptions(std::string_view options, RequirementsLine* out) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < options.size()) {
    while (pos < options.size() && IsSpace(options[pos])) ++pos;
    size_t start = pos;
    while (pos < options.size() && !IsSpace(options[pos])) ++pos;
    if (pos > start) tokens.push_back(options.substr(start, pos - start));
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view token = tokens[i];
    size_t eq = token.find('=');
    std::string_view name = token.substr(0, eq);
    std::string_view value =
        eq == std::string_view::npos ? std::string_view() : token.substr(eq + 1);
    bool known = false;
    for (std::string_view option : kPerRequirementOptions) known = known || name == option;
    if (!known) {
      out->error = "unknown option " + Quote(name) + DidYouMeanSuffix(name, KnownOptionNames());
      return false;
    }
    if (eq == std::string_view::npos) {
      if (i + 1 == tokens.size()) {
        out->error = "expected a value after " + Quote(name);
        return false;
      }
      value = tokens[++i];
    }
    if (name == "--hash") out->hashes.emplace_back(value);
  }
  return true;
}

// Where the first whitespace-separated token starting with '-' begins (pip's
// break_args_options), or npos.
size_t FindOptionsStart(std::string_view text) {
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '-' && IsSpace(text[i - 1])) return i;
  }
  return std::string_view::npos;
}

// A version clause whose version is a pip environment variable: "==${BEAM_VERSION}".
struct VariableClause {
  size_t begin = 0;  // of the operator (and of a comma before it, when one joins it)
  size_t end = 0;    // after the closing brace (and a comma after it, when one is first)
  std::string op;
  std::string name;
};

// pip's form: ${ then upper-case letters, digits and _, then }.
std::optional<VariableClause> FindVariableClause(std::string_view text) {
  for (size_t open = text.find("${"); open != std::string_view::npos;
       open = text.find("${", open + 2)) {
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view name = text.substr(open + 2, close - open - 2);
    bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!valid) continue;
    size_t op_end = open;
    while (op_end > 0 && IsSpace(text[op_end - 1])) --op_end;
    size_t op_begin = op_end;
    while (op_begin > 0 && std::string_view("=<>!~").find(text[op_begin - 1]) !=
                               std::string_view::npos) {
      --op_begin;
    }
    if (op_begin == op_end) continue;  // not a version: a URL, a marker, ...
    VariableClause clause{op_begin, close + 1, std::string(text.substr(op_begin, op_end - op_begin)),
                          std::string(name)};
    size_t before = clause.begin;
    while (before > 0 && IsSpace(text[before - 1])) --before;
    size_t after = clause.end;
    while (after < text.size() && IsSpace(text[after])) ++after;
    if (before > 0 && text[before - 1] == ',') {
      clause.begin = before - 1;  // "numpy>=1.20,<${MAX}": drop ",<${MAX}"
    } else if (after < text.size() && text[after] == ',') {
      clause.end = after + 1;  // "numpy==${V},!=1.0": drop "==${V},"
    }
    return clause;
  }
  return std::nullopt;
}

RequirementsLine ParseRequirementLine(RequirementsLine out) {
  std::string_view text = out.text;
  size_t options_start = FindOptionsStart(text);
  std::string_view requirement = Trim(text.substr(0, options_start));
  if (options_start != std::string_view::npos &&
      !ParseRequirementOptions(text.substr(options_start), &out)) {
    return Invalid(&out, out.error);
  }
  if (LooksLikePathOrUrl(requirement)) {
    out.kind = RequirementsLineKind::kPath;
    out.value = std::string(requirement);
    return out;
  }
  std::string without_variables;
  while (std::optional<VariableClause> clause = FindVariableClause(requirement)) {
    without_variables = std::string(requirement.substr(0, clause->begin)) +
                        std::string(requirement.substr(clause->end));
    requirement = without_variables;
    if (out.version_variable.empty()) {
      out.version_variable = clause->name;
      out.variable_operator = clause->op;
    }
  }
  std::string err;
  std::optional<Requirement> parsed = ParseRequirement(requirement, &err);
  if (!parsed) return Invalid(&out, err);
  out.kind = RequirementsLineKind::kRequirement;
  out.requirement = std::move(*parsed);
  return out;
}

}  // namespace

std::vector<LogicalLine> SplitLogicalLines(std::string_view contents) {
  std::vector<LogicalLine> out;
  std::string joined;
  LogicalLine pending;
  bool continuing = false;
  auto finish = [&](std::string_view text) {
    joined += text;
    pending.text = std::string(Trim(StripComment(joined)));
    if (!pending.text.empty()) out.push_back(std::move(pending));
    joined.clear();
    pending = LogicalLine();
    continuing = false;
  };
  int number = 0;
  for (std::string_view physical : SplitLines(contents)) {
    ++number;
    size_t offset = static_cast<size_t>(physical.data() - contents.data());
    bool comment = IsCommentLine(physical);
    if (comment && !continuing) {
      std::string_view body = Trim(physical);
      out.push_back({number, offset + LeadingSpace(physical), "", std::string(body.substr(1))});
      continue;
    }
    if (!continuing) {
      pending.line = number;
      pending.offset = offset + LeadingSpace(physical);
    }
    if (!comment && !physical.empty() && physical.back() == '\\') {
      joined += physical.substr(0, physical.size() - 1);
      continuing = true;
      continue;
    }
    // A comment-only line ends an open continuation and adds nothing to it.
    finish(comment ? std::string_view() : physical);
  }
  if (continuing) finish("");
  return out;
}

RequirementsLine ParseRequirementsLine(const LogicalLine& line) {
  RequirementsLine out;
  out.line = line.line;
  out.offset = line.offset;
  out.text = line.text;
  if (line.text.empty()) {
    out.kind = RequirementsLineKind::kComment;
    out.comment = line.comment;
    return out;
  }
  if (line.text.front() == '-') return ParseOptionLine(std::move(out));
  return ParseRequirementLine(std::move(out));
}

std::vector<RequirementsLine> ReadRequirementsLines(std::string_view contents) {
  std::vector<RequirementsLine> out;
  for (const LogicalLine& line : SplitLogicalLines(contents)) {
    out.push_back(ParseRequirementsLine(line));
  }
  return out;
}

std::string EggName(std::string_view url) {
  size_t hash = url.find('#');
  if (hash == std::string_view::npos) return "";
  for (std::string_view part : Split(url.substr(hash + 1), '&')) {
    if (part.substr(0, 4) == "egg=") return std::string(part.substr(4));
  }
  return "";
}

}  // namespace beamcompat
