#include "config/toml_parse.h"

#include <algorithm>
#include <cctype>

#include "base/message.h"

namespace beamcompat {

std::optional<toml::table> ParseToml(const std::string& file, std::string_view text,
                                     Messages* messages) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const toml::source_region& where = error.source();
    std::string description(error.description());
    if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
    messages->Error(AtLine(file, static_cast<int>(where.begin.line),
                           static_cast<int>(where.begin.column)),
                    "invalid TOML: " + description);
    return std::nullopt;
  }
}

SourceLocation TomlLocation(const std::string& file, const toml::node& node) {
  const toml::source_region& where = node.source();
  return AtLine(file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column));
}

std::vector<std::pair<const toml::key*, const toml::node*>> InFileOrder(const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, node] : table) entries.emplace_back(&key, &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin < b.first->source().begin;
  });
  return entries;
}

}  // namespace beamcompat
