#include "lint/declarations.h"

#include <cctype>

#include "base/message.h"
#include "base/text.h"
#include "facts/package_name.h"
#include "facts/requirement.h"
#include "facts/specifier.h"

namespace beamcompat {

namespace {

RepoRequirement FromParsed(const Requirement& parsed, std::string_view text, std::string source,
                           SourceLocation where) {
  RepoRequirement out;
  out.name = parsed.name;
  out.key = parsed.key;
  out.text = std::string(Trim(text));
  out.specifier = parsed.specifiers.ToString();
  out.exact = parsed.specifiers.IsExactPin();
  if (out.exact) out.version = parsed.specifiers.clauses().front().version;
  out.source = std::move(source);
  out.where = std::move(where);
  return out;
}

}  // namespace

std::optional<RepoRequirement> MakeRepoRequirement(std::string_view text, std::string source,
                                                   SourceLocation where, Messages* messages) {
  std::string err;
  std::optional<Requirement> parsed = ParseRequirement(Trim(text), &err);
  if (!parsed) {
    messages->Warning(where, "requirement " + Quote(Trim(text)) + " is not PEP 508: " + err +
                                 "; skipped");
    return std::nullopt;
  }
  return FromParsed(*parsed, text, std::move(source), std::move(where));
}

RepoRequirement MakeRepoRequirement(const RequirementsLine& line, std::string source,
                                    SourceLocation where) {
  RepoRequirement out = FromParsed(line.requirement, line.text.substr(0, line.text.find(" --")),
                                   std::move(source), std::move(where));
  if (line.version_variable.empty()) return out;
  std::string variable = line.variable_operator + "${" + line.version_variable + "}";
  out.specifier = out.specifier.empty() ? variable : variable + "," + out.specifier;
  if (line.variable_operator == "==" || line.variable_operator == "===") {
    out.exact = true;
    out.version.clear();  // pinned, to a version not known here
  }
  return out;
}

std::string PythonSpecifier(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return "";
  if (std::isdigit(static_cast<unsigned char>(text[0]))) {
    std::optional<Version> version = Version::Parse(text);
    if (!version || version->release().size() < 2) return "";
    return "==" + std::to_string(version->major()) + "." + std::to_string(version->minor()) + ".*";
  }
  std::string err;
  std::optional<SpecifierSet> set = SpecifierSet::Parse(text, &err);
  return set ? set->ToString() : "";
}

}  // namespace beamcompat
