#include "config/config_paths.h"

#include <doctest/doctest.h>

#include "report/diagnostic.h"

namespace beamcompat {

TEST_CASE("config paths: patterns are relative to the config folder, not the working dir") {
  Config config;
  config.dir = "..";  // the config is one folder up from where lint runs
  config.exclude = {{"services/legacy/", {}}};
  config.per_file_ignores = {{{"services/*/requirements*.txt", {}}, {{"BL004", {}}}}};
  ConfigPaths paths(config, "/repo/services");
  CHECK(paths.Excluded("legacy", true));
  CHECK(paths.Excluded("legacy/Dockerfile", false));
  CHECK_FALSE(paths.Excluded("batch/Dockerfile", false));

  Report report;
  Diagnostic bl004;
  bl004.code = "BL004";
  bl004.name = "unpinned-beam";
  bl004.location = AtLine("batch/requirements-dev.txt", 1, 1);
  Diagnostic bl001 = bl004;
  bl001.code = "BL001";
  bl001.name = "image-beam-version-mismatch";
  Diagnostic elsewhere = bl004;
  elsewhere.location.file = "batch/Dockerfile";
  report.diagnostics = {bl004, bl001, elsewhere};
  paths.ApplyPerFileIgnores(&report);
  REQUIRE(report.diagnostics.size() == 2);
  CHECK(report.diagnostics[0].code == "BL001");
  CHECK(report.diagnostics[1].location.file == "batch/Dockerfile");
}

}  // namespace beamcompat
