// Python tracebacks found in a stream of log lines. The parser is fed logical lines one at a
// time (so a 200 MB log needs no buffering) and emits one Failure per traceback or bare
// exception line: the chain of exceptions (Python 3's "During handling of the above
// exception…" / "The above exception was the direct cause…"), each with its type, message
// and frames (file, line, function). Python 2 and 3 formats are the same at this level;
// tracebacks cut short (a log that ends or moves on mid-traceback) are kept and marked.
#ifndef BEAMCOMPAT_DIAGNOSE_TRACEBACK_H_
#define BEAMCOMPAT_DIAGNOSE_TRACEBACK_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/log_reader.h"

namespace beamcompat {

struct Frame {
  std::string file;
  int line_number = 0;
  std::string function;
  std::string code;  // the source line Python printed under the frame, if any
  int log_line = 0;
};

struct RaisedException {
  std::string type;     // "ModuleNotFoundError", "pickle.UnpicklingError"; empty if truncated
  std::string message;  // first line plus continuation lines, joined with "\n"
  std::vector<Frame> frames;  // outermost first, as Python prints them
  int log_line = 0;           // the "Type: message" line (or the last line seen if truncated)
  int traceback_line = 0;     // the "Traceback (most recent call last):" line; 0 if none
  bool truncated = false;     // the traceback stopped before its exception line
  int dropped_frames = 0;     // frames left out of very deep tracebacks

  // "Type: message" (the first message line), or "Type" alone.
  std::string Subject() const;
};

struct Failure {
  std::vector<RaisedException> chain;  // causes first; back() ended the traceback
  std::string step;  // from `[while running '...']` or the log entry, when known
  int entry = -1;    // JSON export entry of the last exception
};

// Incremental parser: Feed() every logical line in order, then Finish().
class TracebackParser {
 public:
  using FailureSink = std::function<void(Failure&&)>;
  explicit TracebackParser(FailureSink sink) : sink_(std::move(sink)) {}

  void Feed(const LogLine& line);
  void Finish();

 private:
  enum class State { kIdle, kFrames, kAfterFrame, kMessage, kChained };

  void FeedLine(const LogLine& line);  // a line with any ExceptionGroup frame taken off
  void StartTraceback(const LogLine& line);
  bool FeedFrames(const LogLine& line, std::string_view trimmed);
  bool FeedMessage(const LogLine& line, std::string_view trimmed);
  void FeedIdle(const LogLine& line, std::string_view trimmed);
  // The exception line `Type: message` of the current exception was read at `line`.
  void BeginMessage(const LogLine& line, std::string type, std::string message);
  void Flush();
  void Note(const LogLine& line);

  FailureSink sink_;
  State state_ = State::kIdle;
  Failure failure_;
  RaisedException current_;
  // An exception whose message introduced the traceback that follows it ("Dataflow pipeline
  // failed. State: FAILED, Error:"): it ends that traceback's failure, as its outermost part.
  std::optional<RaisedException> wrapper_;
  int message_lines_ = 0;
  bool frame_was_record_ = false;  // the last frame line began a log record (prefixed logs)
};

// Splits "Type: message" when `text` looks like an exception line. With `in_traceback`,
// any dotted identifier is accepted as the type (user exception classes); otherwise the
// type must end like an exception (…Error, …Exception, …Exit, …Interrupt) and carry a message.
bool ParseExceptionLine(std::string_view text, bool in_traceback, std::string* type,
                        std::string* message);

// Parses `  File "path", line 12, in function`.
bool ParseFrameLine(std::string_view trimmed, Frame* frame);

// Convenience for tests and the fuzzer: every failure in a whole text.
std::vector<Failure> ParseTracebacks(std::string_view text);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_TRACEBACK_H_
