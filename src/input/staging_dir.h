// A downloaded Dataflow/Beam staging location (`--staging DIR`): pipeline.pb plus the staged
// artifacts, each stored under its staged name. Tells which of the pipeline's artifacts are
// present, and supplies the staged submission_environment_dependencies.txt as the launch list.
#ifndef BEAMCOMPAT_INPUT_STAGING_DIR_H_
#define BEAMCOMPAT_INPUT_STAGING_DIR_H_

#include <optional>
#include <string>
#include <vector>

#include "facts/pipeline_facts.h"

namespace beamcompat {

class FileSystem;
class Messages;

inline constexpr char kStagedPipelineFile[] = "pipeline.pb";
inline constexpr char kSubmissionDependenciesFile[] = "submission_environment_dependencies.txt";

struct StagingDir {
  std::string dir;
  std::vector<std::string> files;  // names of the regular files in `dir`, sorted

  bool Has(const std::string& name) const;
  std::string PathOf(const std::string& name) const;  // dir/name
};

// Lists `dir`. nullopt with an error when it is not a directory or holds no pipeline.pb.
std::optional<StagingDir> ReadStagingDir(const FileSystem& fs, const std::string& dir,
                                         Messages* messages);

// Marks every staged artifact of `pipeline` present or missing in `staging` (by staged name;
// artifacts without one are left unmarked) and records the directory.
void MatchStagedArtifacts(const StagingDir& staging, PipelineFacts* pipeline);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_STAGING_DIR_H_
