#include "config/config_reader.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "config/toml_parse.h"

namespace beamcompat {
namespace {

std::string DirOf(const std::string& file) {
  size_t slash = file.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : file.substr(0, slash);
}

class ConfigParser {
 public:
  ConfigParser(const std::string& file, std::string table_name, Messages* messages)
      : file_(file), table_name_(std::move(table_name)), messages_(messages) {
    config_.file = file;
    config_.dir = DirOf(file);
  }

  std::optional<Config> Run(const toml::table& table) {
    for (const auto& [key, node] : InFileOrder(table)) Key(std::string(key->str()), *key, *node);
    if (errors_ > 0) return std::nullopt;
    return std::move(config_);
  }

 private:
  SourceLocation Where(const toml::node& node) const { return TomlLocation(file_, node); }
  SourceLocation Where(const toml::key& key) const {
    return AtLine(file_, static_cast<int>(key.source().begin.line),
                  static_cast<int>(key.source().begin.column));
  }

  void Error(SourceLocation where, std::string text) {
    messages_->Error(std::move(where), std::move(text));
    ++errors_;
  }

  void Key(const std::string& name, const toml::key& key, const toml::node& node) {
    using Handler = std::function<void(const toml::node&)>;
    const std::vector<std::pair<std::string, Handler>> handlers = {
        {"select", [&](const toml::node& n) { Strings(name, n, &config_.select, false); }},
        {"ignore", [&](const toml::node& n) { Strings(name, n, &config_.ignore, false); }},
        {"extend-select",
         [&](const toml::node& n) { Strings(name, n, &config_.extend_select, false); }},
        {"severity", [&](const toml::node& n) { Severities(n); }},
        {"fail-on", [&](const toml::node& n) { FailOn(n); }},
        {"rules-dirs", [&](const toml::node& n) { Strings(name, n, &config_.rules_dirs, true); }},
        {"per-file-ignores", [&](const toml::node& n) { PerFileIgnores(n); }},
        {"exclude", [&](const toml::node& n) { Strings(name, n, &config_.exclude, false); }},
        {"launch", [&](const toml::node& n) { Path(name, n, &config_.launch); }},
        {"runtime", [&](const toml::node& n) { Path(name, n, &config_.runtime); }},
        {"pipeline", [&](const toml::node& n) { Path(name, n, &config_.pipeline); }},
    };
    for (const auto& [known, handler] : handlers) {
      if (known == name) {
        handler(node);
        return;
      }
    }
    Error(Where(key), "unknown key " + Quote(name) + " in " + table_name_ +
                          DidYouMeanSuffix(name, ConfigKeys()));
  }

  std::optional<std::string> String(const std::string& name, const toml::node& node) {
    if (auto value = node.value<std::string>()) return *value;
    Error(Where(node), Quote(name) + " must be a string");
    return std::nullopt;
  }

  void Strings(const std::string& name, const toml::node& node,
               std::vector<Located<std::string>>* out, bool paths) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Error(Where(node), Quote(name) + " must be an array of strings");
      return;
    }
    for (const toml::node& item : *array) {
      auto value = item.value<std::string>();
      if (!value) {
        Error(Where(item), Quote(name) + " must be an array of strings");
        continue;
      }
      out->push_back({paths ? JoinPath(config_.dir, *value) : *value, Where(item)});
    }
  }

  void Path(const std::string& name, const toml::node& node,
            std::optional<Located<std::string>>* out) {
    if (auto value = String(name, node)) *out = Located<std::string>{JoinPath(config_.dir, *value), Where(node)};
  }

  bool SeverityValue(const std::string& name, const toml::node& node, Severity* out) {
    auto text = String(name, node);
    if (!text) return false;
    if (ParseSeverity(*text, out)) return true;
    Error(Where(node), "unknown severity " + Quote(*text) + " for " + Quote(name) +
                           "; expected 'error', 'warning' or 'info'" +
                           DidYouMeanSuffix(*text, {"error", "warning", "info"}));
    return false;
  }

  void FailOn(const toml::node& node) {
    Severity severity;
    if (SeverityValue("fail-on", node, &severity)) config_.fail_on = Located<Severity>{severity, Where(node)};
  }

  void Severities(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Error(Where(node), "'severity' must be a table of rule code = \"error\" | \"warning\" | \"info\"");
      return;
    }
    for (const auto& [key_ptr, value_ptr] : InFileOrder(*table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      std::string code(key.str());
      Severity severity;
      if (SeverityValue(code, value, &severity)) {
        config_.severity.push_back({{code, Where(key)}, severity});
      }
    }
  }

  void PerFileIgnores(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Error(Where(node), "'per-file-ignores' must be a table of pattern = [rule codes]");
      return;
    }
    for (const auto& [key_ptr, value_ptr] : InFileOrder(*table)) {
      const toml::key& key = *key_ptr;
      const toml::node& value = *value_ptr;
      PerFileIgnore entry;
      entry.pattern = {std::string(key.str()), Where(key)};
      Strings(std::string(key.str()), value, &entry.codes, false);
      config_.per_file_ignores.push_back(std::move(entry));
    }
  }

  const std::string& file_;
  std::string table_name_;
  Messages* messages_;
  Config config_;
  int errors_ = 0;
};

}  // namespace

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> kKeys = {
      "select",           "ignore",  "extend-select", "severity", "fail-on", "rules-dirs",
      "per-file-ignores", "exclude", "launch",        "runtime",  "pipeline"};
  return kKeys;
}

ConfigFileKind ConfigFileKindOf(const std::string& file) {
  size_t slash = file.rfind('/');
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  return name == "pyproject.toml" ? ConfigFileKind::kPyproject : ConfigFileKind::kBeamcompatToml;
}

bool PyprojectHasBeamcompatTable(std::string_view text) {
  Messages ignored;
  std::optional<toml::table> table = ParseToml("pyproject.toml", text, &ignored);
  return !table || (*table)["tool"]["beamcompat"].is_table();
}

std::optional<Config> ParseConfig(const std::string& file, std::string_view text,
                                  ConfigFileKind kind, Messages* messages) {
  std::optional<toml::table> table = ParseToml(file, text, messages);
  if (!table) return std::nullopt;
  toml::node_view<toml::node> section = (*table)["tool"]["beamcompat"];
  // A file named with --config may be pyproject-style under another name: its
  // [tool.beamcompat] table is the configuration then.
  if (kind == ConfigFileKind::kBeamcompatToml && !section.is_table()) {
    size_t slash = file.rfind('/');
    std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
    return ConfigParser(file, name, messages).Run(*table);
  }
  if (!section) {
    Config empty;
    empty.file = file;
    empty.dir = DirOf(file);
    return empty;
  }
  if (!section.is_table()) {
    messages->Error(TomlLocation(file, *section.node()), "'tool.beamcompat' must be a table");
    return std::nullopt;
  }
  return ConfigParser(file, "[tool.beamcompat]", messages).Run(*section.as_table());
}

}  // namespace beamcompat
