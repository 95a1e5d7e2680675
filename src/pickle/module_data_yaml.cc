#include "pickle/module_data_yaml.h"

#include <yaml-cpp/yaml.h>

#include "base/message.h"

namespace beamcompat {
namespace {

SourceLocation Where(const std::string& file, const YAML::Mark& mark) {
  return AtLine(file, mark.line + 1, mark.column + 1);
}

// Reads a sequence of strings; false with a located error on anything else.
bool StringList(const YAML::Node& node, const std::string& file, const char* what,
                std::vector<std::string>* out, Messages* messages) {
  if (!node.IsSequence()) {
    messages->Error(Where(file, node.Mark()), std::string("expected a list of ") + what);
    return false;
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      messages->Error(Where(file, item.Mark()), std::string("expected a name in ") + what);
      return false;
    }
    out->push_back(item.Scalar());
  }
  return true;
}

// Parses the document into `root`; false unless it is a map with `key`.
bool LoadRoot(std::string_view text, const std::string& file, const char* key, YAML::Node* root_out,
              Messages* messages) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    messages->Error(Where(file, e.mark), e.msg);
    return false;
  }
  if (!root.IsMap() || !root[key]) {
    messages->Error(AtLine(file, 1, 1), std::string("expected a top-level '") + key + "' key");
    return false;
  }
  *root_out = root;
  return true;
}

bool ParseFact(const YAML::Node& node, const std::string& file, ModuleVersionFact* fact,
               Messages* messages) {
  if (!node.IsMap()) {
    messages->Error(Where(file, node.Mark()),
                    "expected a map with 'module', 'distribution', 'versions'");
    return false;
  }
  for (const char* key : {"module", "distribution", "versions"}) {
    if (!node[key] || !node[key].IsScalar()) {
      messages->Error(Where(file, node.Mark()), std::string("missing '") + key + "'");
      return false;
    }
  }
  fact->module = node["module"].Scalar();
  fact->distribution = node["distribution"].Scalar();
  fact->versions_text = node["versions"].Scalar();
  if (node["why"] && node["why"].IsScalar()) fact->why = node["why"].Scalar();
  fact->where = Where(file, node.Mark());
  return true;
}

}  // namespace

bool ParsePythonVersionsYaml(std::string_view text, const std::string& file,
                             std::vector<PythonVersionData>* out, Messages* messages) {
  YAML::Node root;
  if (!LoadRoot(text, file, "versions", &root, messages)) return false;
  YAML::Node versions = root["versions"];
  if (!versions.IsMap()) {
    messages->Error(Where(file, versions.Mark()), "expected 'versions' to map '3.10' to names");
    return false;
  }
  for (const auto& entry : versions) {
    PythonVersionData data;
    data.python = entry.first.Scalar();
    const YAML::Node& body = entry.second;
    if (!body.IsMap() || !body["stdlib_modules"] || !body["builtins"]) {
      messages->Error(Where(file, body.Mark()),
                      "expected 'stdlib_modules' and 'builtins' for Python '" + data.python + "'");
      return false;
    }
    if (!StringList(body["stdlib_modules"], file, "module names", &data.stdlib, messages) ||
        !StringList(body["builtins"], file, "builtin names", &data.builtins, messages)) {
      return false;
    }
    out->push_back(std::move(data));
  }
  return true;
}

bool ParseDistributionsYaml(std::string_view text, const std::string& file, DistributionData* out,
                            Messages* messages) {
  YAML::Node root;
  if (!LoadRoot(text, file, "modules", &root, messages)) return false;
  YAML::Node modules = root["modules"];
  if (!modules.IsMap()) {
    messages->Error(Where(file, modules.Mark()),
                    "expected 'modules' to map modules to distributions");
    return false;
  }
  for (const auto& entry : modules) {
    std::vector<std::string> names;
    if (!StringList(entry.second, file, "distributions", &names, messages)) return false;
    out->modules.emplace_back(entry.first.Scalar(), std::move(names));
  }
  YAML::Node facts = root["module_versions"];
  if (!facts) return true;
  if (!facts.IsSequence()) {
    messages->Error(Where(file, facts.Mark()), "expected 'module_versions' to be a list");
    return false;
  }
  for (const auto& node : facts) {
    ModuleVersionFact fact;
    if (!ParseFact(node, file, &fact, messages)) return false;
    out->version_facts.push_back(std::move(fact));
  }
  return true;
}

}  // namespace beamcompat
