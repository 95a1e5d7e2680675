#include "diagnose/signature_loader.h"

#include <algorithm>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"

namespace beamcompat {
namespace {

const std::vector<std::string> kRuleKeys = {"code",    "name",   "class",   "severity", "priority",
                                            "summary", "rationale", "fix",  "example",  "match",
                                            "message", "help",   "package", "check_rules"};
const std::vector<std::string> kMatchKeys = {"exception", "line", "frames", "not_frames", "when",
                                             "fallback"};

// Errors for one file; locations come from yaml-cpp marks (0-based, made 1-based here).
class RuleFileParser {
 public:
  RuleFileParser(const std::string& file, Messages* messages) : file_(file), messages_(messages) {}

  void Error(const YAML::Node& node, const std::string& text) {
    const YAML::Mark mark = node.Mark();
    Error(mark, text);
  }
  void Error(const YAML::Mark& mark, const std::string& text) {
    messages_->Error(AtLine(file_, mark.line + 1, mark.column + 1), text);
    ok_ = false;
  }

  void ParseDocument(const YAML::Node& root, std::vector<SignatureRule>* rules);

 private:
  bool ParseRule(const YAML::Node& node, SignatureRule* rule);
  bool CheckKeys(const YAML::Node& map, const std::vector<std::string>& allowed,
                 const std::string& where);
  bool ScalarField(const YAML::Node& node, const char* key, bool required, std::string* out,
                   const std::string& where);
  bool ParseMatch(const YAML::Node& node, SignatureRule* rule, std::set<std::string>* names);
  bool CompilePattern(const YAML::Node& node, const char* key, std::unique_ptr<RE2>* out,
                      std::set<std::string>* names);
  bool ParseConditions(const YAML::Node& node, SignatureRule* rule);
  bool CheckTemplate(const YAML::Node& node, const std::string& text,
                     const std::set<std::string>& names, const std::string& field);
  bool ParseTemplates(const YAML::Node& node, SignatureRule* rule,
                      const std::set<std::string>& names);

  std::string file_;
  Messages* messages_;
  bool ok_ = true;
};

bool RuleFileParser::CheckKeys(const YAML::Node& map, const std::vector<std::string>& allowed,
                               const std::string& where) {
  bool ok = true;
  for (const auto& item : map) {
    std::string key = item.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      Error(item.first, "unknown key " + Quote(key) + " in " + where +
                            DidYouMeanSuffix(key, allowed));
      ok = false;
    }
  }
  return ok;
}

bool RuleFileParser::ScalarField(const YAML::Node& node, const char* key, bool required,
                                 std::string* out, const std::string& where) {
  YAML::Node value = node[key];
  if (!value) {
    if (required) Error(node, "missing '" + std::string(key) + "' in " + where);
    return !required;
  }
  if (!value.IsScalar()) {
    Error(value, "'" + std::string(key) + "' must be a string");
    return false;
  }
  *out = value.as<std::string>();
  return true;
}

bool RuleFileParser::CompilePattern(const YAML::Node& node, const char* key,
                                    std::unique_ptr<RE2>* out, std::set<std::string>* names) {
  YAML::Node value = node[key];
  if (!value) return true;
  if (!value.IsScalar()) {
    Error(value, "'" + std::string(key) + "' must be a pattern string");
    return false;
  }
  auto re = std::make_unique<RE2>(value.as<std::string>(), SignaturePatternOptions());
  if (!re->ok()) {
    Error(value, "invalid pattern in '" + std::string(key) + "': " + re->error());
    return false;
  }
  for (const auto& [name, index] : re->NamedCapturingGroups()) {
    names->insert(name);
    static const std::string kSdkBase = "_sdk_base";
    if (name.size() > kSdkBase.size() && name.ends_with(kSdkBase)) {
      std::string prefix = name.substr(0, name.size() - kSdkBase.size());
      names->insert(prefix + "_python");
      names->insert(prefix + "_beam");
    }
  }
  *out = std::move(re);
  return true;
}

bool RuleFileParser::ParseConditions(const YAML::Node& node, SignatureRule* rule) {
  if (!node) return true;
  if (!node.IsSequence()) {
    Error(node, "'when' must be a list of conditions like \"{a} != {b}\"");
    return false;
  }
  for (const YAML::Node& item : node) {
    std::string text = item.IsScalar() ? item.as<std::string>() : "";
    size_t op = text.find("!=");
    bool equal = op == std::string::npos;
    if (equal) op = text.find("==");
    auto name = [](std::string_view part) {
      part = Trim(part);
      return part.size() > 2 && part.front() == '{' && part.back() == '}'
                 ? std::string(part.substr(1, part.size() - 2))
                 : std::string();
    };
    CaptureCondition condition{op == std::string::npos ? "" : name(text.substr(0, op)),
                               op == std::string::npos ? "" : name(text.substr(op + 2)), equal};
    if (condition.left.empty() || condition.right.empty()) {
      Error(item, "invalid condition " + Quote(text) + ", expected \"{a} != {b}\" or \"{a} == {b}\"");
      return false;
    }
    rule->when.push_back(std::move(condition));
  }
  return true;
}

bool RuleFileParser::ParseMatch(const YAML::Node& node, SignatureRule* rule,
                                std::set<std::string>* names) {
  YAML::Node match = node["match"];
  if (!match || !match.IsMap()) {
    Error(match ? match : node, "'match' must be a map with 'exception', 'line' or 'fallback'");
    return false;
  }
  bool ok = CheckKeys(match, kMatchKeys, "'match'");
  ok = CompilePattern(match, "exception", &rule->exception, names) && ok;
  ok = CompilePattern(match, "line", &rule->line, names) && ok;
  ok = CompilePattern(match, "frames", &rule->frames, names) && ok;
  ok = CompilePattern(match, "not_frames", &rule->not_frames, names) && ok;
  if (match["fallback"]) rule->fallback = match["fallback"].as<std::string>() == "true";
  int kinds = (rule->exception ? 1 : 0) + (rule->line ? 1 : 0) + (rule->fallback ? 1 : 0);
  if (ok && kinds != 1) {
    Error(match, "'match' needs exactly one of 'exception', 'line' or 'fallback: true'");
    ok = false;
  }
  ok = ParseConditions(match["when"], rule) && ok;
  for (const CaptureCondition& c : rule->when) {
    for (const std::string& side : {c.left, c.right}) {
      if (!names->count(side)) {
        Error(match["when"], "condition names " + Quote(side) + ", which no pattern captures");
        ok = false;
      }
    }
  }
  return ok;
}

bool RuleFileParser::CheckTemplate(const YAML::Node& node, const std::string& text,
                                   const std::set<std::string>& names, const std::string& field) {
  std::vector<std::string> known(names.begin(), names.end());
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) {
      Error(node, "unclosed '{' in '" + field + "'");
      return false;
    }
    std::string name = text.substr(open + 1, close - open - 1);
    if (!names.count(name)) {
      Error(node, "unknown placeholder " + Quote("{" + name + "}") + " in '" + field + "'" +
                      DidYouMeanSuffix(name, known));
      return false;
    }
  }
  return true;
}

bool RuleFileParser::ParseTemplates(const YAML::Node& node, SignatureRule* rule,
                                    const std::set<std::string>& captures) {
  std::set<std::string> names = captures;
  for (const std::string& builtin : BuiltinPlaceholders()) names.insert(builtin);
  bool ok = ScalarField(node, "package", false, &rule->package, "rule " + Quote(rule->info.code));
  ok = ok && CheckTemplate(node["package"], rule->package, names, "package");
  if (!rule->package.empty()) names.insert("distribution");
  ok = ScalarField(node, "message", true, &rule->message, "rule " + Quote(rule->info.code)) && ok;
  ok = ok && CheckTemplate(node["message"], rule->message, names, "message");
  YAML::Node help = node["help"];
  if (help && !help.IsSequence()) {
    Error(help, "'help' must be a list of strings");
    return false;
  }
  for (const YAML::Node& item : help) {
    std::string text = item.as<std::string>();
    ok = CheckTemplate(item, text, names, "help") && ok;
    rule->help.push_back(std::move(text));
  }
  return ok;
}

bool RuleFileParser::ParseRule(const YAML::Node& node, SignatureRule* rule) {
  if (!node.IsMap()) {
    Error(node, "a rule must be a map");
    return false;
  }
  bool ok = ScalarField(node, "code", true, &rule->info.code, "a rule");
  std::string where = "rule " + Quote(rule->info.code);
  ok = CheckKeys(node, kRuleKeys, where) && ok;
  ok = ScalarField(node, "name", true, &rule->info.name, where) && ok;
  ok = ScalarField(node, "summary", true, &rule->info.summary, where) && ok;
  ok = ScalarField(node, "rationale", false, &rule->info.rationale, where) && ok;
  ok = ScalarField(node, "fix", false, &rule->info.fix, where) && ok;
  ok = ScalarField(node, "example", false, &rule->info.example, where) && ok;
  std::string text;
  if (ScalarField(node, "class", true, &text, where) && !text.empty() &&
      !ParseDiagnosisClass(text, &rule->diagnosis_class)) {
    Error(node["class"], "unknown class " + Quote(text) + DidYouMeanSuffix(text, DiagnosisClassNames()));
    ok = false;
  }
  text.clear();
  if (ScalarField(node, "severity", false, &text, where) && !text.empty() &&
      !ParseSeverity(text, &rule->info.default_severity)) {
    Error(node["severity"], "unknown severity " + Quote(text) + ", expected 'error', 'warning' or 'info'");
    ok = false;
  }
  if (node["priority"]) rule->priority = node["priority"].as<int>();
  if (YAML::Node checks = node["check_rules"]) {
    if (!checks.IsSequence()) {
      Error(checks, "'check_rules' must be a list of check rule codes");
      ok = false;
    }
    for (const YAML::Node& code : checks) rule->check_rules.push_back(code.as<std::string>());
  }
  std::set<std::string> names;
  ok = ParseMatch(node, rule, &names) && ok;
  ok = ParseTemplates(node, rule, names) && ok;
  rule->info.defined_at = AtLine(file_, node.Mark().line + 1, node.Mark().column + 1);
  return ok;
}

void RuleFileParser::ParseDocument(const YAML::Node& root, std::vector<SignatureRule>* rules) {
  if (!root.IsMap() || !root["rules"] || !root["rules"].IsSequence()) {
    Error(root, "expected a map with a 'rules' list");
    return;
  }
  CheckKeys(root, {"rules"}, "the rule file");
  for (const YAML::Node& node : root["rules"]) {
    SignatureRule rule;
    if (ParseRule(node, &rule)) rules->push_back(std::move(rule));
  }
}

}  // namespace

const std::vector<std::string>& BuiltinPlaceholders() {
  static const std::vector<std::string> kNames = {
      "type",        "exception_message", "file",      "line", "function",
      "in_function", "by_function",       "raised_at", "step"};
  return kNames;
}

bool ParseSignatureRules(std::string_view text, const std::string& file,
                         std::vector<SignatureRule>* rules, Messages* messages) {
  int errors_before = messages->error_count();
  RuleFileParser parser(file, messages);
  try {
    parser.ParseDocument(YAML::Load(std::string(text)), rules);
  } catch (const YAML::Exception& ex) {
    parser.Error(ex.mark, ex.msg);
  }
  return messages->error_count() == errors_before;
}

bool LoadSignatureRules(const FileSystem& fs, const std::string& path,
                        std::vector<SignatureRule>* rules, Messages* messages) {
  std::vector<std::string> files;
  if (fs.Kind(path) == FileKind::kDirectory) {
    for (const std::string& name : fs.ListDirectory(path)) {
      if (name.ends_with(".yaml") || name.ends_with(".yml")) files.push_back(JoinPath(path, name));
    }
  } else {
    files.push_back(path);
  }
  bool ok = true;
  std::map<std::string, SourceLocation> seen;
  for (const SignatureRule& rule : *rules) seen[rule.info.code] = rule.info.defined_at;
  for (const std::string& file : files) {
    std::string text, err;
    if (!fs.ReadFile(file, &text, &err)) {
      messages->Error(SourceLocation{file, 0, 0, ""}, err);
      ok = false;
      continue;
    }
    std::vector<SignatureRule> loaded;
    ok = ParseSignatureRules(text, file, &loaded, messages) && ok;
    for (SignatureRule& rule : loaded) {
      auto [it, inserted] = seen.emplace(rule.info.code, rule.info.defined_at);
      if (!inserted) {
        messages->Error(rule.info.defined_at, "duplicate rule code " + Quote(rule.info.code) +
                                                  ", first defined at " + it->second.ToString());
        ok = false;
        continue;
      }
      rules->push_back(std::move(rule));
    }
  }
  return ok;
}

}  // namespace beamcompat
