// `--statistics`: how many findings each rule produced, most frequent first, in the layout
// ruff uses (count, code, name) so it reads the same in CI logs.
#ifndef BEAMCOMPAT_REPORT_STATISTICS_H_
#define BEAMCOMPAT_REPORT_STATISTICS_H_

#include <iosfwd>

#include "report/diagnostic.h"

namespace beamcompat {

void WriteStatistics(const Report& report, std::ostream& out);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_STATISTICS_H_
