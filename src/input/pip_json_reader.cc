#include "input/pip_json_reader.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "base/message.h"
#include "base/text.h"
#include "facts/package_name.h"

namespace beamcompat {
namespace {

using Json = nlohmann::json;

// Walks one parsed document, reporting every shape problem at its JSON path.
class PipJsonReader {
 public:
  PipJsonReader(const std::string& file, Messages* messages) : file_(file), messages_(messages) {}

  std::optional<PackageList> Read(const Json& doc) {
    list_.file = file_;
    if (doc.is_array()) {
      list_.format = PackageListFormat::kPipListJson;
      ReadPipList(doc);
    } else if (doc.is_object() && doc.contains("installed")) {
      list_.format = PackageListFormat::kPipInspect;
      ReadInspect(doc);
    } else {
      Error("",
            "expected pip list JSON (an array of objects with 'name' and 'version') or a "
            "pip inspect report (an object with 'installed')");
    }
    if (failed_) return std::nullopt;
    list_.Reindex();
    return std::move(list_);
  }

 private:
  void ReadPipList(const Json& doc) {
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string path = "[" + std::to_string(i) + "]";
      const Json& item = doc[i];
      if (!item.is_object()) {
        Error(path, "expected an object with 'name' and 'version'");
        continue;
      }
      Package package;
      if (!ReadPackage(item, path, &package)) continue;
      std::string editable;
      if (OptionalString(item, path, "editable_project_location", &editable) && !editable.empty()) {
        package.kind = InstallKind::kEditable;
        package.url = editable;
      }
      list_.packages.push_back(std::move(package));
    }
  }

  void ReadInspect(const Json& doc) {
    std::string version;
    if (!RequiredString(doc, "", "version", &version)) return;
    if (version != "1") {
      Error("version",
            "unsupported pip inspect report version " + Quote(version) + " (expected '1')");
      return;
    }
    ReadEnvironment(doc);
    const Json& installed = doc["installed"];
    if (!installed.is_array()) {
      Error("installed", "expected an array");
      return;
    }
    for (size_t i = 0; i < installed.size(); ++i) {
      ReadDistribution(installed[i], "installed[" + std::to_string(i) + "]");
    }
  }

  void ReadDistribution(const Json& item, const std::string& path) {
    if (!item.is_object() || !item.contains("metadata") || !item["metadata"].is_object()) {
      Error(path, "expected an object with 'metadata'");
      return;
    }
    const Json& metadata = item["metadata"];
    std::string metadata_path = path + ".metadata";
    Package package;
    if (!ReadPackage(metadata, metadata_path, &package)) return;
    OptionalString(metadata, metadata_path, "requires_python", &package.requires_python);
    ReadRequiresDist(metadata, metadata_path, &package);
    if (item.contains("direct_url")) ReadDirectUrl(item["direct_url"], path, &package);
    list_.packages.push_back(std::move(package));
  }

  void ReadRequiresDist(const Json& metadata, const std::string& path, Package* package) {
    if (!metadata.contains("requires_dist")) return;
    const Json& required = metadata["requires_dist"];
    if (!required.is_array()) {
      Error(path + ".requires_dist", "expected an array of strings");
      return;
    }
    for (size_t i = 0; i < required.size(); ++i) {
      if (!required[i].is_string()) {
        Error(path + ".requires_dist[" + std::to_string(i) + "]", "expected a string");
        continue;
      }
      package->requires_dist.push_back(required[i].get<std::string>());
    }
  }

  // PEP 610: vcs_info, archive_info or dir_info (editable or not).
  void ReadDirectUrl(const Json& direct, const std::string& path, Package* package) {
    std::string url;
    if (!direct.is_object() || !RequiredString(direct, path + ".direct_url", "url", &url)) return;
    package->url = url;
    if (direct.contains("vcs_info")) {
      package->kind = InstallKind::kVcs;
    } else if (direct.contains("dir_info") && direct["dir_info"].is_object() &&
               direct["dir_info"].value("editable", false)) {
      package->kind = InstallKind::kEditable;
    } else {
      package->kind = InstallKind::kDirectUrl;
    }
  }

  void ReadEnvironment(const Json& doc) {
    if (!doc.contains("environment")) return;
    const Json& env = doc["environment"];
    if (!env.is_object()) {
      Error("environment", "expected an object of marker values");
      return;
    }
    for (const auto& [key, value] : env.items()) {
      if (value.is_string()) list_.marker_environment[key] = value.get<std::string>();
    }
    for (const char* key : {"python_full_version", "python_version"}) {
      auto it = list_.marker_environment.find(key);
      if (it == list_.marker_environment.end()) continue;
      list_.python_version = Fact<std::string>{it->second, "pip inspect environment",
                                               AtPath(file_, std::string("environment.") + key)};
      return;
    }
  }

  bool ReadPackage(const Json& object, const std::string& path, Package* package) {
    std::string name, version;
    if (!RequiredString(object, path, "name", &name) ||
        !RequiredString(object, path, "version", &version)) {
      return false;
    }
    if (!IsValidPackageName(name)) {
      messages_->Warning(AtPath(file_, Join(path, "name")),
                         "skipped " + Quote(name) + ": not a valid package name");
      return false;
    }
    package->name = name;
    package->key = NormalizePackageName(name);
    package->version_text = version;
    package->version = Version::Parse(version);
    package->where = AtPath(file_, path);
    if (!package->version) {
      messages_->Warning(AtPath(file_, Join(path, "version")),
                         "version " + Quote(version) + " of " + Quote(name) +
                             " is not a PEP 440 version; kept as text");
    }
    return true;
  }

  bool RequiredString(const Json& object, const std::string& path, const char* key,
                      std::string* out) {
    if (!object.contains(key)) {
      Error(path, std::string("expected a '") + key + "' string");
      return false;
    }
    return OptionalString(object, path, key, out);
  }

  // Absent is fine (returns false); present but not a string is an error.
  bool OptionalString(const Json& object, const std::string& path, const char* key,
                      std::string* out) {
    if (!object.contains(key)) return false;
    const Json& value = object[key];
    if (!value.is_string()) {
      Error(Join(path, key), "expected a string");
      return false;
    }
    *out = value.get<std::string>();
    return true;
  }

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  void Error(const std::string& path, std::string text) {
    failed_ = true;
    messages_->Error(path.empty() ? AtLine(file_, 0) : AtPath(file_, path), std::move(text));
  }

  const std::string& file_;
  Messages* messages_;
  PackageList list_;
  bool failed_ = false;
};

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
// parsing value - invalid literal; last read: 'tru'" -> the part after the position.
std::string ParseErrorDetail(const std::string& what) {
  size_t colon = what.find(": ", what.find("parse error"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::optional<PackageList> ReadPipJson(const std::string& file, std::string_view contents,
                                       Messages* messages) {
  Json doc;
  try {
    doc = Json::parse(contents);
  } catch (const Json::parse_error& e) {
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    LineColumn at = LineColumnAt(contents, offset);
    messages->Error(AtLine(file, at.line, at.column),
                    "malformed JSON: " + ParseErrorDetail(e.what()));
    return std::nullopt;
  }
  return PipJsonReader(file, messages).Read(doc);
}

}  // namespace beamcompat
