#include "config/config_discovery.h"

#include <optional>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "config/config_reader.h"

namespace beamcompat {
namespace {

std::string Parent(const std::string& dir) {
  size_t slash = dir.find_last_of('/');
  if (slash == std::string::npos || dir == "/") return "";
  return slash == 0 ? "/" : dir.substr(0, slash);
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  for (std::string_view part : Split(path, '/')) {
    if (!part.empty() && part != ".") out.push_back(part);
  }
  return out;
}

// The config file of `dir`, or "" when the folder has none.
std::string ConfigFileIn(const FileSystem& fs, const std::string& dir) {
  std::string candidate = JoinPath(dir, "beamcompat.toml");
  if (fs.Kind(candidate) == FileKind::kFile) return candidate;
  candidate = JoinPath(dir, "pyproject.toml");
  std::string text, err;
  if (fs.Kind(candidate) == FileKind::kFile && fs.ReadFile(candidate, &text, &err) &&
      PyprojectHasBeamcompatTable(text)) {
    return candidate;
  }
  return "";
}

bool ReadConfigFile(const FileSystem& fs, const std::string& path, const std::string& shown,
                    Config* config, Messages* messages) {
  std::string text, err;
  if (!fs.ReadFile(path, &text, &err)) {
    messages->Error(SourceLocation{}, err);
    return false;
  }
  std::optional<Config> parsed = ParseConfig(shown, text, ConfigFileKindOf(shown), messages);
  if (!parsed) return false;
  *config = std::move(*parsed);
  return true;
}

}  // namespace

std::string NormalizePath(const std::string& path) {
  std::vector<std::string_view> out;
  for (std::string_view part : Segments(path)) {
    if (part == "..") {
      if (!out.empty()) out.pop_back();
    } else {
      out.push_back(part);
    }
  }
  std::string joined;
  for (std::string_view part : out) joined += "/" + std::string(part);
  return joined.empty() ? "/" : joined;
}

std::string RelativePath(const std::string& from, const std::string& target) {
  std::vector<std::string_view> a = Segments(from);
  std::vector<std::string_view> b = Segments(target);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += "../";
  for (size_t i = common; i < b.size(); ++i) {
    out += std::string(b[i]);
    if (i + 1 < b.size()) out += "/";
  }
  return out.empty() ? "." : out;
}

bool LoadConfig(const FileSystem& fs, const ConfigRequest& request, Config* config,
                Messages* messages) {
  *config = Config{};
  if (request.isolated) return true;
  if (!request.explicit_file.empty()) {
    return ReadConfigFile(fs, NormalizePath(JoinPath(request.working_dir, request.explicit_file)),
                          request.explicit_file, config, messages);
  }
  for (std::string dir = request.working_dir; !dir.empty(); dir = Parent(dir)) {
    std::string found = ConfigFileIn(fs, dir);
    if (found.empty()) continue;
    return ReadConfigFile(fs, found, RelativePath(request.working_dir, found), config, messages);
  }
  return true;
}

}  // namespace beamcompat
