#include "input/pickled_payloads.h"

#include <array>

#include "base/message.h"
#include "base/text.h"
#include "beam_runner_api.pb.h"
#include "input/wire_diagnosis.h"
#include "input/wire_reader.h"

namespace beamcompat {
namespace {

namespace pb = org::apache::beam::model::pipeline::v1;
using google::protobuf::Descriptor;

constexpr std::string_view kRawPickledUrn = "beam:dofn:pickled_python_info:v1";
constexpr std::string_view kTransformPickledUrn = "beam:transform:pickled_python:v1";
constexpr std::array<std::string_view, 4> kWrappedPickledUrns = {
    "beam:dofn:pickled_python:v1", "beam:combinefn:pickled_python:v1",
    "beam:window_fn:pickled_python:v1", "beam:source:pickled_python:v1"};

// Transform URNs by the payload message they carry (beam.md §2.1).
constexpr std::array<std::string_view, 5> kParDoShaped = {
    "beam:transform:pardo:v1", "beam:transform:sdf_pair_with_restriction:v1",
    "beam:transform:sdf_split_and_size_restrictions:v1",
    "beam:transform:sdf_process_sized_element_and_restrictions:v1",
    "beam:transform:sdf_truncate_sized_restrictions:v1"};
constexpr std::array<std::string_view, 7> kCombineShaped = {
    "beam:transform:combine_per_key:v1",
    "beam:transform:combine_globally:v1",
    "beam:transform:combine_per_key_precombine:v1",
    "beam:transform:combine_per_key_merge_accumulators:v1",
    "beam:transform:combine_per_key_extract_outputs:v1",
    "beam:transform:combine_grouped_values:v1",
    "beam:transform:combine_per_key_convert_to_accumulators:v1"};

template <size_t N>
bool OneOf(std::string_view urn, const std::array<std::string_view, N>& urns) {
  for (std::string_view candidate : urns) {
    if (urn == candidate) return true;
  }
  return false;
}

// Reports a nested message that does not parse, at the deepest path the walk can name.
void WarnUnreadable(const std::string& file, const Descriptor& descriptor,
                    std::string_view bytes, const std::string& path, const std::string& error,
                    Messages* messages) {
  std::optional<WireProblem> problem = FindWireProblem(descriptor, bytes);
  std::string where = path;
  std::string text = error;
  if (problem) {
    if (!problem->path.empty()) where += "." + problem->path;
    text = problem->text;
  }
  messages->Warning(AtPath(file, where), "cannot read " + descriptor.name() + ": " + text);
}

// Appends `part` to a shared path buffer for one scope. The nested readers below share one
// buffer, so reading 50k transforms allocates only the paths that are kept.
class PathScope {
 public:
  PathScope(std::string* path, std::string_view part) : path_(path), size_(path->size()) {
    path->append(part);
  }
  ~PathScope() { path_->resize(size_); }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  std::string* path_;
  size_t size_;
};

// Views the urn (1) and payload (3) of a serialized FunctionSpec.
bool ViewSpec(std::string_view bytes, std::string_view* urn, std::string_view* payload,
              std::string* err) {
  WireReader reader(bytes);
  WireField field;
  while (reader.Next(&field)) {
    if (field.type != WireType::kLengthDelimited) continue;
    if (field.number == 1) *urn = field.bytes;
    if (field.number == 3) *payload = field.bytes;
  }
  *err = reader.error();
  return err->empty();
}

// ParDoPayload: do_fn (1) and the combine_fn of every combining state spec
// (state_specs (4) -> value (2) -> combining_spec (3) -> combine_fn (2)).
void FindParDoPayloads(const std::string& file, std::string_view payload, std::string* path,
                       std::vector<PickledPayload>* out, Messages* messages) {
  WireReader reader(payload);
  WireField field;
  std::string err;
  while (reader.Next(&field) && err.empty()) {
    if (field.type != WireType::kLengthDelimited) continue;
    if (field.number == 1) {
      PathScope scope(path, ".do_fn");
      FindSpecPayload(file, field.bytes, path, out, messages);
    }
    if (field.number != 4) continue;
    std::optional<std::string_view> key = FindBytesField(field.bytes, 1, &err);
    std::optional<std::string_view> spec = FindBytesField(field.bytes, 2, &err);
    std::optional<std::string_view> combining = spec ? FindBytesField(*spec, 3, &err) : std::nullopt;
    std::optional<std::string_view> fn = combining ? FindBytesField(*combining, 2, &err) : std::nullopt;
    if (fn) {
      PathScope scope(path, ".state_specs[" + Quote(key.value_or("")) + "].combining_spec.combine_fn");
      FindSpecPayload(file, *fn, path, out, messages);
    }
  }
  if (!reader.error().empty() || !err.empty()) {
    WarnUnreadable(file, *pb::ParDoPayload::descriptor(), payload, *path,
                   err.empty() ? reader.error() : err, messages);
  }
}

// A payload message whose field 1 is the FunctionSpec: CombinePayload.combine_fn,
// WindowIntoPayload.window_fn, ReadPayload.source. The descriptor only serves diagnostics:
// asking for it builds protobuf's descriptor pool, a tenth of reading a small pipeline.
struct FirstFieldShape {
  const char* field;  // the name of field 1
  const Descriptor* (*descriptor)();
};
constexpr FirstFieldShape kCombineShape{"combine_fn", &pb::CombinePayload::descriptor};
constexpr FirstFieldShape kWindowIntoShape{"window_fn", &pb::WindowIntoPayload::descriptor};
constexpr FirstFieldShape kReadShape{"source", &pb::ReadPayload::descriptor};

void FindFirstFieldPayload(const std::string& file, const FirstFieldShape& shape,
                           std::string_view payload, std::string* path,
                           std::vector<PickledPayload>* out, Messages* messages) {
  std::string err;
  std::optional<std::string_view> spec = FindBytesField(payload, 1, &err);
  if (!err.empty()) {
    WarnUnreadable(file, *shape.descriptor(), payload, *path, err, messages);
    return;
  }
  if (spec) {
    PathScope scope(path, std::string(".") + shape.field);
    FindSpecPayload(file, *spec, path, out, messages);
  }
}

}  // namespace

void FindSpecPayload(const std::string& file, std::string_view spec_bytes,
                     std::string* spec_path, std::vector<PickledPayload>* out,
                     Messages* messages) {
  std::string_view urn, payload;
  std::string err;
  if (!ViewSpec(spec_bytes, &urn, &payload, &err)) {
    WarnUnreadable(file, *pb::FunctionSpec::descriptor(), spec_bytes, *spec_path, err, messages);
    return;
  }
  PickledPayload pickled;
  if (ReadPickledSpec(file, urn, payload, *spec_path, &pickled, messages)) {
    out->push_back(std::move(pickled));
  }
}

bool ReadPickledSpec(const std::string& file, std::string_view urn, std::string_view payload,
                     const std::string& spec_path, PickledPayload* out, Messages* messages) {
  bool raw = urn == kRawPickledUrn || urn == kTransformPickledUrn;
  if (!raw && !OneOf(urn, kWrappedPickledUrns)) return false;
  out->urn = urn;
  out->proto_path = spec_path + ".payload";
  if (raw) {
    out->encoded = payload;
    return true;
  }
  std::string err;
  std::optional<std::string_view> value = FindBytesField(payload, 1, &err);
  if (!err.empty()) {
    messages->Warning(AtPath(file, out->proto_path), "cannot read BytesValue: " + err);
    return false;
  }
  out->encoded = value.value_or(std::string_view());
  return true;
}

bool MayCarryPayloads(std::string_view urn) {
  return urn == kTransformPickledUrn || OneOf(urn, kParDoShaped) || OneOf(urn, kCombineShaped) ||
         urn == "beam:transform:window_into:v1" || urn == "beam:transform:read:v1";
}

std::vector<PickledPayload> FindTransformPayloads(const std::string& file, std::string_view urn,
                                                  std::string_view payload,
                                                  std::string* spec_path, Messages* messages) {
  std::vector<PickledPayload> found;
  if (urn == kTransformPickledUrn) {
    PickledPayload pickled;
    if (ReadPickledSpec(file, urn, payload, *spec_path, &pickled, messages)) {
      found.push_back(std::move(pickled));
    }
    return found;
  }
  PathScope scope(spec_path, ".payload");
  if (OneOf(urn, kParDoShaped)) {
    FindParDoPayloads(file, payload, spec_path, &found, messages);
  } else if (OneOf(urn, kCombineShaped)) {
    FindFirstFieldPayload(file, kCombineShape, payload, spec_path, &found, messages);
  } else if (urn == "beam:transform:window_into:v1") {
    FindFirstFieldPayload(file, kWindowIntoShape, payload, spec_path, &found, messages);
  } else if (urn == "beam:transform:read:v1") {
    FindFirstFieldPayload(file, kReadShape, payload, spec_path, &found, messages);
  }
  return found;
}

}  // namespace beamcompat
