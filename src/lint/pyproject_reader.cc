// pyproject.toml: PEP 621 dependencies and requires-python, Poetry dependencies and python.
#include <cctype>

#include "base/message.h"
#include "base/text.h"
#include "config/toml_parse.h"
#include "lint/project_file_readers.h"

namespace beamcompat {
namespace {

// The release components of a Poetry version ("2.48" -> {2, 48}); empty when not numeric.
std::vector<long> Components(std::string_view version) {
  std::vector<long> parts;
  for (std::string_view part : Split(version, '.')) {
    if (part.empty() || part.size() > 9) return {};
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    }
    parts.push_back(std::stol(std::string(part)));
  }
  return parts;
}

// The upper bound that raises component `bump` and zeroes the ones after it: (2.48.0, 0) ->
// "3.0.0"; one component gets ".0" so the bound reads as a version.
std::string UpperBound(const std::vector<long>& parts, size_t bump, size_t length) {
  std::string out;
  for (size_t i = 0; i < length; ++i) {
    long value = i < bump ? parts[i] : (i == bump ? parts[i] + 1 : 0);
    out += (i ? "." : "") + std::to_string(value);
  }
  return length == 1 ? out + ".0" : out;
}

// ^X.Y.Z: below the next change of the first non-zero component.
std::string Caret(std::string_view version) {
  std::vector<long> parts = Components(version);
  if (parts.empty()) return "";
  size_t bump = 0;
  while (bump + 1 < parts.size() && parts[bump] == 0) ++bump;
  return ">=" + std::string(version) + ",<" + UpperBound(parts, bump, parts.size());
}

// ~X.Y.Z: below the next minor (~X: below the next major).
std::string Tilde(std::string_view version) {
  std::vector<long> parts = Components(version);
  if (parts.empty()) return "";
  size_t length = parts.size() == 1 ? 1 : 2;
  return ">=" + std::string(version) + ",<" + UpperBound(parts, length - 1, length);
}

bool PoetryClause(std::string_view clause, std::string* out) {
  clause = Trim(clause);
  if (clause.empty() || clause == "*") return true;
  if (clause[0] == '^' || (clause[0] == '~' && clause.substr(0, 2) != "~=")) {
    std::string range = clause[0] == '^' ? Caret(Trim(clause.substr(1))) : Tilde(Trim(clause.substr(1)));
    if (range.empty()) return false;
    *out += (out->empty() ? "" : ",") + range;
    return true;
  }
  std::string clause_text(clause);
  if (std::isdigit(static_cast<unsigned char>(clause[0]))) clause_text = "==" + clause_text;
  std::string compact;
  for (char c : clause_text) {
    if (c != ' ') compact += c;
  }
  *out += (out->empty() ? "" : ",") + compact;
  return true;
}

class PyprojectReader {
 public:
  PyprojectReader(const std::string& file, Declarations* out, Messages* messages)
      : file_(file), out_(out), messages_(messages) {}

  void Run(const toml::table& root) {
    if (const toml::table* project = root["project"].as_table()) Project(*project);
    if (const toml::table* poetry = root["tool"]["poetry"]["dependencies"].as_table()) {
      Poetry(*poetry);
    }
  }

 private:
  SourceLocation Where(const toml::node& node) const { return TomlLocation(file_, node); }

  void Project(const toml::table& project) {
    if (const toml::array* deps = project["dependencies"].as_array()) {
      for (const toml::node& dep : *deps) {
        if (auto text = dep.value<std::string>()) {
          if (auto req = MakeRepoRequirement(*text, "pyproject", Where(dep), messages_)) {
            out_->requirements.push_back(std::move(*req));
          }
        } else {
          messages_->Warning(Where(dep), "'project.dependencies' entries must be strings; skipped");
        }
      }
    }
    if (const toml::node* python = project.get("requires-python")) {
      if (auto text = python->value<std::string>()) {
        out_->pythons.push_back({*text, PythonSpecifier(*text), "requires-python", Where(*python)});
      }
    }
  }

  void Poetry(const toml::table& deps) {
    for (const auto& [key_ptr, node_ptr] : InFileOrder(deps)) {
      const toml::node& node = *node_ptr;
      std::string name(key_ptr->str());
      std::optional<std::string> constraint = node.value<std::string>();
      std::vector<std::string> extras;
      if (const toml::table* table = node.as_table()) {
        constraint = (*table)["version"].value<std::string>();
        if (const toml::array* list = (*table)["extras"].as_array()) {
          for (const toml::node& extra : *list) {
            if (auto text = extra.value<std::string>()) extras.push_back(*text);
          }
        }
      }
      if (!constraint) continue;  // a path, git or url dependency: no version to check
      PoetryEntry(name, *constraint, extras, Where(node));
    }
  }

  void PoetryEntry(const std::string& name, const std::string& constraint,
                   const std::vector<std::string>& extras, SourceLocation where) {
    std::string specifier;
    if (!PoetryToSpecifier(constraint, &specifier)) {
      messages_->Warning(where, "poetry constraint " + Quote(constraint) + " for " +
                                    Quote(name) + " has no PEP 440 form; skipped");
      return;
    }
    if (name == "python") {
      out_->pythons.push_back({constraint, specifier, "poetry", where});
      return;
    }
    std::string text = name;
    if (!extras.empty()) {
      text += "[";
      for (size_t i = 0; i < extras.size(); ++i) text += (i ? "," : "") + extras[i];
      text += "]";
    }
    if (auto req = MakeRepoRequirement(text + specifier, "poetry", where, messages_)) {
      out_->requirements.push_back(std::move(*req));
    }
  }

  const std::string& file_;
  Declarations* out_;
  Messages* messages_;
};

}  // namespace

bool PoetryToSpecifier(std::string_view constraint, std::string* specifier) {
  specifier->clear();
  if (constraint.find("||") != std::string_view::npos || constraint.find('|') != std::string_view::npos) {
    return false;
  }
  for (std::string_view clause : Split(constraint, ',')) {
    if (!PoetryClause(clause, specifier)) return false;
  }
  return true;
}

void ReadPyproject(const std::string& file, std::string_view text, Declarations* out,
                   Messages* messages) {
  std::optional<toml::table> root = ParseToml(file, text, messages);
  if (!root) return;
  PyprojectReader(file, out, messages).Run(*root);
}

}  // namespace beamcompat
