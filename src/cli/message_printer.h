// Prints reader messages to the error stream in the one fixed form: errors that stop a
// command as "beamcompat: error: <file>: <what>", warnings as "<file>:<line>:<col>: warning: ...".
#ifndef BEAMCOMPAT_CLI_MESSAGE_PRINTER_H_
#define BEAMCOMPAT_CLI_MESSAGE_PRINTER_H_

#include <iosfwd>

namespace beamcompat {

class Messages;

// Writes every message, one a line, in the order they were reported.
void PrintMessages(const Messages& messages, std::ostream& err);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_MESSAGE_PRINTER_H_
