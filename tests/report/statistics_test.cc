#include "report/statistics.h"

#include <sstream>

#include <doctest/doctest.h>

#include "report/report_fixture.h"

namespace beamcompat {

TEST_CASE("statistics: counts per rule, most frequent first") {
  std::ostringstream out;
  WriteStatistics(SampleLintReport(), out);
  CHECK(out.str() ==
        "    2  BL001   [error]  image-beam-version-mismatch\n"
        "    1  BL004   [warning] unpinned-beam\n");
}

}  // namespace beamcompat
