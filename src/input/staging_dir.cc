#include "input/staging_dir.h"

#include <algorithm>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"

namespace beamcompat {

bool StagingDir::Has(const std::string& name) const {
  return std::binary_search(files.begin(), files.end(), name);
}

std::string StagingDir::PathOf(const std::string& name) const { return JoinPath(dir, name); }

std::optional<StagingDir> ReadStagingDir(const FileSystem& fs, const std::string& dir,
                                         Messages* messages) {
  FileKind kind = fs.Kind(dir);
  if (kind != FileKind::kDirectory) {
    messages->Error(AtPath(dir, ""), kind == FileKind::kMissing
                                         ? "staging directory " + Quote(dir) + " does not exist"
                                         : "--staging expects a directory; " + Quote(dir) +
                                               " is not one");
    return std::nullopt;
  }
  StagingDir staging;
  staging.dir = dir;
  for (const std::string& name : fs.ListDirectory(dir)) {
    if (fs.Kind(JoinPath(dir, name)) == FileKind::kFile) staging.files.push_back(name);
  }
  std::sort(staging.files.begin(), staging.files.end());
  if (!staging.Has(kStagedPipelineFile)) {
    messages->Error(AtPath(dir, ""), std::string("no ") + kStagedPipelineFile +
                                         " in the staging directory; expected a downloaded "
                                         "staging location (pipeline.pb plus staged files)");
    return std::nullopt;
  }
  return staging;
}

void MatchStagedArtifacts(const StagingDir& staging, PipelineFacts* pipeline) {
  pipeline->staging_dir = staging.dir;
  for (PipelineEnvironment& env : pipeline->environments) {
    for (StagedArtifact& artifact : env.artifacts) {
      if (!artifact.staged_name.empty()) artifact.present_in_staging = staging.Has(artifact.staged_name);
    }
  }
}

}  // namespace beamcompat
