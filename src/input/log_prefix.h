// Log decorations around a message: the timestamp/level prefixes that Python logging, Go's
// log package (Beam's boot), glog and Dataflow's console add, Dataflow's Java-side wrappers
// (`Error message from worker: `), and Beam's `[while running 'Step']` suffix. The log
// reader strips them so the traceback parser and the signature rules see bare messages.
#ifndef BEAMCOMPAT_INPUT_LOG_PREFIX_H_
#define BEAMCOMPAT_INPUT_LOG_PREFIX_H_

#include <string_view>

namespace beamcompat {

struct StrippedLine {
  std::string_view text;
  std::string_view severity;  // "ERROR", "I" is widened to "INFO" for glog
  std::string_view step;      // the step named by a `[while running '...']` suffix
  bool had_prefix = false;    // a timestamp/level prefix was removed: a new log record
};

// Never fails: a line without decorations comes back as it was.
StrippedLine StripLogDecorations(std::string_view line);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_LOG_PREFIX_H_
