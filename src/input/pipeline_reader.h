// Reads a Beam Pipeline (pipeline.pb) in any of its three encodings, detected from content:
// binary protobuf, text format or JSON (lowerCamelCase or original field names). Produces
// PipelineFacts: environments, transforms and the pickled payloads they carry. The parsed
// message lives on an arena that PipelineFacts::storage keeps alive, so payloads are viewed,
// never copied, and the raw file buffer is released as soon as it has been parsed.
#ifndef BEAMCOMPAT_INPUT_PIPELINE_READER_H_
#define BEAMCOMPAT_INPUT_PIPELINE_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "facts/pipeline_facts.h"

namespace beamcompat {

class FileSystem;
class Messages;

enum class PipelineFormat { kBinary, kText, kJson };
const char* PipelineFormatName(PipelineFormat format);  // "binary", "text", "json"

// JSON when the first non-blank character is '{'; text when the start of the file is UTF-8
// without control bytes; binary otherwise.
PipelineFormat DetectPipelineFormat(std::string_view contents);

// Parses `contents` read from `file` (taken by value: the buffer is freed once parsed).
// Unusable input (empty, not a Pipeline, a syntax error, a pipeline with neither transforms
// nor environments) returns nullopt with one located error in `messages`; a nested payload
// that does not parse is a warning and reading goes on.
std::optional<PipelineFacts> ParsePipeline(const std::string& file, std::string contents,
                                           Messages* messages);

// Reads `file` through `fs`, then parses it.
std::optional<PipelineFacts> LoadPipeline(const FileSystem& fs, const std::string& file,
                                          Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_PIPELINE_READER_H_
