// Streaming reader for worker logs: plain text (worker/console logs, pasted tracebacks) or a
// Cloud Logging JSON export (`gcloud logging read --format=json`, or one entry per line),
// told apart by content. It turns the input into logical lines with log prefixes and Beam's
// `[while running 'Step']` suffix removed, and hands each to a callback, so memory stays
// constant whatever the log size: text is read in 1 MiB chunks, lines longer than
// kMaxLineBytes are cut, invalid UTF-8 bytes become U+FFFD (line numbers are kept). JSON
// exports are parsed one entry at a time and only the message fields are kept, so memory is
// bounded by the largest single entry.
#ifndef BEAMCOMPAT_INPUT_LOG_READER_H_
#define BEAMCOMPAT_INPUT_LOG_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace beamcompat {

inline constexpr size_t kMaxLineBytes = 1 << 20;

// One logical line. The views are valid only during the callback.
struct LogLine {
  int line = 0;     // 1-based line of a text log; 1-based entry number of a JSON export
  int entry = -1;   // 0-based entry index of a JSON export; -1 for text logs
  std::string_view text;      // the message, prefixes and suffixes removed
  std::string_view severity;  // "ERROR", when a prefix or the entry said so
  std::string_view step;      // from `[while running 'Step']` or the entry's step label
  bool record_start = false;  // a log prefix or entry begins here (a new log record)
  bool truncated = false;     // the physical line was cut at kMaxLineBytes
};

enum class LogFormat { kText, kCloudLoggingJson, kJsonLines };
const char* LogFormatName(LogFormat format);  // "text", "cloud-logging-json", "json-lines"

struct LogReadResult {
  LogFormat format = LogFormat::kText;
  uint64_t bytes = 0;
  int lines = 0;             // physical lines (text) or entries (JSON)
  int repaired_lines = 0;    // lines with invalid UTF-8 replaced
  int truncated_lines = 0;   // lines cut at kMaxLineBytes
  std::string warning;       // e.g. "JSON export ends inside entry 12", empty when none
};

using LogLineSink = std::function<void(const LogLine&)>;

// Reads the whole stream, calling `sink` for each logical line in order.
LogReadResult ReadLog(std::istream& in, const LogLineSink& sink);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_LOG_READER_H_
