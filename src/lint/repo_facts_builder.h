// Builds RepoFacts (facts/repo_facts.h) from the scanned files: reads every Dockerfile and
// project file, follows the requirements and constraints files that Dockerfiles install (via
// their COPY sources) and that requirements files include, and joins them: which exact
// apache-beam pin applies to each Beam image, what each final image's Python must match,
// what each pip install brings in. Declarations apply to Dockerfiles in their folder or below.
#ifndef BEAMCOMPAT_LINT_REPO_FACTS_BUILDER_H_
#define BEAMCOMPAT_LINT_REPO_FACTS_BUILDER_H_

#include <vector>

#include "facts/repo_facts.h"
#include "lint/repo_scanner.h"

namespace beamcompat {

class FileSystem;
class Messages;

RepoFacts BuildRepoFacts(const FileSystem& fs, const std::vector<RepoFile>& files,
                         Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_REPO_FACTS_BUILDER_H_
