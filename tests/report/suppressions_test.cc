#include "report/suppressions.h"

#include <doctest/doctest.h>

#include "base/file_system.h"
#include "base/message.h"
#include "report/diagnostic.h"
#include "support/string_vector.h"

namespace beamcompat {
namespace {

Diagnostic Finding(const char* code, const char* name, const char* file, int line) {
  Diagnostic d;
  d.code = code;
  d.name = name;
  d.location = AtLine(file, line, 1);
  return d;
}

}  // namespace

TEST_CASE("suppressions: same line or line above, by code, prefix or name") {
  InMemoryFileSystem fs;
  fs.AddFile("Dockerfile",
             "# beamcompat: ignore[BL005] retagged by the platform team\n"
             "FROM apache/beam_python3.11_sdk:latest\n"
             "RUN pip install apache-beam  # beamcompat: ignore[unpinned-beam]\n"
             "# beamcompat: ignore[BL00] nothing below fires\n"
             "FROM python:3.11\n");
  fs.AddFile("requirements.txt", "apache-beam>=2  # beamcompat:ignore[BL004] no space: not ours\n");
  Report report;
  report.diagnostics = {Finding("BL005", "floating-beam-image-tag", "Dockerfile", 2),
                        Finding("BL004", "unpinned-beam", "Dockerfile", 3),
                        Finding("BL004", "unpinned-beam", "requirements.txt", 1)};
  Messages messages;
  ApplySuppressions(fs, {"Dockerfile"}, &report, &messages);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].location.file == "requirements.txt");
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].ToString() ==
        "Dockerfile:4:1: warning: suppression 'ignore[BL00]' suppresses nothing here; remove it");
}

TEST_CASE("suppressions: comment parsing keeps codes and reason") {
  auto found = FindSuppressions("pyproject.toml",
                                "x = 1\n\"apache-beam\",  # beamcompat: ignore[BL004, BL001] pinned by CI\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].codes == std::vector<std::string>{"BL004", "BL001"});
  CHECK(found[0].reason == "pinned by CI");
  CHECK(found[0].where.ToString() == "pyproject.toml:2:17");
}

}  // namespace beamcompat
