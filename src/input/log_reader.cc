#include "input/log_reader.h"

#include <string.h>

#include <cstring>
#include <istream>
#include <string>
#include <vector>

#include "input/cloud_logging_entry.h"
#include "input/log_prefix.h"

namespace beamcompat {
namespace {

constexpr size_t kChunkBytes = 1 << 20;
constexpr std::string_view kTracebackHeader = "Traceback (most recent call last):";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsAscii(std::string_view s) {
  unsigned char bits = 0;
  for (char c : s) bits |= static_cast<unsigned char>(c);
  return bits < 0x80;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  if (n == 3 && ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) >= 0xA0))) return 0;
  if (n == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || c > 0xF4 || (c == 0xF4 && byte(i + 1) >= 0x90))) {
    return 0;
  }
  return n;
}

void RepairUtf8(std::string_view s, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out->append(kReplacement);
      ++i;
    } else {
      out->append(s.substr(i, n));
      i += n;
    }
  }
}

// Turns physical lines (or entry message lines) into logical lines for the sink.
class LineEmitter {
 public:
  LineEmitter(const LogLineSink& sink, LogReadResult* result) : sink_(sink), result_(result) {}

  void Emit(std::string_view physical, int line, int entry, bool truncated,
            std::string_view entry_severity = {}, std::string_view entry_step = {},
            bool entry_start = false) {
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    if (truncated) ++result_->truncated_lines;
    if (!IsAscii(physical) && FindInvalid(physical)) {
      ++result_->repaired_lines;
      RepairUtf8(physical, &repaired_);
      physical = repaired_;
    }
    StrippedLine stripped = StripLogDecorations(physical);
    LogLine out;
    out.line = line;
    out.entry = entry;
    out.severity = stripped.severity.empty() ? entry_severity : stripped.severity;
    out.step = stripped.step.empty() ? entry_step : stripped.step;
    out.record_start = stripped.had_prefix || entry_start;
    out.truncated = truncated;
    EmitText(stripped.text, &out);
  }

 private:
  static bool FindInvalid(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) return true;
      i += n;
    }
    return false;
  }

  // A traceback logged as one message with literal "\n" escapes becomes several lines.
  void EmitText(std::string_view text, LogLine* out) {
    if (std::memchr(text.data(), '\\', text.size()) == nullptr ||
        memmem(text.data(), text.size(), "\\n", 2) == nullptr ||
        memmem(text.data(), text.size(), kTracebackHeader.data(), kTracebackHeader.size()) == nullptr) {
      out->text = text;
      sink_(*out);
      return;
    }
    size_t start = 0;
    while (true) {
      size_t pos = text.find("\\n", start);
      out->text = text.substr(start, pos == std::string_view::npos ? pos : pos - start);
      sink_(*out);
      out->record_start = false;
      if (pos == std::string_view::npos) return;
      start = pos + 2;
    }
  }

  const LogLineSink& sink_;
  LogReadResult* result_;
  std::string repaired_;
};

int NextChar(std::istream& in, std::string* consumed) {
  int c = in.get();
  if (c != std::char_traits<char>::eof()) consumed->push_back(static_cast<char>(c));
  return c;
}

bool IsJsonSpace(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Looks at the first significant bytes. Consumed bytes go to *consumed; for a JSON array the
// '[' is consumed and *consumed is cleared.
LogFormat DetectFormat(std::istream& in, std::string* consumed) {
  int c = NextChar(in, consumed);
  if (c == 0xEF && in.peek() == 0xBB) {  // UTF-8 byte order mark
    NextChar(in, consumed);
    if (in.peek() == 0xBF) NextChar(in, consumed);
    c = NextChar(in, consumed);
  }
  while (IsJsonSpace(c)) c = NextChar(in, consumed);
  if (c == '{') return LogFormat::kJsonLines;
  if (c != '[') return LogFormat::kText;
  while (IsJsonSpace(in.peek())) NextChar(in, consumed);
  int next = in.peek();
  if (next != '{' && next != ']') return LogFormat::kText;
  consumed->clear();
  return LogFormat::kCloudLoggingJson;
}

void EmitEntry(CloudLoggingEntry& entry, int line, int index, LineEmitter* emitter) {
  std::string_view message = entry.Message();
  bool first = true;
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    std::string_view part = message.substr(start, end - start);
    bool truncated = part.size() > kMaxLineBytes;
    if (truncated) part = part.substr(0, kMaxLineBytes);
    if (!(end == message.size() && part.empty() && !first)) {
      emitter->Emit(part, line, index, truncated, entry.severity, entry.step, first);
    }
    first = false;
    start = end + 1;
  }
}

// Text (and JSON Lines) logs: 1 MiB chunks, lines cut at kMaxLineBytes.
void ReadLines(std::istream& in, std::string buffer, LogFormat format, LineEmitter* emitter,
               LogReadResult* result) {
  result->bytes = buffer.size();
  size_t begin = 0;
  bool skipping = false;  // inside the tail of a line that was already cut
  int line = 0;
  auto handle = [&](std::string_view text, bool truncated) {
    ++line;
    CloudLoggingEntry entry;
    if (format == LogFormat::kJsonLines && !text.empty() && text[0] == '{' &&
        ParseCloudLoggingEntry(text, &entry)) {
      EmitEntry(entry, line, line - 1, emitter);
    } else {
      emitter->Emit(text, line, -1, truncated);
    }
  };
  std::vector<char> chunk(kChunkBytes);
  while (true) {
    size_t newline = buffer.find('\n', begin);
    if (newline != std::string::npos) {
      if (!skipping) handle(std::string_view(buffer).substr(begin, newline - begin), false);
      skipping = false;
      begin = newline + 1;
      continue;
    }
    buffer.erase(0, begin);
    begin = 0;
    if (!skipping && buffer.size() >= kMaxLineBytes) {
      handle(std::string_view(buffer).substr(0, kMaxLineBytes), true);
      skipping = true;
    }
    if (skipping) buffer.clear();
    if (!in) break;
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    size_t got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    result->bytes += got;
    buffer.append(chunk.data(), got);
  }
  if (!skipping && !buffer.empty()) handle(buffer, false);
  result->lines = line;
}

void ReadJsonArray(std::istream& in, LineEmitter* emitter, LogReadResult* result) {
  int index = 0;
  while (true) {
    while (IsJsonSpace(in.peek())) in.get();
    int c = in.peek();
    if (c == ']') break;
    if (c == ',') {
      in.get();
      continue;
    }
    if (c == std::char_traits<char>::eof()) {
      result->warning = "JSON export ends after entry " + std::to_string(index) +
                        " without its closing ']'; the log may be truncated";
      break;
    }
    CloudLoggingEntry entry;
    std::string error;
    if (c != '{' || !ReadCloudLoggingEntry(in, &entry, &error)) {
      if (c != '{') error = "expected '{' to start an entry";
      result->warning = "JSON export is cut or invalid in entry " + std::to_string(index + 1) +
                        ": " + error;
      break;
    }
    EmitEntry(entry, index + 1, index, emitter);
    ++index;
  }
  result->lines = index;
}

}  // namespace

const char* LogFormatName(LogFormat format) {
  switch (format) {
    case LogFormat::kText: return "text";
    case LogFormat::kCloudLoggingJson: return "cloud-logging-json";
    case LogFormat::kJsonLines: return "json-lines";
  }
  return "text";
}

LogReadResult ReadLog(std::istream& in, const LogLineSink& sink) {
  LogReadResult result;
  LineEmitter emitter(sink, &result);
  std::string consumed;
  result.format = DetectFormat(in, &consumed);
  if (result.format == LogFormat::kCloudLoggingJson) {
    ReadJsonArray(in, &emitter, &result);
  } else {
    ReadLines(in, std::move(consumed), result.format, &emitter, &result);
  }
  return result;
}

}  // namespace beamcompat
