#include "ruleset/rule_loader.h"

#include <algorithm>
#include <map>
#include <set>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "base/message.h"
#include "base/text.h"
#include "engine/fact_schema.h"
#include "ruleset/condition_compiler.h"
#include "ruleset/condition_parser.h"
#include "ruleset/scalar_position.h"

namespace beamcompat {
namespace {

struct KeySpec {
  const char* name;
  bool required;
};

constexpr KeySpec kFileKeys[] = {{"rules", true}};
constexpr KeySpec kRuleKeys[] = {
    {"code", true},      {"name", true},       {"severity", true},      {"summary", true},
    {"rationale", true}, {"fix", true},        {"example", false},      {"for_each", false},
    {"requires", false}, {"condition", true},  {"severity_cases", false}, {"message", true},
    {"help", false},     {"location", false},
};
constexpr KeySpec kCaseKeys[] = {{"when", true}, {"severity", true}};

// A rule file being loaded; owns the error reporting for it.
class FileLoader {
 public:
  FileLoader(const RuleFile& file, const FactSchema& schema,
             std::map<std::string, SourceLocation>* codes, Messages* messages)
      : file_(file), schema_(schema), codes_(codes), messages_(messages) {}

  bool Load(std::vector<Rule>* out) {
    YAML::Node root;
    try {
      root = YAML::Load(file_.text);
    } catch (const YAML::ParserException& e) {
      Error(e.mark, e.msg);
      return false;
    }
    if (!root.IsMap()) {
      Error(root.Mark(), "expected a mapping with a 'rules' list");
      return false;
    }
    if (!CheckKeys(root, kFileKeys)) return false;
    YAML::Node list = root["rules"];
    if (!list.IsSequence()) {
      Error(list.Mark(), "expected 'rules' to be a list of rules");
      return false;
    }
    for (const YAML::Node& node : list) {
      Rule rule;
      if (LoadRule(node, &rule)) out->push_back(std::move(rule));
    }
    return ok_;
  }

 private:
  SourceLocation Where(const YAML::Mark& mark) const {
    return AtLine(file_.path, std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1);
  }

  void Error(const YAML::Mark& mark, std::string text) {
    messages_->Error(Where(mark), std::move(text));
    ok_ = false;
  }

  // Unknown and duplicate keys are errors at the key; missing required keys at the mapping.
  template <size_t N>
  bool CheckKeys(const YAML::Node& map, const KeySpec (&specs)[N]) {
    bool good = true;
    std::vector<std::string> names;
    for (const KeySpec& spec : specs) names.push_back(spec.name);
    std::set<std::string> seen;
    for (const auto& kv : map) {
      std::string key = kv.first.Scalar();
      if (std::find(names.begin(), names.end(), key) == names.end()) {
        Error(kv.first.Mark(), "unknown key " + Quote(key) + DidYouMeanSuffix(key, names));
        good = false;
      } else if (!seen.insert(key).second) {
        Error(kv.first.Mark(), "duplicate key " + Quote(key));
        good = false;
      }
    }
    for (const KeySpec& spec : specs) {
      if (spec.required && !seen.count(spec.name)) {
        Error(map.Mark(), std::string("missing required key '") + spec.name + "'");
        good = false;
      }
    }
    return good;
  }

  bool Text(const YAML::Node& map, const char* key, std::string* out) {
    YAML::Node node = map[key];
    if (!node) return true;
    if (!node.IsScalar()) {
      Error(node.Mark(), std::string("expected text for '") + key + "'");
      return false;
    }
    *out = node.Scalar();
    return true;
  }

  // Scalar or list of scalars.
  bool TextList(const YAML::Node& node, const char* key, std::vector<YAML::Node>* out) {
    if (!node) return true;
    if (node.IsScalar()) {
      out->push_back(node);
      return true;
    }
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) {
        if (!item.IsScalar()) {
          Error(item.Mark(), std::string("expected text in '") + key + "'");
          return false;
        }
        out->push_back(item);
      }
      return true;
    }
    Error(node.Mark(), std::string("expected text or a list of text for '") + key + "'");
    return false;
  }

  void ExprErrorAt(const YAML::Node& node, const ExprError& error) {
    LineColumn at = ScalarOffsetPosition(file_.text, node.Mark().line, node.Mark().column,
                                         static_cast<size_t>(std::max(error.column - 1, 0)));
    messages_->Error(AtLine(file_.path, at.line, at.column), error.message);
    ok_ = false;
  }

  // A condition: an expression that is true or false.
  std::unique_ptr<Expr> Condition(const YAML::Node& node, const char* key,
                                  const FactCollection* collection) {
    std::unique_ptr<Expr> expr = Expression(node, key, collection);
    ExprError error;
    if (!expr || CheckIsCondition(*expr, &error)) return expr;
    ExprErrorAt(node, error);
    return nullptr;
  }

  std::unique_ptr<Expr> Expression(const YAML::Node& node, const char* key,
                                   const FactCollection* collection) {
    if (!node.IsScalar()) {
      Error(node.Mark(), std::string("expected a condition string for '") + key + "'");
      return nullptr;
    }
    ExprError error;
    std::unique_ptr<Expr> expr = ParseCondition(node.Scalar(), &error);
    if (expr && CompileCondition(schema_, collection, expr.get(), &error)) return expr;
    ExprErrorAt(node, error);
    return nullptr;
  }

  std::optional<MessageTemplate> Template(const YAML::Node& node,
                                          const FactCollection* collection) {
    ExprError error;
    auto message = ParseMessageTemplate(node.Scalar(), schema_, collection, &error);
    if (!message) ExprErrorAt(node, error);
    return message;
  }

  bool SeverityOf(const YAML::Node& node, Severity* out) {
    if (node.IsScalar() && ParseSeverity(node.Scalar(), out)) return true;
    std::string text = node.IsScalar() ? node.Scalar() : "";
    Error(node.Mark(), "unknown severity " + Quote(text) +
                           DidYouMeanSuffix(text, {"error", "warning", "info"}) +
                           "; expected error, warning or info");
    return false;
  }

  bool Identity(const YAML::Node& map, Rule* rule) {
    static const RE2 kCode("[A-Z]{2,4}[0-9]{3}");
    static const RE2 kName("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    RuleInfo& info = rule->info;
    if (!Text(map, "code", &info.code) || !Text(map, "name", &info.name)) return false;
    bool good = true;
    if (!RE2::FullMatch(info.code, kCode)) {
      Error(map["code"].Mark(), "bad rule code " + Quote(info.code) +
                                    "; expected two to four capitals and three digits, e.g. 'BC001'");
      good = false;
    }
    if (!RE2::FullMatch(info.name, kName)) {
      Error(map["name"].Mark(), "bad rule name " + Quote(info.name) +
                                    "; expected kebab-case, e.g. 'beam-version-mismatch'");
      good = false;
    }
    info.defined_at = Where(map["code"].Mark());
    auto [it, inserted] = codes_->emplace(info.code, info.defined_at);
    if (good && !inserted) {
      Error(map["code"].Mark(), "duplicate rule code " + Quote(info.code) +
                                    "; first defined at " + it->second.ToString());
      good = false;
    }
    return good && SeverityOf(map["severity"], &info.default_severity);
  }

  bool Texts(const YAML::Node& map, Rule* rule) {
    RuleInfo& info = rule->info;
    return Text(map, "summary", &info.summary) && Text(map, "rationale", &info.rationale) &&
           Text(map, "fix", &info.fix) && Text(map, "example", &info.example);
  }

  bool ForEach(const YAML::Node& map, Rule* rule) {
    YAML::Node node = map["for_each"];
    if (!node) return true;
    std::string name = node.IsScalar() ? node.Scalar() : "";
    rule->for_each = schema_.FindCollection(name);
    if (rule->for_each) return true;
    Error(node.Mark(), "unknown collection " + Quote(name) +
                           DidYouMeanSuffix(name, schema_.CollectionNames()));
    return false;
  }

  bool Requires(const YAML::Node& map, Rule* rule) {
    std::vector<YAML::Node> nodes;
    if (!TextList(map["requires"], "requires", &nodes)) return false;
    bool good = true;
    for (const YAML::Node& node : nodes) {
      Requirement requirement{node.Scalar(), schema_.FindScopeFact(node.Scalar())};
      if (!requirement.fact) {
        Error(node.Mark(), "unknown fact " + Quote(requirement.path) +
                               DidYouMeanSuffix(requirement.path, schema_.ScopeFactPaths()));
        good = false;
      }
      rule->requirements.push_back(std::move(requirement));
    }
    return good;
  }

  bool SeverityCases(const YAML::Node& map, Rule* rule) {
    YAML::Node list = map["severity_cases"];
    if (!list) return true;
    if (!list.IsSequence()) {
      Error(list.Mark(), "expected 'severity_cases' to be a list of {when, severity}");
      return false;
    }
    bool good = true;
    for (const YAML::Node& node : list) {
      if (!node.IsMap()) {
        Error(node.Mark(), "expected a mapping with 'when' and 'severity'");
        good = false;
        continue;
      }
      if (!CheckKeys(node, kCaseKeys)) {
        good = false;
        continue;
      }
      SeverityCase item;
      item.when = Condition(node["when"], "when", rule->for_each);
      good = item.when && SeverityOf(node["severity"], &item.severity) && good;
      rule->severity_cases.push_back(std::move(item));
    }
    return good;
  }

  bool MessageTexts(const YAML::Node& map, Rule* rule) {
    YAML::Node message = map["message"];
    if (!message.IsScalar()) {
      Error(message.Mark(), "expected text for 'message'");
      return false;
    }
    auto parsed = Template(message, rule->for_each);
    bool good = parsed.has_value();
    if (parsed) rule->message = std::move(*parsed);
    std::vector<YAML::Node> help;
    if (!TextList(map["help"], "help", &help)) return false;
    for (const YAML::Node& node : help) {
      auto line = Template(node, rule->for_each);
      if (line) rule->help.push_back(std::move(*line));
      good = good && line;
    }
    return good;
  }

  bool Location(const YAML::Node& map, Rule* rule) {
    YAML::Node node = map["location"];
    if (!node) return true;
    rule->location = Expression(node, "location", rule->for_each);
    if (!rule->location) return false;
    if (rule->location->kind == ExprKind::kFact) return true;
    Error(node.Mark(), "expected a fact path for 'location', e.g. 'item.runtime_version'");
    return false;
  }

  void CollectPaths(Rule* rule) {
    std::map<std::string, const Expr*> paths;
    CollectFactPaths(*rule->condition, &paths);
    for (const SeverityCase& item : rule->severity_cases) CollectFactPaths(*item.when, &paths);
    CollectFactPaths(rule->message, &paths);
    for (const MessageTemplate& line : rule->help) CollectFactPaths(line, &paths);
    rule->facts_read.assign(paths.begin(), paths.end());
  }

  bool LoadRule(const YAML::Node& map, Rule* rule) {
    if (!map.IsMap()) {
      Error(map.Mark(), "expected a rule: a mapping with 'code', 'name', 'condition', ...");
      return false;
    }
    if (!CheckKeys(map, kRuleKeys)) return false;
    bool good = Identity(map, rule);
    good = Texts(map, rule) && good;
    if (!ForEach(map, rule)) return false;
    good = Requires(map, rule) && good;
    rule->condition = Condition(map["condition"], "condition", rule->for_each);
    good = rule->condition && good;
    good = SeverityCases(map, rule) && good;
    good = MessageTexts(map, rule) && good;
    good = Location(map, rule) && good;
    if (good) CollectPaths(rule);
    return good;
  }

  const RuleFile& file_;
  const FactSchema& schema_;
  std::map<std::string, SourceLocation>* codes_;  // codes seen in earlier files and rules
  Messages* messages_;
  bool ok_ = true;
};

}  // namespace

bool LoadRules(const std::vector<RuleFile>& files, const FactSchema& schema, RuleSet* rules,
               Messages* messages) {
  std::map<std::string, SourceLocation> codes;
  for (const Rule& rule : rules->rules) codes.emplace(rule.info.code, rule.info.defined_at);
  bool ok = true;
  for (const RuleFile& file : files) {
    std::vector<Rule> loaded;
    bool file_ok = false;
    try {
      file_ok = FileLoader(file, schema, &codes, messages).Load(&loaded);
    } catch (const YAML::Exception& e) {
      messages->Error(AtLine(file.path, e.mark.line + 1, e.mark.column + 1), e.msg);
    }
    ok = ok && file_ok;
    if (!file_ok) continue;
    for (Rule& rule : loaded) rules->rules.push_back(std::move(rule));
  }
  std::stable_sort(rules->rules.begin(), rules->rules.end(),
                   [](const Rule& a, const Rule& b) { return a.info.code < b.info.code; });
  return ok;
}

}  // namespace beamcompat
