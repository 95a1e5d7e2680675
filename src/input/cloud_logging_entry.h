// One Cloud Logging entry as exported by `gcloud logging read --format=json` (or a logging
// sink's JSON Lines): only the fields the log reader needs are kept — the message
// (`textPayload`, or `jsonPayload.message` plus `jsonPayload.exception`), `severity` and the
// step (`resource.labels.step_id`, `labels."dataflow.googleapis.com/step_id"`,
// `jsonPayload.step`). The only user of nlohmann::json's SAX interface for logs.
#ifndef BEAMCOMPAT_INPUT_CLOUD_LOGGING_ENTRY_H_
#define BEAMCOMPAT_INPUT_CLOUD_LOGGING_ENTRY_H_

#include <iosfwd>
#include <string>
#include <string_view>

namespace beamcompat {

struct CloudLoggingEntry {
  std::string text_payload;
  std::string json_message;
  std::string json_exception;  // a traceback some agents log apart from the message
  std::string severity;
  std::string step;
  std::string message_buffer;  // scratch for Message()

  // The text to diagnose: textPayload, else jsonPayload.message (+ exception on new lines).
  std::string_view Message();
};

// Reads one JSON object from `in` (positioned on its '{'), consuming nothing after its '}'.
// Memory is bounded by the entry's size: fields that are not kept are never stored.
bool ReadCloudLoggingEntry(std::istream& in, CloudLoggingEntry* entry, std::string* error);

// The same for one line of a JSON Lines export; false when the line is not a JSON object.
bool ParseCloudLoggingEntry(std::string_view line, CloudLoggingEntry* entry);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_CLOUD_LOGGING_ENTRY_H_
