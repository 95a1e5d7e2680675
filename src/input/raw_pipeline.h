// The top of a serialized Pipeline split into views, without parsing or copying anything:
// the entries of components.transforms, .environments and .windowing_strategies (id and
// serialized value) and the requirements. The pipeline reader then reads each entry it needs.
// This is what keeps reading a 50 MB pipeline.pb at one pass over mapped bytes.
#ifndef BEAMCOMPAT_INPUT_RAW_PIPELINE_H_
#define BEAMCOMPAT_INPUT_RAW_PIPELINE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

struct RawEntry {
  std::string_view key;    // the map key (a transform or environment id)
  std::string_view value;  // the serialized PTransform / Environment / WindowingStrategy
};

struct RawPipeline {
  // In wire order (read sequentially, which is fastest); sort with SortedLastWins.
  std::vector<RawEntry> transforms;
  // Sorted by key; a key repeated on the wire keeps its last value, as protobuf does.
  std::vector<RawEntry> environments;
  std::vector<RawEntry> windowing_strategies;
  std::vector<std::string_view> requirements;
};

// Told of each components.transforms entry as the split finds it, in wire order, while its
// bytes are still in cache (a 50k-transform pipeline misses cache on every transform it
// comes back to). Returning false stops the split as malformed.
using TransformVisitor = std::function<bool(const RawEntry&)>;

// Splits `bytes`. Returns false on malformed wire data or a key or requirement that is not
// UTF-8, or when `visit` says so; the caller then asks wire_diagnosis where exactly it breaks.
bool SplitPipeline(std::string_view bytes, RawPipeline* raw, const TransformVisitor& visit = {});

// Indices of `keys` in key order, keeping only the last of repeated keys (protobuf's rule for
// map entries).
std::vector<size_t> SortedLastWins(const std::vector<std::string_view>& keys);

// The fields of one serialized PTransform the reader uses, as views.
struct RawTransform {
  std::string_view urn;          // spec.urn
  std::string_view payload;      // spec.payload
  std::string_view spec;         // the serialized spec itself
  std::string_view unique_name;  // 5
  std::string_view environment_id;  // 7
};

// Returns false on malformed wire data or strings that are not UTF-8.
bool SplitTransform(std::string_view bytes, RawTransform* transform);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_RAW_PIPELINE_H_
