#include "cli/run.h"

#include <doctest/doctest.h>

#include <sstream>

#include "base/file_system.h"

namespace beamcompat {

TEST_CASE("unknown commands are usage errors with a suggestion") {
  InMemoryFileSystem fs;
  std::istringstream in;
  std::ostringstream out, err;
  CommandContext ctx{fs, in, out, err};
  CHECK(Run({"--version"}, ctx) == 0);
  CHECK(out.str() == std::string("beamcompat ") + BEAMCOMPAT_VERSION + "\n");
  CHECK(Run({"frobnicate"}, ctx) == 2);
  CHECK(err.str().find("unknown command 'frobnicate'") != std::string::npos);
  CHECK(Run({}, ctx) == 2);
}

}  // namespace beamcompat
