// FactSet: the one model every later stage reads. Built once from the inputs by the fact
// builder, then passed around as const. Launch is where the pipeline is built and submitted;
// runtime is the SDK worker container.
#ifndef BEAMCOMPAT_FACTS_FACT_SET_H_
#define BEAMCOMPAT_FACTS_FACT_SET_H_

#include <optional>
#include <string>
#include <vector>

#include "facts/fact.h"
#include "facts/image_name.h"
#include "facts/package.h"
#include "facts/pickle_facts.h"
#include "facts/pipeline_facts.h"
#include "facts/repo_facts.h"

namespace beamcompat {

enum class Side { kLaunch, kRuntime };
const char* SideName(Side side);  // "launch", "runtime"

struct SideFacts {
  std::optional<Fact<std::string>> python;        // major.minor, "3.10"
  std::optional<Fact<std::string>> beam_version;  // "2.48.0"
  std::optional<Fact<ImageName>> image;           // the container image (runtime side)
  std::optional<PackageList> packages;
};

struct FactSet {
  SideFacts launch;
  SideFacts runtime;
  std::optional<PipelineFacts> pipeline;
  std::optional<PickleFacts> pickles;  // filled by the payload analyzer when a pipeline is read
  std::optional<RepoFacts> repo;  // `lint` only: the scanned repository's build files

  const SideFacts& side(Side s) const { return s == Side::kLaunch ? launch : runtime; }
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_FACT_SET_H_
