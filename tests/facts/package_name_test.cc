#include "facts/package_name.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("package names normalise per PEP 503") {
  struct Row {
    const char* input;
    const char* key;
  };
  const Row rows[] = {{"PyYAML", "pyyaml"},
                      {"apache_beam", "apache-beam"},
                      {"Apache-Beam", "apache-beam"},
                      {"backports.tarfile", "backports-tarfile"},
                      {"docstring_parser", "docstring-parser"},
                      {"zope.interface", "zope-interface"},
                      {"Foo__Bar..baz", "foo-bar-baz"},
                      {"a-_.b", "a-b"}};
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(NormalizePackageName(row.input) == row.key);
  }
}

TEST_CASE("package name validity follows PEP 508") {
  for (const char* good : {"a", "A1", "apache-beam", "zope.interface", "Js2Py", "x_y"}) {
    CAPTURE(good);
    CHECK(IsValidPackageName(good));
  }
  for (const char* bad : {"", "-a", "a-", ".a", "a b", "a@b", "naïve"}) {
    CAPTURE(bad);
    CHECK_FALSE(IsValidPackageName(bad));
  }
}

}  // namespace beamcompat
