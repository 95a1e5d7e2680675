// A fact is a value plus how it was learned. Diagnostics quote both ("runtime Python 3.11,
// from the container image name"), so no fact exists without its origin.
#ifndef BEAMCOMPAT_FACTS_FACT_H_
#define BEAMCOMPAT_FACTS_FACT_H_

#include <string>

#include "base/location.h"

namespace beamcompat {

template <class T>
struct Fact {
  T value;
  std::string origin;   // "--runtime-python flag", "pip inspect environment", "sdk_base capability"
  SourceLocation where;  // the file and line or proto path it was read from; empty for flags
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_FACT_H_
