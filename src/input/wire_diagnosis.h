// Explains why a serialized message does not parse: walks the bytes with the message's
// descriptor and names the logical field path where they break, e.g.
// components.transforms['ref_AppliedPTransform_x'].spec.payload: truncated field (...).
// Used only after protobuf itself has rejected the bytes, so speed does not matter here.
#ifndef BEAMCOMPAT_INPUT_WIRE_DIAGNOSIS_H_
#define BEAMCOMPAT_INPUT_WIRE_DIAGNOSIS_H_

#include <optional>
#include <string>
#include <string_view>

namespace google::protobuf {
class Descriptor;
}

namespace beamcompat {

struct WireProblem {
  std::string path;  // "components.transforms['t'].spec.payload"; "" for the top level
  std::string text;  // "truncated field (length 4096 at byte 1234, only 200 bytes left)"
};

// The first problem found in `data` read as a `descriptor` message, or nullopt when the walk
// finds none. `base_offset` is added to reported byte offsets.
std::optional<WireProblem> FindWireProblem(const google::protobuf::Descriptor& descriptor,
                                           std::string_view data, size_t base_offset = 0);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_WIRE_DIAGNOSIS_H_
