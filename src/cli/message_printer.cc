#include "cli/message_printer.h"

#include <ostream>

#include "base/message.h"

namespace beamcompat {

void PrintMessages(const Messages& messages, std::ostream& err) {
  for (const Message& message : messages.all()) {
    if (message.level == MessageLevel::kError) {
      std::string where = message.where.ToString();
      err << "beamcompat: error: " << (where.empty() ? "" : where + ": ") << message.text << "\n";
    } else {
      err << message.ToString() << "\n";
    }
  }
}

}  // namespace beamcompat
