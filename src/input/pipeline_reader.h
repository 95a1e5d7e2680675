// Reads a Beam Pipeline (pipeline.pb) in any of its three encodings, detected from content:
// binary protobuf, text format or JSON (lowerCamelCase or original field names). Produces
// PipelineFacts: environments, transforms and the pickled payloads they carry. Binary input
// is read in place: the file is mapped, walked once at the wire level, and payloads are views
// into it that PipelineFacts::storage keeps alive (never copied). Text and JSON are parsed by
// protobuf and re-serialized to binary, so all three share one reading path.
#ifndef BEAMCOMPAT_INPUT_PIPELINE_READER_H_
#define BEAMCOMPAT_INPUT_PIPELINE_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/file_system.h"
#include "facts/pipeline_facts.h"

namespace beamcompat {

class Messages;

enum class PipelineFormat { kBinary, kText, kJson };
const char* PipelineFormatName(PipelineFormat format);  // "binary", "text", "json"

// JSON when the first non-blank character is '{'; text when the start of the file is UTF-8
// without control bytes; binary otherwise.
PipelineFormat DetectPipelineFormat(std::string_view contents);

// Told of each pickled payload's text as soon as the reader finds it, so that decoding can
// start while the rest of the pipeline is read. The texts view bytes the facts will own: when
// reading fails, Abandon() is called before those bytes are released.
class PayloadObserver {
 public:
  virtual ~PayloadObserver() = default;
  virtual void Found(std::string_view encoded) = 0;
  virtual void Finished() {}  // the read succeeded: no more payloads will be found
  virtual void Abandon() = 0;
};

// Parses the bytes of `view`, read from `file`; the facts keep `view.owner` alive.
// Unusable input (empty, not a Pipeline, a syntax error, a pipeline with neither transforms
// nor environments) returns nullopt with one located error in `messages`; a nested payload
// that does not parse is a warning and reading goes on.
std::optional<PipelineFacts> ParsePipeline(const std::string& file, FileView view,
                                           Messages* messages,
                                           PayloadObserver* observer = nullptr);
// The same for bytes held in a string (tests, fuzzing).
std::optional<PipelineFacts> ParsePipeline(const std::string& file, std::string contents,
                                           Messages* messages,
                                           PayloadObserver* observer = nullptr);

// Maps `file` through `fs`, then parses it.
std::optional<PipelineFacts> LoadPipeline(const FileSystem& fs, const std::string& file,
                                          Messages* messages,
                                          PayloadObserver* observer = nullptr);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_PIPELINE_READER_H_
