#include "report/diagnostic.h"

namespace beamcompat {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool ParseSeverity(std::string_view text, Severity* out) {
  if (text == "info") {
    *out = Severity::kInfo;
  } else if (text == "warning") {
    *out = Severity::kWarning;
  } else if (text == "error") {
    *out = Severity::kError;
  } else {
    return false;
  }
  return true;
}

}  // namespace beamcompat
