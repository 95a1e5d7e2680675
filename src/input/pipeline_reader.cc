#include "input/pipeline_reader.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <utility>
#include <vector>

#include <google/protobuf/arena.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "beam_runner_api.pb.h"
#include "input/environment_reader.h"
#include "input/pickled_payloads.h"
#include "input/wire_diagnosis.h"

namespace beamcompat {
namespace {

namespace pb = org::apache::beam::model::pipeline::v1;

constexpr size_t kSniffBytes = 64 * 1024;

// Owns the parsed message; PipelineFacts::storage holds it so payload views stay valid.
struct PipelineStorage {
  static google::protobuf::ArenaOptions Options() {
    google::protobuf::ArenaOptions options;
    options.start_block_size = 64 * 1024;
    options.max_block_size = 4 * 1024 * 1024;
    return options;
  }
  PipelineStorage() : arena(Options()) {}
  google::protobuf::Arena arena;
  pb::Pipeline* pipeline = nullptr;
};

std::string LowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
      (text.size() < 2 || !(text[1] >= 'A' && text[1] <= 'Z'))) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

// Keeps the first text-format error, converted to 1-based positions.
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (has_error) return;
    has_error = true;
    this->line = line + 1;
    this->column = column + 1;
    text = LowerFirst(message);
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}

  bool has_error = false;
  int line = 0;
  int column = 0;
  std::string text;
};

bool ParseBinary(const std::string& file, const std::string& contents, pb::Pipeline* pipeline,
                 Messages* messages) {
  if (contents.size() > static_cast<size_t>(INT_MAX)) {
    messages->Error(AtPath(file, ""), "file too large for a binary pipeline (over 2 GiB)");
    return false;
  }
  google::protobuf::LogSilencer silence;  // protobuf logs bad UTF-8; we report it ourselves
  if (pipeline->ParseFromArray(contents.data(), static_cast<int>(contents.size()))) return true;
  std::optional<WireProblem> problem = FindWireProblem(*pb::Pipeline::descriptor(), contents);
  std::string text = problem ? problem->text : "not a valid binary Pipeline message";
  messages->Error(AtPath(file, problem ? problem->path : ""),
                  "not a binary Beam pipeline: " + text);
  return false;
}

bool ParseText(const std::string& file, const std::string& contents, pb::Pipeline* pipeline,
               Messages* messages) {
  google::protobuf::TextFormat::Parser parser;
  FirstErrorCollector errors;
  parser.RecordErrorsTo(&errors);
  parser.AllowUnknownField(true);
  if (parser.ParseFromString(contents, pipeline)) return true;
  if (!errors.has_error) errors.text = "not a text-format Beam pipeline";
  messages->Error(AtLine(file, errors.line, errors.column), errors.text);
  return false;
}

bool ParseJson(const std::string& file, const std::string& contents, pb::Pipeline* pipeline,
               Messages* messages) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto status = google::protobuf::util::JsonStringToMessage(contents, pipeline, options);
  if (status.ok()) return true;
  std::string text(status.message());
  text = text.substr(0, text.find('\n'));
  messages->Error(AtPath(file, ""), "not a JSON Beam pipeline: " + LowerFirst(text));
  return false;
}

bool Decode(const std::string& file, std::string contents, PipelineFormat format,
            pb::Pipeline* pipeline, Messages* messages) {
  switch (format) {
    case PipelineFormat::kBinary:
      return ParseBinary(file, contents, pipeline, messages);
    case PipelineFormat::kText:
      return ParseText(file, contents, pipeline, messages);
    case PipelineFormat::kJson:
      return ParseJson(file, contents, pipeline, messages);
  }
  return false;
}

// Map entries sorted by key, so facts come out in a stable order.
template <class Map>
std::vector<const typename Map::value_type*> SortedEntries(const Map& map) {
  std::vector<const typename Map::value_type*> entries;
  entries.reserve(map.size());
  for (const auto& entry : map) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  return entries;
}

std::string MapPath(const char* field, const std::string& key) {
  return std::string("components.") + field + "[" + Quote(key) + "]";
}

void ReadEnvironments(const pb::Components& components, PipelineFacts* facts,
                      Messages* messages) {
  for (const auto* entry : SortedEntries(components.environments())) {
    for (PipelineEnvironment& env :
         ReadEnvironment(facts->file, entry->first, entry->second,
                         MapPath("environments", entry->first), messages)) {
      facts->environments.push_back(std::move(env));
    }
  }
  std::stable_sort(facts->environments.begin(), facts->environments.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
}

void ReadTransforms(const pb::Components& components, PipelineFacts* facts,
                    Messages* messages) {
  facts->transforms.reserve(components.transforms_size());
  for (const auto* entry : SortedEntries(components.transforms())) {
    const pb::PTransform& transform = entry->second;
    TransformFacts out;
    out.id = entry->first;
    out.unique_name = transform.unique_name();
    out.urn = transform.spec().urn();
    out.environment_id = transform.environment_id();
    out.proto_path = MapPath("transforms", entry->first);
    out.payloads = FindTransformPayloads(facts->file, out.urn, transform.spec().payload(),
                                         out.proto_path + ".spec", messages);
    facts->transforms.push_back(std::move(out));
  }
}

void ReadWindowingStrategies(const pb::Components& components, PipelineFacts* facts,
                             Messages* messages) {
  for (const auto* entry : SortedEntries(components.windowing_strategies())) {
    const pb::FunctionSpec& fn = entry->second.window_fn();
    PickledPayload pickled;
    if (ReadPickledSpec(facts->file, fn.urn(), fn.payload(),
                        MapPath("windowing_strategies", entry->first) + ".window_fn", &pickled,
                        messages)) {
      facts->windowing_payloads.push_back(std::move(pickled));
    }
  }
}

}  // namespace

const char* PipelineFormatName(PipelineFormat format) {
  switch (format) {
    case PipelineFormat::kBinary:
      return "binary";
    case PipelineFormat::kText:
      return "text";
    case PipelineFormat::kJson:
      return "json";
  }
  return "binary";
}

PipelineFormat DetectPipelineFormat(std::string_view contents) {
  std::string_view head = contents.substr(0, kSniffBytes);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '{') return PipelineFormat::kJson;
  for (char c : head) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7f) {
      return PipelineFormat::kBinary;
    }
  }
  size_t bad = FindInvalidUtf8(head);
  // A multi-byte character cut by the sniff window is not evidence of binary data.
  bool cut = head.size() == kSniffBytes && bad != std::string_view::npos && bad + 4 > head.size();
  return bad == std::string_view::npos || cut ? PipelineFormat::kText : PipelineFormat::kBinary;
}

std::optional<PipelineFacts> ParsePipeline(const std::string& file, std::string contents,
                                           Messages* messages) {
  if (contents.empty()) {
    messages->Error(AtPath(file, ""),
                    "empty file; expected a Beam pipeline (binary, text or JSON Pipeline)");
    return std::nullopt;
  }
  PipelineFormat format = DetectPipelineFormat(contents);
  auto storage = std::make_shared<PipelineStorage>();
  storage->pipeline = google::protobuf::Arena::CreateMessage<pb::Pipeline>(&storage->arena);
  if (!Decode(file, std::move(contents), format, storage->pipeline, messages)) return std::nullopt;

  PipelineFacts facts;
  facts.file = file;
  facts.format = PipelineFormatName(format);
  const pb::Components& components = storage->pipeline->components();
  if (components.transforms().empty() && components.environments().empty()) {
    messages->Error(AtPath(file, ""), std::string("no transforms and no environments in this ") +
                                          facts.format + " pipeline; is it a Beam Pipeline?");
    return std::nullopt;
  }
  ReadEnvironments(components, &facts, messages);
  ReadTransforms(components, &facts, messages);
  ReadWindowingStrategies(components, &facts, messages);
  const auto& requirements = storage->pipeline->requirements();
  facts.requirements.assign(requirements.begin(), requirements.end());
  facts.storage = std::move(storage);
  return facts;
}

std::optional<PipelineFacts> LoadPipeline(const FileSystem& fs, const std::string& file,
                                          Messages* messages) {
  std::string contents, err;
  if (!fs.ReadFile(file, &contents, &err)) {
    messages->Error(AtPath(file, ""), err);
    return std::nullopt;
  }
  return ParsePipeline(file, std::move(contents), messages);
}

}  // namespace beamcompat
