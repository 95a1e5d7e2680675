#include "input/raw_pipeline.h"

#include <algorithm>

#include "base/text.h"
#include "input/wire_reader.h"

namespace beamcompat {
namespace {

// Field numbers (beam.md §1.1).
constexpr uint32_t kPipelineComponents = 1;
constexpr uint32_t kPipelineRequirements = 4;
constexpr uint32_t kComponentsTransforms = 1;
constexpr uint32_t kComponentsWindowingStrategies = 3;
constexpr uint32_t kComponentsEnvironments = 5;
constexpr uint32_t kTransformSpec = 1;
constexpr uint32_t kTransformUniqueName = 5;
constexpr uint32_t kTransformEnvironmentId = 7;
constexpr uint32_t kSpecUrn = 1;
constexpr uint32_t kSpecPayload = 3;

bool IsUtf8(std::string_view text) { return FindInvalidUtf8(text) == std::string_view::npos; }

bool ReadEntry(std::string_view bytes, std::vector<RawEntry>* entries) {
  RawEntry entry;
  WireReader reader(bytes);
  WireField field;
  while (reader.Next(&field)) {
    if (field.type != WireType::kLengthDelimited) continue;
    if (field.number == 1) entry.key = field.bytes;
    if (field.number == 2) entry.value = field.bytes;
  }
  if (!reader.error().empty() || !IsUtf8(entry.key)) return false;
  entries->push_back(entry);
  return true;
}

// A transform's name and environment id follow its spec payload, at the end of its entry,
// where the next entry begins: ~1 KB past what was read last, out of the hardware
// prefetcher's reach. Asking for those lines before the entry is read hides the wait.
void PrefetchEnd(std::string_view entry) {
  const char* end = entry.data() + entry.size();
  __builtin_prefetch(end - 64);
  __builtin_prefetch(end);
}

bool ReadComponents(std::string_view bytes, RawPipeline* raw, const TransformVisitor& visit) {
  WireReader reader(bytes);
  WireField field;
  while (reader.Next(&field)) {
    if (field.type != WireType::kLengthDelimited) continue;
    std::vector<RawEntry>* entries = field.number == kComponentsTransforms ? &raw->transforms
                                     : field.number == kComponentsEnvironments
                                         ? &raw->environments
                                     : field.number == kComponentsWindowingStrategies
                                         ? &raw->windowing_strategies
                                         : nullptr;
    if (entries == &raw->transforms) PrefetchEnd(field.bytes);
    if (entries != nullptr && !ReadEntry(field.bytes, entries)) return false;
    if (entries == &raw->transforms && visit && !visit(entries->back())) return false;
  }
  return reader.error().empty();
}

// Length of the prefix all keys share ("ref_AppliedPTransform_" in SDK-made pipelines).
size_t CommonPrefix(const std::vector<std::string_view>& keys) {
  if (keys.empty()) return 0;
  std::string_view first = keys.front();
  size_t common = first.size();
  for (std::string_view key : keys) {
    size_t n = 0;
    size_t limit = std::min(common, key.size());
    while (n < limit && key[n] == first[n]) ++n;
    common = n;
  }
  return common;
}

// The 8 bytes after `skip`, big-endian, so that integer order is byte order.
uint64_t Head(std::string_view key, size_t skip) {
  uint64_t head = 0;
  for (size_t i = 0; i < 8; ++i) {
    size_t at = skip + i;
    head = (head << 8) | (at < key.size() ? static_cast<uint8_t>(key[at]) : 0);
  }
  return head;
}

void SortLastWins(std::vector<RawEntry>* entries) {
  std::vector<std::string_view> keys;
  keys.reserve(entries->size());
  for (const RawEntry& entry : *entries) keys.push_back(entry.key);
  std::vector<RawEntry> sorted;
  sorted.reserve(entries->size());
  for (size_t index : SortedLastWins(keys)) sorted.push_back((*entries)[index]);
  *entries = std::move(sorted);
}

}  // namespace

// With 50k transforms whose ids share a long prefix, comparing strings dominated the sort;
// comparing the 8 bytes after the shared prefix as integers first makes most comparisons one
// instruction.
std::vector<size_t> SortedLastWins(const std::vector<std::string_view>& keys) {
  struct Sortable {
    uint64_t head;
    size_t index;
  };
  size_t skip = CommonPrefix(keys);
  std::vector<Sortable> sortable;
  sortable.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) sortable.push_back({Head(keys[i], skip), i});
  std::sort(sortable.begin(), sortable.end(), [&keys, skip](const Sortable& a, const Sortable& b) {
    if (a.head != b.head) return a.head < b.head;
    int order = keys[a.index].substr(skip).compare(keys[b.index].substr(skip));
    return order != 0 ? order < 0 : a.index < b.index;
  });
  std::vector<size_t> order;
  order.reserve(keys.size());
  for (size_t i = 0; i < sortable.size(); ++i) {
    bool repeated = i + 1 < sortable.size() && sortable[i + 1].head == sortable[i].head &&
                    keys[sortable[i + 1].index] == keys[sortable[i].index];
    if (!repeated) order.push_back(sortable[i].index);
  }
  return order;
}

bool SplitPipeline(std::string_view bytes, RawPipeline* raw, const TransformVisitor& visit) {
  WireReader reader(bytes);
  WireField field;
  while (reader.Next(&field)) {
    if (field.type != WireType::kLengthDelimited) continue;
    if (field.number == kPipelineComponents && !ReadComponents(field.bytes, raw, visit)) {
      return false;
    }
    if (field.number == kPipelineRequirements) {
      if (!IsUtf8(field.bytes)) return false;
      raw->requirements.push_back(field.bytes);
    }
  }
  if (!reader.error().empty()) return false;
  SortLastWins(&raw->environments);
  SortLastWins(&raw->windowing_strategies);
  return true;
}

bool SplitTransform(std::string_view bytes, RawTransform* transform) {
  WireReader reader(bytes);
  WireField field;
  while (reader.Next(&field)) {
    if (field.type != WireType::kLengthDelimited) continue;
    if (field.number == kTransformSpec) transform->spec = field.bytes;
    if (field.number == kTransformUniqueName) transform->unique_name = field.bytes;
    if (field.number == kTransformEnvironmentId) transform->environment_id = field.bytes;
  }
  if (!reader.error().empty()) return false;
  WireReader spec(transform->spec);
  while (spec.Next(&field)) {
    if (field.type != WireType::kLengthDelimited) continue;
    if (field.number == kSpecUrn) transform->urn = field.bytes;
    if (field.number == kSpecPayload) transform->payload = field.bytes;
  }
  return spec.error().empty() && IsUtf8(transform->urn) && IsUtf8(transform->unique_name) &&
         IsUtf8(transform->environment_id);
}

}  // namespace beamcompat
