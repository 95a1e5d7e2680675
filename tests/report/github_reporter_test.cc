#include "report/github_reporter.h"

#include <algorithm>
#include <sstream>

#include <doctest/doctest.h>

#include "report/report_fixture.h"

namespace beamcompat {

TEST_CASE("github annotations: escaped workflow commands, errors first") {
  std::ostringstream out;
  WriteGithubAnnotations(SampleLintReport(), out);
  CHECK(out.str() ==
        "::error file=docker/Dockerfile,line=4,col=6,title=BL001 image-beam-version-mismatch::"
        "image 'apache/beam_python3.10_sdk:2.47.0' has Beam 2.47.0, but requirements.txt pins "
        "apache-beam==2.48.0%0Ause apache/beam_python3.10_sdk:2.48.0\n"
        "::error file=pipeline.pb,title=BL001 image-beam-version-mismatch::image "
        "'apache/beam_python3.10_sdk:2.47.0' has Beam 2.47.0, but requirements.txt pins "
        "apache-beam==2.48.0 (at components.environments['env'])%0Ause "
        "apache/beam_python3.10_sdk:2.48.0\n"
        "::warning file=requirements.txt,line=2,col=1,title=BL004 unpinned-beam::"
        "apache-beam[gcp]>=2.40, is not pinned: 100%25 of builds may differ\n");
}

TEST_CASE("github annotations: property escaping covers ':' and ','") {
  CHECK(EscapeGithubProperty("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae");
  CHECK(EscapeGithubData("a:b,c%d\ne") == "a:b,c%25d%0Ae");
}

TEST_CASE("github annotations: at most 10 per level, then a count of the rest") {
  Report report = SampleLintReport();
  Diagnostic warning = report.diagnostics[1];
  report.diagnostics.clear();
  for (int i = 0; i < 12; ++i) report.diagnostics.push_back(warning);
  std::ostringstream out;
  WriteGithubAnnotations(report, out);
  std::string text = out.str();
  size_t lines = std::count(text.begin(), text.end(), '\n');
  CHECK(lines == 11);
  CHECK(text.substr(text.rfind("beamcompat:")) ==
        "beamcompat: 2 warnings more not shown as annotations (GitHub shows 10 per level); run "
        "with --format text to see every finding\n");
}

}  // namespace beamcompat
