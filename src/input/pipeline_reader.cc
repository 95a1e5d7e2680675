#include "input/pipeline_reader.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <utility>
#include <vector>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "beam_runner_api.pb.h"
#include "input/environment_reader.h"
#include "input/pickled_payloads.h"
#include "input/raw_pipeline.h"
#include "input/wire_diagnosis.h"
#include "input/wire_reader.h"

namespace beamcompat {
namespace {

namespace pb = org::apache::beam::model::pipeline::v1;

constexpr size_t kSniffBytes = 64 * 1024;

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

bool ParseText(const std::string& file, std::string_view contents, pb::Pipeline* pipeline,
               Messages* messages) {
  google::protobuf::TextFormat::Parser parser;
  FirstErrorCollector errors;
  parser.RecordErrorsTo(&errors);
  parser.AllowUnknownField(true);
  google::protobuf::io::ArrayInputStream input(contents.data(), static_cast<int>(contents.size()));
  if (parser.Parse(&input, pipeline)) return true;
  if (!errors.has_error) errors.text = "not a text-format Beam pipeline";
  messages->Error(AtLine(file, errors.line, errors.column), errors.text);
  return false;
}

bool ParseJson(const std::string& file, std::string_view contents, pb::Pipeline* pipeline,
               Messages* messages) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(contents.data(), contents.size()), pipeline, options);
  if (status.ok()) return true;
  std::string text(status.message());
  text = text.substr(0, text.find('\n'));
  messages->Error(AtPath(file, ""), "not a JSON Beam pipeline: " + LowerFirst(text));
  return false;
}

// Text and JSON are parsed by protobuf, then serialized: every encoding is then read by the
// same wire walk. The serialized bytes become the storage that payload views point into.
bool ToBinary(const std::string& file, PipelineFormat format, FileView* view, Messages* messages) {
  if (view->data.size() > static_cast<size_t>(INT_MAX)) {
    messages->Error(AtPath(file, ""), "file too large for a pipeline (over 2 GiB)");
    return false;
  }
  if (format == PipelineFormat::kBinary) return true;
  std::string_view text = view->data;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  pb::Pipeline pipeline;
  bool ok = format == PipelineFormat::kText ? ParseText(file, text, &pipeline, messages)
                                            : ParseJson(file, text, &pipeline, messages);
  if (!ok) return false;
  google::protobuf::LogSilencer silence;  // protobuf logs bad UTF-8; ReadFacts reports it
  auto binary = std::make_shared<std::string>(pipeline.SerializeAsString());
  view->data = *binary;
  view->owner = std::move(binary);  // the text is released here
  return true;
}

// `bytes` is the file itself for a binary pipeline, or what a text or JSON one was converted
// to: then byte offsets mean nothing to the reader, and the only problem a parsed message
// can still have is a string that is not UTF-8 (protobuf's text and JSON parsers accept it).
void ReportBrokenBinary(const PipelineFacts& facts, std::string_view bytes, Messages* messages) {
  std::optional<WireProblem> problem = FindWireProblem(*pb::Pipeline::descriptor(), bytes);
  std::string where = problem ? problem->path : "";
  if (facts.format != PipelineFormatName(PipelineFormat::kBinary)) {
    messages->Error(AtPath(facts.file, where),
                    "not a valid Beam pipeline: a string that is not valid UTF-8");
    return;
  }
  messages->Error(AtPath(facts.file, where),
                  "not a binary Beam pipeline: " +
                      (problem ? problem->text : std::string("not a valid Pipeline message")));
}

bool ReadEnvironments(const RawPipeline& raw, PipelineFacts* facts, Messages* messages) {
  for (const RawEntry& entry : raw.environments) {
    pb::Environment env;
    google::protobuf::LogSilencer silence;  // protobuf logs bad UTF-8; we report it ourselves
    if (!env.ParseFromArray(entry.value.data(), static_cast<int>(entry.value.size()))) return false;
    for (PipelineEnvironment& out : ReadEnvironment(facts->file, std::string(entry.key), env,
                                                    ComponentPath("environments", entry.key),
                                                    messages)) {
      facts->environments.push_back(std::move(out));
    }
  }
  std::stable_sort(facts->environments.begin(), facts->environments.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  return true;
}

// Reads each transform as the split finds it, in wire order (one pass over the file, and the
// payload observer hears of payloads from the first transform on), then builds their facts
// in id order.
class TransformReader {
 public:
  TransformReader(PipelineFacts* facts, PayloadObserver* observer)
      : facts_(facts), observer_(observer) {}

  bool Read(const RawEntry& entry) {
    RawTransform& split = split_.emplace_back();
    std::vector<PickledPayload>& payloads = payloads_.emplace_back();
    ids_.push_back(entry.key);
    key_ends_.push_back(key_bytes_.append(entry.key).size());
    if (!SplitTransform(entry.value, &split)) return false;
    if (!MayCarryPayloads(split.urn)) return true;  // composites, shuffles, ...: no path needed
    spec_path_.clear();
    AppendComponentPath(&spec_path_, "transforms", entry.key);
    spec_path_.append(".spec");
    payloads = FindTransformPayloads(facts_->file, split.urn, split.payload, &spec_path_,
                                     &messages_);
    if (observer_ == nullptr) return true;
    for (const PickledPayload& payload : payloads) observer_->Found(payload.encoded);
    return true;
  }

  // Its messages follow the environments' (which come later on the wire).
  void Finish(Messages* messages) {
    messages->Append(messages_);
    std::vector<size_t> order = SortedLastWins(KeyCopies());
    facts_->transforms.reserve(order.size());
    std::vector<uint32_t> at_wire_index(ids_.size(), UINT32_MAX);
    for (size_t index : order) {
      at_wire_index[index] = static_cast<uint32_t>(facts_->transforms.size());
      const RawTransform& transform = split_[index];
      TransformFacts& out = facts_->transforms.emplace_back();
      out.id = ids_[index];
      out.unique_name = transform.unique_name;
      out.urn = transform.urn;
      out.environment_id = transform.environment_id;
      out.payloads = std::move(payloads_[index]);
    }
    facts_->file_order.reserve(order.size());
    for (uint32_t transform : at_wire_index) {
      if (transform != UINT32_MAX) facts_->file_order.push_back(transform);  // not a repeated id
    }
  }

 private:
  std::vector<std::string_view> KeyCopies() const {
    std::vector<std::string_view> keys;
    keys.reserve(key_ends_.size());
    size_t begin = 0;
    for (size_t end : key_ends_) {
      keys.push_back(std::string_view(key_bytes_).substr(begin, end - begin));
      begin = end;
    }
    return keys;
  }

  PipelineFacts* facts_;
  PayloadObserver* observer_;
  Messages messages_;
  std::vector<RawTransform> split_;
  std::vector<std::vector<PickledPayload>> payloads_;
  std::vector<std::string_view> ids_;
  std::string spec_path_;  // scratch, reused for every transform
  // The ids again, copied side by side while each is in cache: sorting 50k ids read from
  // all over the file waited on memory for each of them.
  std::string key_bytes_;
  std::vector<size_t> key_ends_;
};

void ReadWindowingStrategies(const RawPipeline& raw, PipelineFacts* facts, Messages* messages) {
  for (const RawEntry& entry : raw.windowing_strategies) {
    std::string err;
    std::optional<std::string_view> window_fn = FindBytesField(entry.value, 1, &err);
    if (!window_fn) continue;  // malformed strategies were reported by the split already
    std::string path = ComponentPath("windowing_strategies", entry.key) + ".window_fn";
    FindSpecPayload(facts->file, *window_fn, &path, &facts->windowing_payloads, messages);
  }
}

// Reads the facts out of a serialized Pipeline. False (with an error) when it is malformed.
bool ReadFacts(std::string_view bytes, PipelineFacts* facts, Messages* messages,
               PayloadObserver* observer) {
  RawPipeline raw;
  TransformReader transforms(facts, observer);
  if (!SplitPipeline(bytes, &raw, [&](const RawEntry& entry) { return transforms.Read(entry); })) {
    ReportBrokenBinary(*facts, bytes, messages);
    return false;
  }
  if (raw.transforms.empty() && raw.environments.empty()) {
    messages->Error(AtPath(facts->file, ""), "no transforms and no environments in this " +
                                                 facts->format +
                                                 " pipeline; is it a Beam Pipeline?");
    return false;
  }
  if (!ReadEnvironments(raw, facts, messages)) {
    ReportBrokenBinary(*facts, bytes, messages);
    return false;
  }
  transforms.Finish(messages);
  ReadWindowingStrategies(raw, facts, messages);
  facts->requirements.assign(raw.requirements.begin(), raw.requirements.end());
  return true;
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

std::optional<PipelineFacts> ParsePipeline(const std::string& file, FileView view,
                                           Messages* messages, PayloadObserver* observer) {
  if (view.data.empty()) {
    messages->Error(AtPath(file, ""),
                    "empty file; expected a Beam pipeline (binary, text or JSON Pipeline)");
    return std::nullopt;
  }
  PipelineFormat format = DetectPipelineFormat(view.data);
  if (!ToBinary(file, format, &view, messages)) return std::nullopt;
  PipelineFacts facts;
  facts.file = file;
  facts.format = PipelineFormatName(format);
  if (!ReadFacts(view.data, &facts, messages, observer)) {
    if (observer != nullptr) observer->Abandon();  // before the bytes it was shown go
    return std::nullopt;
  }
  if (observer != nullptr) observer->Finished();
  facts.storage = std::move(view.owner);
  return facts;
}

std::optional<PipelineFacts> ParsePipeline(const std::string& file, std::string contents,
                                           Messages* messages, PayloadObserver* observer) {
  auto owned = std::make_shared<std::string>(std::move(contents));
  FileView view{owned, *owned};
  return ParsePipeline(file, std::move(view), messages, observer);
}

std::optional<PipelineFacts> LoadPipeline(const FileSystem& fs, const std::string& file,
                                          Messages* messages, PayloadObserver* observer) {
  FileView view;
  std::string err;
  if (!fs.MapFile(file, &view, &err)) {
    messages->Error(AtPath(file, ""), err);
    return std::nullopt;
  }
  return ParsePipeline(file, std::move(view), messages, observer);
}

}  // namespace beamcompat
