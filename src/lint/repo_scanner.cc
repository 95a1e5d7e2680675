#include "lint/repo_scanner.h"

#include <array>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"

namespace beamcompat {
namespace {

constexpr std::array<std::string_view, 14> kSkippedFolders = {
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".eggs"};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view Basename(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void Walk(const FileSystem& fs, const std::string& dir, const ExcludeFn& excluded,
          std::vector<RepoFile>* out) {
  for (const std::string& name : fs.ListDirectory(dir)) {
    std::string path = dir == "." ? name : JoinPath(dir, name);
    FileKind kind = fs.Kind(path);
    if (kind == FileKind::kDirectory) {
      bool skipped = false;
      for (std::string_view folder : kSkippedFolders) skipped = skipped || name == folder;
      if (!skipped && !excluded(path, true)) Walk(fs, path, excluded, out);
    } else if (kind == FileKind::kFile) {
      RepoFileKind file_kind = ClassifyRepoFile(name);
      if (file_kind != RepoFileKind::kNone && !excluded(path, false)) {
        out->push_back({file_kind, path});
      }
    }
  }
}

}  // namespace

RepoFileKind ClassifyRepoFile(std::string_view name) {
  std::string lower = ToLower(name);
  if (lower == "dockerfile" || lower == "containerfile" || EndsWith(lower, ".dockerfile") ||
      StartsWith(lower, "dockerfile.") || StartsWith(lower, "dockerfile-")) {
    return RepoFileKind::kDockerfile;
  }
  bool text_list = EndsWith(lower, ".txt") || EndsWith(lower, ".in");
  if (text_list && StartsWith(lower, "constraints")) return RepoFileKind::kConstraints;
  if (text_list && StartsWith(lower, "requirements")) return RepoFileKind::kRequirements;
  if (lower == "pyproject.toml") return RepoFileKind::kPyproject;
  if (lower == "setup.py") return RepoFileKind::kSetupPy;
  if (lower == "setup.cfg") return RepoFileKind::kSetupCfg;
  if (lower == ".python-version") return RepoFileKind::kPythonVersion;
  return RepoFileKind::kNone;
}

std::vector<RepoFile> ScanRepository(const FileSystem& fs, const std::vector<std::string>& paths,
                                     const ExcludeFn& excluded, Messages* messages) {
  std::vector<RepoFile> out;
  for (const std::string& path : paths) {
    FileKind kind = fs.Kind(path);
    if (kind == FileKind::kDirectory) {
      Walk(fs, path, excluded, &out);
    } else if (kind == FileKind::kFile) {
      RepoFileKind file_kind = ClassifyRepoFile(Basename(path));
      if (file_kind == RepoFileKind::kNone && EndsWith(path, ".txt")) {
        file_kind = RepoFileKind::kRequirements;
      }
      if (file_kind == RepoFileKind::kNone) {
        messages->Warning(AtLine(path, 0), "not a file lint reads (Dockerfile, requirements, "
                                           "pyproject.toml, setup.py, setup.cfg, "
                                           ".python-version); skipped");
      } else {
        out.push_back({file_kind, path});
      }
    } else {
      messages->Error(AtLine(path, 0), "no such file or directory");
    }
  }
  return out;
}

}  // namespace beamcompat
