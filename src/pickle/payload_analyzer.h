// The payload-analysis stage: after the pipeline reader and before the rules, it decodes
// and reads every pickled payload of a pipeline (DoFns, CombineFns, WindowFns, sources)
// into PickleFacts. Identical payloads, common since a pipeline repeats the same functions,
// are decoded once; distinct ones are decoded on a few threads. One unreadable payload
// becomes that payload's error and the others are still read.
#ifndef BEAMCOMPAT_PICKLE_PAYLOAD_ANALYZER_H_
#define BEAMCOMPAT_PICKLE_PAYLOAD_ANALYZER_H_

#include "facts/pickle_facts.h"
#include "facts/pipeline_facts.h"
#include "pickle/payload_decoder.h"
#include "pickle/pickle_reader.h"

namespace beamcompat {

class ModuleMap;
class PayloadPrefetch;

struct PayloadAnalyzerOptions {
  DecodeLimits limits;
  PickleLimits pickle_limits;
  int threads = 2;
};

// `modules` tells builtins from real globals for each environment's Python minor. The result
// views `pipeline` (transform names, payload paths), which must outlive it and stay in place.
// With `prefetch` (which was shown the pipeline as it was read), it is stopped first and the
// payloads it decoded are not decoded again; it must have the same limits as `options`.
PickleFacts AnalyzePayloads(const PipelineFacts& pipeline, const ModuleMap& modules,
                            const PayloadAnalyzerOptions& options,
                            PayloadPrefetch* prefetch = nullptr);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PAYLOAD_ANALYZER_H_
