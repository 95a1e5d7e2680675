// Finds the pickled Python functions a worker will load, inside a transform's serialized
// payload (beam.md §7.1): the DoFn of a ParDoPayload, the CombineFn of a CombinePayload or of
// a combining state spec, the WindowFn of a WindowIntoPayload, the source of a ReadPayload.
// Payloads are viewed in place (no copy); BytesValue wrappers are removed.
#ifndef BEAMCOMPAT_INPUT_PICKLED_PAYLOADS_H_
#define BEAMCOMPAT_INPUT_PICKLED_PAYLOADS_H_

#include <string>
#include <string_view>
#include <vector>

#include "facts/pipeline_facts.h"

namespace beamcompat {

class Messages;

// Whether a transform with this spec URN can hold pickled payloads at all (ParDo- and
// Combine-shaped, WindowInto, Read, and Python's pickled transforms); FindTransformPayloads
// finds none in the others.
bool MayCarryPayloads(std::string_view urn);

// The pickled payloads in the payload of a transform whose spec has `urn`. `*spec_path` holds
// the transform's spec path ("components.transforms['t'].spec"); it is a scratch buffer, used
// to build deeper paths and restored on return. The views point into `payload`, which must
// outlive them. A payload that does not parse is a warning naming its path.
std::vector<PickledPayload> FindTransformPayloads(const std::string& file, std::string_view urn,
                                                  std::string_view payload,
                                                  std::string* spec_path, Messages* messages);

// Adds the pickled payload of the FunctionSpec serialized in `spec_bytes` (found at
// `*spec_path`, a scratch buffer as above) to `out`, if its URN names one; warns when the spec
// does not parse.
void FindSpecPayload(const std::string& file, std::string_view spec_bytes,
                     std::string* spec_path, std::vector<PickledPayload>* out,
                     Messages* messages);

// The pickled payload of a FunctionSpec given by its `urn` and `payload` (e.g. a
// WindowingStrategy's window_fn), if its URN names one. Returns false (with a warning) when a
// BytesValue wrapper does not parse and false without one when the URN is not a pickled one.
bool ReadPickledSpec(const std::string& file, std::string_view urn, std::string_view payload,
                     const std::string& spec_path, PickledPayload* out, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_PICKLED_PAYLOADS_H_
