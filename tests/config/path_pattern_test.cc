#include "config/path_pattern.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("path pattern: gitignore-style matching") {
  struct Row {
    const char* pattern;
    const char* path;
    bool is_directory;
    bool matches;
  };
  const Row rows[] = {
      {"*.txt", "requirements.txt", false, true},
      {"*.txt", "deps/requirements.txt", false, true},
      {"*.txt", "deps/requirements.txt.bak", false, false},
      {"build/", "build", true, true},
      {"build/", "build", false, false},
      {"build/", "sub/build/Dockerfile", false, true},
      {"/build", "sub/build/Dockerfile", false, false},
      {"/build", "build/Dockerfile", false, true},
      {"docker/*.Dockerfile", "docker/gpu.Dockerfile", false, true},
      {"docker/*.Dockerfile", "docker/x/gpu.Dockerfile", false, false},
      {"docker/**/*.Dockerfile", "docker/x/y/gpu.Dockerfile", false, true},
      {"docker/**/*.Dockerfile", "docker/gpu.Dockerfile", false, true},
      {"**/testdata", "a/b/testdata/Dockerfile", false, true},
      {"requirements-[0-9].txt", "requirements-3.txt", false, true},
      {"requirements-[!0-9].txt", "requirements-3.txt", false, false},
      {"Dockerfile.?", "Dockerfile.a", false, true},
      {"./vendor", "vendor/x.txt", false, true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern);
    CAPTURE(row.path);
    CHECK(PathPattern(row.pattern).Matches(row.path, row.is_directory) == row.matches);
  }
}

TEST_CASE("path pattern: the last matching pattern decides, '!' re-includes") {
  std::vector<PathPattern> patterns = {PathPattern("*.txt"), PathPattern("!requirements.txt")};
  CHECK(IsExcludedBy(patterns, "notes.txt", false));
  CHECK_FALSE(IsExcludedBy(patterns, "requirements.txt", false));
  CHECK_FALSE(IsExcludedBy(patterns, "Dockerfile", false));
}

TEST_CASE("path pattern: many stars stay fast") {
  std::string glob(200, '*');
  glob += "x";
  CHECK_FALSE(GlobMatch(glob, std::string(300, 'a')));
}

}  // namespace beamcompat
