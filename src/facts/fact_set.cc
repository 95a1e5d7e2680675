#include "facts/fact_set.h"

namespace beamcompat {

const char* SideName(Side side) { return side == Side::kLaunch ? "launch" : "runtime"; }

}  // namespace beamcompat
