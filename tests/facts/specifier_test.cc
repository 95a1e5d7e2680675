#include "facts/specifier.h"

#include <doctest/doctest.h>

#include <string>

namespace beamcompat {
namespace {

SpecifierSet MustParse(const std::string& text) {
  std::string err;
  auto set = SpecifierSet::Parse(text, &err);
  INFO(err);
  REQUIRE(set.has_value());
  return *set;
}

}  // namespace

TEST_CASE("specifier sets admit and reject the right versions") {
  struct Row {
    const char* spec;
    const char* version;
    bool contained;
  };
  const Row rows[] = {
      // compatible release
      {"~=2.2.1", "2.2.1", true},
      {"~=2.2.1", "2.2.9", true},
      {"~=2.2.1", "2.3.0", false},
      {"~=2.2.1", "2.2.0", false},
      {"~=2.2", "2.9", true},
      {"~=2.2", "3.0", false},
      {"~=1.4.5a4", "1.4.5a4", true},
      {"~=1.4.5a4", "1.4.9", true},
      {"~=1.4.5a4", "1.5.0", false},
      {"~=2.2.1", "2.2.1.post1", true},
      // equality, padding and local labels
      {"==1.0", "1.0.0", true},
      {"==1.0", "1.0+cpu", true},
      {"==1.0+cpu", "1.0+cpu", true},
      {"==1.0+cpu", "1.0", false},
      {"==1.0+cpu", "1.0+cu118", false},
      {"==1.0", "1.0.post1", false},
      // prefix matching
      {"==1.1.*", "1.1", true},
      {"==1.1.*", "1.1.0", true},
      {"==1.1.*", "1.1.post1", true},
      {"==1.1.*", "1.1a1", true},
      {"==1.1.*", "1.10", false},
      {"==2.*", "2.56.0", true},
      {"==1.0.0.*", "1.0", true},
      {"!=4.21.*", "4.21.12", false},
      {"!=4.21.*", "4.25.3", true},
      {"!=1.0", "1.0.0", false},
      // inclusive and exclusive ordering
      {"<=2.0", "2.0+local", true},
      {">=2.0", "2.0rc1", false},
      {"<2.0", "2.0rc1", false},
      {"<2.0", "2.0.dev0", false},
      {"<2.0", "1.9", true},
      {"<2.0rc2", "2.0rc1", true},
      {"<2.0", "1.0rc1", true},
      {">1.7", "1.7.post1", false},
      {">1.7", "1.7+x", false},
      {">1.7", "1.7.1", true},
      {">1.7.post1", "1.7.post2", true},
      {">1.7", "1.8.dev0", true},
      // arbitrary equality
      {"===1.0", "1.0", true},
      {"===1.0", "1.0.0", false},
      // Beam's real pins
      {">=0.3.1.1,<0.3.2", "0.3.1.1", true},
      {">=0.3.1.1,<0.3.2", "0.3.2", false},
      {">=0.3.1.1,<0.3.2", "0.3.1", false},
      {">=3.20.3,<4.26.0,!=4.0.*,!=4.21.*,!=4.22.0,!=4.23.*,!=4.24.*", "3.20.3", true},
      {">=3.20.3,<4.26.0,!=4.0.*,!=4.21.*,!=4.22.0,!=4.23.*,!=4.24.*", "4.25.3", true},
      {">=3.20.3,<4.26.0,!=4.0.*,!=4.21.*,!=4.22.0,!=4.23.*,!=4.24.*", "4.21.12", false},
      {">=3.20.3,<4.26.0,!=4.0.*,!=4.21.*,!=4.22.0,!=4.23.*,!=4.24.*", "4.26.0", false},
      {"", "0.0.1", true},
      // installed pre-releases are admitted
      {">=2.50", "2.61.0.dev0", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.spec);
    CAPTURE(row.version);
    SpecifierSet set = MustParse(row.spec);
    auto version = Version::Parse(row.version);
    REQUIRE(version);
    CHECK(set.Contains(*version) == row.contained);
  }
}

TEST_CASE("specifier sets report malformed clauses") {
  struct Row {
    const char* spec;
    const char* error;
  };
  const Row rows[] = {
      {"~=1", "'~=1' needs at least two release components"},
      {"==", "expected a version after '=='"},
      {"1.0",
       "expected an operator ('==', '!=', '<=', '>=', '<', '>', '~=' or '===') before "
       "'1.0'"},
      {">=1.0,", "empty clause in '>=1.0,'"},
      {">=1.*", "'.*' is allowed only with '==' and '!=': '>=1.*'"},
      {"==1.0a1.*", "'.*' must follow the release part: '==1.0a1.*'"},
      {">=1.0+cpu", "a local version label is allowed only with '==' and '!=': '>=1.0+cpu'"},
      {"==banana", "invalid version 'banana' after '=='"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.spec);
    std::string err;
    CHECK_FALSE(SpecifierSet::Parse(row.spec, &err).has_value());
    CHECK(err == row.error);
  }
}

TEST_CASE("specifier sets print normalised and know exact pins") {
  SpecifierSet set = MustParse(" >= 1.0-RC.1 , != 4.21.* ,<2");
  CHECK(set.ToString() == ">=1.0rc1,!=4.21.*,<2");
  CHECK(set.clauses().size() == 3);
  CHECK(set.clauses()[1].wildcard);
  CHECK_FALSE(set.IsExactPin());
  CHECK(MustParse("==2.56.0").IsExactPin());
  CHECK(MustParse("===1.0-custom").IsExactPin());
  CHECK_FALSE(MustParse("==2.*").IsExactPin());
  CHECK(MustParse("").empty());
}

TEST_CASE("specifier sets match non-PEP 440 versions only through ===") {
  CHECK(MustParse("===1.0-Custom").ContainsText("1.0-custom"));
  CHECK_FALSE(MustParse("===1.0-custom").ContainsText("1.0-other"));
  CHECK_FALSE(MustParse(">=1.0").ContainsText("1.0-custom"));
  CHECK(MustParse("").ContainsText("anything"));
}

}  // namespace beamcompat
