// What each build stage of one Dockerfile amounts to once its base chain is followed: the
// effective base kind and distribution, the Python it runs, whether Beam's boot files and
// entrypoint are there, and which Python tools a distro-based Beam image lacks. Stages built
// FROM an earlier stage inherit all of it. Used by lint/repo_facts_builder.h.
#ifndef BEAMCOMPAT_LINT_STAGE_ANALYSIS_H_
#define BEAMCOMPAT_LINT_STAGE_ANALYSIS_H_

#include <optional>
#include <string>
#include <vector>

#include "facts/fact.h"
#include "facts/repo_facts.h"
#include "lint/base_image.h"
#include "lint/dockerfile.h"

namespace beamcompat {

struct StageAnalysis {
  RepoStage stage;
  BaseImage base;  // the image at the root of the stage's FROM chain
  // Python of the Beam SDK whose /opt/apache/beam was copied in (not set for a Beam base).
  std::optional<Fact<std::string>> copied_beam_python;
  std::vector<std::string> apt_packages;  // this stage and its stage ancestors
  std::vector<std::string> symlinks;
  std::vector<std::string> env_names;
};

// One entry per stage of `dockerfile`, in order.
std::vector<StageAnalysis> AnalyzeStages(const Dockerfile& dockerfile);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_STAGE_ANALYSIS_H_
