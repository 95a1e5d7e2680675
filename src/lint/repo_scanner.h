// Finds the files `lint` reads under the paths it is given: Dockerfiles (`Dockerfile`,
// `*.Dockerfile`, `Dockerfile.*`, `Dockerfile-*`, `Containerfile`), requirements and
// constraints files, pyproject.toml, setup.py, setup.cfg and .python-version. Folders are
// walked in name order, skipping VCS and virtualenv folders and whatever the config excludes;
// files named explicitly are always read (pre-commit passes the changed files).
#ifndef BEAMCOMPAT_LINT_REPO_SCANNER_H_
#define BEAMCOMPAT_LINT_REPO_SCANNER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

class FileSystem;
class Messages;

enum class RepoFileKind {
  kNone,
  kDockerfile,
  kRequirements,
  kConstraints,
  kPyproject,
  kSetupPy,
  kSetupCfg,
  kPythonVersion,
};

struct RepoFile {
  RepoFileKind kind = RepoFileKind::kNone;
  std::string path;  // as given or joined from the given folder
};

// The kind a file name (the last path component) has; kNone when lint does not read it.
RepoFileKind ClassifyRepoFile(std::string_view name);

// `excluded(path, is_directory)` says whether the config excludes a walked path.
using ExcludeFn = std::function<bool(const std::string&, bool)>;

// Files in scan order. A path that does not exist is an error.
std::vector<RepoFile> ScanRepository(const FileSystem& fs, const std::vector<std::string>& paths,
                                     const ExcludeFn& excluded, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_REPO_SCANNER_H_
