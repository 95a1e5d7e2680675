#include "diagnose/traceback.h"

#include <cctype>
#include <sstream>

#include "base/text.h"

namespace beamcompat {
namespace {

constexpr std::string_view kTracebackHeader = "Traceback (most recent call last):";
constexpr size_t kMaxFrames = 256;
constexpr size_t kKeptOuterFrames = 64;
constexpr int kMaxMessageLines = 20;
constexpr size_t kMaxMessageBytes = 8192;
constexpr size_t kMaxChain = 16;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Python prints the header on a line of its own; loggers put it after their message
// ("... Original traceback is Traceback (most recent call last):"). Checking both ends keeps
// this O(1) per line.
bool IsTracebackHeader(std::string_view trimmed) {
  return StartsWith(trimmed, kTracebackHeader) || EndsWith(trimmed, kTracebackHeader);
}

// "+-+---------------- 1 ----------------", "+---------------- ... ----------------",
// "+------------------------------------": the rules between an ExceptionGroup's parts.
bool IsExceptionGroupRule(std::string_view trimmed) {
  if (trimmed.size() < 8 || trimmed[0] != '+' || trimmed[1] != '-') return false;
  return trimmed.find_first_not_of("+- .0123456789") == std::string_view::npos;
}

// "ExceptionGroup: errors (2 sub-exceptions)" only wraps the failures printed after it.
bool IsExceptionGroup(const RaisedException& raised) {
  std::string_view message = raised.message;
  return EndsWith(raised.type, "ExceptionGroup") &&
         (EndsWith(message, " sub-exceptions)") || EndsWith(message, " sub-exception)"));
}

constexpr std::string_view kDuringHandling =
    "During handling of the above exception, another exception occurred:";
constexpr std::string_view kDirectCause =
    "The above exception was the direct cause of the following exception:";

bool IsChainMarker(std::string_view trimmed) {
  return trimmed == kDuringHandling || trimmed == kDirectCause;
}

// Lines Python prints inside a traceback that are neither frames nor the exception.
bool IsTracebackNoise(std::string_view trimmed) {
  if (trimmed.empty() || trimmed == "...") return true;
  if (StartsWith(trimmed, "[Previous line repeated")) return true;
  return trimmed.find_first_not_of("^~ ") == std::string_view::npos;
}

// ASCII only, without the locale lookups of <cctype> (this runs on every log line).
bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

// Length of a dotted identifier at the start of `s`, or 0.
size_t DottedIdentifierLength(std::string_view s) {
  size_t i = 0;
  while (true) {
    if (i >= s.size() || !IsIdentStart(s[i])) return i == 0 ? 0 : i - 1;
    while (i < s.size() && IsIdentChar(s[i])) ++i;
    if (i + 1 < s.size() && s[i] == '.' && IsIdentStart(s[i + 1])) {
      ++i;
      continue;
    }
    return i;
  }
}

bool LooksLikeExceptionName(std::string_view type) {
  size_t dot = type.rfind('.');
  std::string_view last = dot == std::string_view::npos ? type : type.substr(dot + 1);
  if (last.empty() || !std::isupper(static_cast<unsigned char>(last[0]))) return false;
  return (EndsWith(last, "Error") && last.size() > 5) || EndsWith(last, "Exception") ||
         EndsWith(last, "Exit") || EndsWith(last, "Interrupt");
}

// "DataflowRuntimeException: Dataflow pipeline failed. State: FAILED, Error:": a message
// whose last line ends with a colon announces the traceback printed right after it.
bool IntroducesTraceback(const RaisedException& raised) {
  std::string_view message = raised.message;
  while (!message.empty() && (message.back() == ' ' || message.back() == '\n')) {
    message.remove_suffix(1);
  }
  return !message.empty() && message.back() == ':';
}

// An unindented "SomethingError: text" line is another exception: in a log without record
// prefixes nothing else tells it from a line of the message before it. (A message's own
// lines that look like that are indented, or come inside a record of their own.)
bool StartsException(const LogLine& line) {
  if (line.text.empty() || line.text[0] == ' ' || line.text[0] == '\t') return false;
  std::string type, message;
  return ParseExceptionLine(line.text, false, &type, &message);
}

// One frame of a flattened traceback, `File "a.py", line 3, in f <code...>`, as the two lines
// Python prints; the exception, if the code part ends with one, goes to *exception.
void UnflattenFrame(std::string_view segment, bool last, std::vector<std::string>* lines,
                    std::string* exception) {
  size_t close = segment.find("\", line ");
  size_t in = segment.find(", in ", close == std::string_view::npos ? 0 : close);
  if (close == std::string_view::npos || in == std::string_view::npos) {
    lines->push_back("  " + std::string(Trim(segment)));
    return;
  }
  std::string_view after = segment.substr(in + 5);
  size_t name_end = std::min(after.find(' '), after.size());
  lines->push_back("  " + std::string(segment.substr(0, in + 5 + name_end)));
  std::string_view code = Trim(after.substr(name_end));
  if (last) {
    std::string type, message;
    for (size_t at = 0; at < code.size(); ++at) {
      if ((at == 0 || code[at - 1] == ' ') && ParseExceptionLine(code.substr(at), false, &type, &message)) {
        *exception = std::string(code.substr(at));
        code = Trim(code.substr(0, at));
        break;
      }
    }
  }
  if (!code.empty()) lines->push_back("    " + std::string(code));
}

// A traceback pasted onto one line (issue trackers, chat, some log exporters):
// `Traceback (most recent call last): File "a.py", line 3, in f x() ValueError: bad`, as the
// lines Python printed (chained tracebacks too); empty when `trimmed` is not one.
std::vector<std::string> UnflattenTraceback(std::string_view trimmed) {
  size_t header = trimmed.find(kTracebackHeader);
  if (header == std::string_view::npos) return {};
  std::string_view rest = trimmed.substr(header + kTracebackHeader.size());
  if (rest.find("File \"") == std::string_view::npos) return {};
  std::vector<std::string> lines;
  lines.emplace_back(trimmed.substr(0, header + kTracebackHeader.size()));
  while (true) {
    // Up to the next chained traceback's header, whose chain marker becomes its own line.
    size_t next = rest.find(kTracebackHeader);
    std::string_view part = Trim(rest.substr(0, next));
    std::string_view marker;
    for (std::string_view candidate : {kDuringHandling, kDirectCause}) {
      if (EndsWith(part, candidate)) marker = candidate;
    }
    part = Trim(part.substr(0, part.size() - marker.size()));
    std::string exception;
    for (size_t start = part.find("File \""); start != std::string_view::npos;) {
      size_t end = part.find(" File \"", start + 1);
      std::string_view frame = part.substr(start, end == std::string_view::npos ? end : end - start);
      UnflattenFrame(frame, end == std::string_view::npos, &lines, &exception);
      start = end == std::string_view::npos ? end : end + 1;
    }
    if (!exception.empty()) lines.push_back(exception);
    if (!marker.empty()) lines.emplace_back(marker);
    if (next == std::string_view::npos) return lines;
    lines.emplace_back(kTracebackHeader);
    rest = rest.substr(next + kTracebackHeader.size());
  }
}

}  // namespace

std::string RaisedException::Subject() const {
  if (message.empty()) return type;
  return type + ": " + message.substr(0, message.find('\n'));
}

bool ParseExceptionLine(std::string_view text, bool in_traceback, std::string* type,
                        std::string* message) {
  size_t length = DottedIdentifierLength(text);
  if (length == 0) return false;
  std::string_view rest = text.substr(length);
  std::string_view name = text.substr(0, length);
  if (rest.empty()) {
    if (!in_traceback) return false;
    *type = std::string(name);
    message->clear();
    return true;
  }
  if (rest[0] != ':' || (rest.size() > 1 && rest[1] != ' ')) return false;
  std::string_view body = Trim(rest.substr(1));
  if (!in_traceback && (body.empty() || !LooksLikeExceptionName(name))) return false;
  *type = std::string(name);
  *message = std::string(body);
  return true;
}

bool ParseFrameLine(std::string_view trimmed, Frame* frame) {
  if (!StartsWith(trimmed, "File \"")) return false;
  size_t close = trimmed.find("\", line ", 6);
  if (close == std::string_view::npos) return false;
  size_t pos = close + 8;
  int number = 0;
  size_t digits = 0;
  while (pos < trimmed.size() && std::isdigit(static_cast<unsigned char>(trimmed[pos])) &&
         digits < 9) {
    number = number * 10 + (trimmed[pos++] - '0');
    ++digits;
  }
  if (digits == 0) return false;
  frame->file = std::string(trimmed.substr(6, close - 6));
  frame->line_number = number;
  frame->function.clear();
  frame->code.clear();
  std::string_view rest = trimmed.substr(pos);
  if (StartsWith(rest, ", in ")) frame->function = std::string(Trim(rest.substr(5)));
  return true;
}

void TracebackParser::Feed(const LogLine& line) {
  std::string_view trimmed = Trim(line.text);
  // Python 3.11+ prints the sub-exceptions of an ExceptionGroup inside a frame: each line
  // behind "| ", each sub-exception after a "+---- n ----" rule. The frame comes off, and a
  // rule ends the exception before it, so every sub-exception is a failure of its own.
  if (IsExceptionGroupRule(trimmed)) {
    Flush();
    return;
  }
  if (!trimmed.empty() && trimmed[0] == '|') {
    LogLine inner = line;
    inner.text = trimmed.substr(trimmed.size() > 1 && trimmed[1] == ' ' ? 2 : 1);
    FeedLine(inner);
    return;
  }
  if (std::vector<std::string> lines = UnflattenTraceback(trimmed); !lines.empty()) {
    LogLine part = line;
    for (const std::string& text : lines) {
      part.text = text;
      FeedLine(part);
      part.record_start = false;
    }
    return;
  }
  FeedLine(line);
}

void TracebackParser::FeedLine(const LogLine& line) {
  std::string_view trimmed = Trim(line.text);
  if (IsTracebackHeader(trimmed)) {
    StartTraceback(line);
    return;
  }
  switch (state_) {
    case State::kFrames:
    case State::kAfterFrame:
      if (FeedFrames(line, trimmed)) return;
      Flush();
      break;
    case State::kMessage:
      if (FeedMessage(line, trimmed)) return;
      Flush();
      break;
    case State::kChained:
      if (trimmed.empty()) return;
      Flush();
      break;
    case State::kIdle:
      break;
  }
  FeedIdle(line, trimmed);
}

void TracebackParser::Finish() { Flush(); }

void TracebackParser::Note(const LogLine& line) {
  if (!line.step.empty()) failure_.step = std::string(line.step);
  failure_.entry = line.entry;
}

void TracebackParser::StartTraceback(const LogLine& line) {
  if (state_ == State::kChained) {
    if (failure_.chain.size() >= kMaxChain) failure_.chain.erase(failure_.chain.begin());
  } else if (state_ == State::kMessage && IntroducesTraceback(current_) && !wrapper_) {
    wrapper_ = std::move(current_);  // the failure goes on with the traceback it announced
  } else if (state_ != State::kIdle) {
    Flush();
  }
  current_ = RaisedException();
  current_.traceback_line = line.line;
  current_.log_line = line.line;
  state_ = State::kFrames;
  Note(line);
}

bool TracebackParser::FeedFrames(const LogLine& line, std::string_view trimmed) {
  Frame frame;
  if (ParseFrameLine(trimmed, &frame)) {
    if (current_.frames.size() >= kMaxFrames) {
      current_.frames.erase(current_.frames.begin() + kKeptOuterFrames);
      ++current_.dropped_frames;
    }
    frame.log_line = line.line;
    current_.frames.push_back(std::move(frame));
    current_.log_line = line.line;
    frame_was_record_ = line.record_start;
    state_ = State::kAfterFrame;
    return true;
  }
  if (IsChainMarker(trimmed)) {
    current_.truncated = true;
    failure_.chain.push_back(std::move(current_));
    state_ = State::kChained;
    return true;
  }
  std::string type, message;
  bool is_exception = ParseExceptionLine(trimmed, true, &type, &message) &&
                      (!message.empty() || LooksLikeExceptionName(type) || state_ == State::kFrames);
  bool indented = !line.text.empty() && (line.text[0] == ' ' || line.text[0] == '\t');
  // A source line follows its frame: indented, or unprefixed, or prefixed like the frame was.
  bool continues = indented || !line.record_start || frame_was_record_;
  if (state_ == State::kAfterFrame && !current_.frames.empty() && continues &&
      (indented || !is_exception) &&
      !trimmed.empty()) {
    current_.frames.back().code = std::string(trimmed);
    state_ = State::kFrames;
    return true;
  }
  if (IsTracebackNoise(trimmed)) return true;
  if (!is_exception) return false;
  BeginMessage(line, std::move(type), std::move(message));
  return true;
}

void TracebackParser::BeginMessage(const LogLine& line, std::string type, std::string message) {
  current_.type = std::move(type);
  current_.message = std::move(message);
  current_.log_line = line.line;
  message_lines_ = 1;
  state_ = State::kMessage;
  Note(line);
}

bool TracebackParser::FeedMessage(const LogLine& line, std::string_view trimmed) {
  if (IsChainMarker(trimmed)) {
    failure_.chain.push_back(std::move(current_));
    current_ = RaisedException();
    state_ = State::kChained;
    return true;
  }
  if (trimmed.empty()) {
    message_lines_ = kMaxMessageLines;  // a blank line ends the message; a chain may follow
    return true;
  }
  if (line.record_start || message_lines_ >= kMaxMessageLines ||
      current_.message.size() + trimmed.size() > kMaxMessageBytes || StartsException(line)) {
    return false;
  }
  current_.message += "\n";
  current_.message += trimmed;
  ++message_lines_;
  return true;
}

void TracebackParser::FeedIdle(const LogLine& line, std::string_view trimmed) {
  std::string type, message;
  if (!ParseExceptionLine(trimmed, false, &type, &message)) return;
  current_ = RaisedException();
  BeginMessage(line, std::move(type), std::move(message));
}

void TracebackParser::Flush() {
  if (state_ == State::kFrames || state_ == State::kAfterFrame) {
    current_.truncated = true;
    failure_.chain.push_back(std::move(current_));
  } else if (state_ == State::kMessage) {
    failure_.chain.push_back(std::move(current_));
  }
  if (wrapper_) {
    failure_.chain.push_back(std::move(*wrapper_));
    wrapper_.reset();
  }
  if (!failure_.chain.empty() && !IsExceptionGroup(failure_.chain.back())) {
    sink_(std::move(failure_));
  }
  failure_ = Failure();
  current_ = RaisedException();
  state_ = State::kIdle;
}

std::vector<Failure> ParseTracebacks(std::string_view text) {
  std::vector<Failure> failures;
  TracebackParser parser([&](Failure&& failure) { failures.push_back(std::move(failure)); });
  std::istringstream in{std::string(text)};
  ReadLog(in, [&](const LogLine& line) { parser.Feed(line); });
  parser.Finish();
  return failures;
}

}  // namespace beamcompat
