#include "facts/version.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace beamcompat {

TEST_CASE("Version normalises every PEP 440 spelling") {
  struct Row {
    const char* input;
    const char* normalized;
  };
  const Row rows[] = {
      {"2.56.0", "2.56.0"},
      {"v1.0", "1.0"},
      {"  1.0\n", "1.0"},
      {"1.01", "1.1"},
      {"2.0.09", "2.0.9"},
      {"1.0-RC.1", "1.0rc1"},
      {"1.0alpha2", "1.0a2"},
      {"1.0beta", "1.0b0"},
      {"1.0c3", "1.0rc3"},
      {"1.0pre1", "1.0rc1"},
      {"1.0preview-2", "1.0rc2"},
      {"1.0a", "1.0a0"},
      {"1.0-post2", "1.0.post2"},
      {"1.0_post2", "1.0.post2"},
      {"1.0post2", "1.0.post2"},
      {"1.0-1", "1.0.post1"},
      {"1.0.post", "1.0.post0"},
      {"1.0rev3", "1.0.post3"},
      {"1.0r", "1.0.post0"},
      {"1.0-dev2", "1.0.dev2"},
      {"1.0dev", "1.0.dev0"},
      {"2.61.0.dev0", "2.61.0.dev0"},
      {"1.0a1.dev2", "1.0a1.dev2"},
      {"1.0+ubuntu-1", "1.0+ubuntu.1"},
      {"2.1.0+CU118", "2.1.0+cu118"},
      {"1!2.0", "1!2.0"},
      {"0!1.0", "1.0"},
      {"1.0.0RC1.POST2.DEV3", "1.0.0rc1.post2.dev3"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    auto v = Version::Parse(row.input);
    REQUIRE(v.has_value());
    CHECK(v->normalized() == row.normalized);
  }
}

TEST_CASE("Version rejects text that is not PEP 440") {
  for (const char* input : {"", "abc", "1.0-custom", "1.0+", "1.0+a..b", "1..0", "1.0 2", "1.0.",
                            "1.0+a+b", "99999999999999999999"}) {
    CAPTURE(input);
    CHECK_FALSE(Version::Parse(input).has_value());
  }
}

TEST_CASE("Version parts and derived forms") {
  auto v = Version::Parse("1!2.50.0rc1.post2.dev3+local.7");
  REQUIRE(v);
  CHECK(v->epoch() == 1);
  CHECK(v->release() == std::vector<int64_t>{2, 50, 0});
  CHECK(v->major() == 2);
  CHECK(v->minor() == 50);
  CHECK(v->micro() == 0);
  CHECK(v->pre_kind() == Version::PreKind::kRc);
  CHECK(v->pre_number() == 1);
  CHECK(v->post() == 2);
  CHECK(v->dev() == 3);
  CHECK(v->local() == "local.7");
  CHECK(v->is_prerelease());
  CHECK(v->BaseVersion() == "1!2.50.0");
  CHECK(v->PublicVersion() == "1!2.50.0rc1.post2.dev3");
  CHECK(v->WithoutLocal().normalized() == "1!2.50.0rc1.post2.dev3");
  CHECK(Version::Parse("3.10")->micro() == 0);
  CHECK_FALSE(Version::Parse("1.0.post1")->is_prerelease());
}

TEST_CASE("Version ordering follows PEP 440's worked order") {
  const std::vector<std::string> order = {
      "1.0.dev0", "1.0a1.dev0", "1.0a1",          "1.0a1.post1", "1.0b1",    "1.0rc1", "1.0",
      "1.0+abc",  "1.0+abc.5",  "1.0.post1.dev0", "1.0.post1",   "1.1.dev0", "1!0.1"};
  for (size_t i = 0; i + 1 < order.size(); ++i) {
    CAPTURE(order[i]);
    CAPTURE(order[i + 1]);
    auto a = Version::Parse(order[i]);
    auto b = Version::Parse(order[i + 1]);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a < *b);
    CHECK(*b > *a);
    CHECK_FALSE(*a == *b);
  }
}

TEST_CASE("Version comparison pads releases and orders local labels") {
  struct Row {
    const char* a;
    const char* b;
    int expected;  // -1: a < b, 0: equal, 1: a > b
  };
  const Row rows[] = {
      {"1.0", "1.0.0", 0},          {"1.10", "1.9", 1},
      {"2.50.0rc1", "2.50.0", -1},  {"2.61.0.dev0", "2.61.0", -1},
      {"1.0a1.dev1", "1.0a1", -1},  {"1.0+1", "1.0+a", 1},
      {"1.0+2", "1.0+10", -1},      {"1.0+abc", "1.0+ABC", 0},
      {"1.0+abc", "1.0+abd", -1},   {"1.0+abc", "1.0+abc.0", -1},
      {"1.0+007", "1.0+7", 0},      {"1.0.post1", "1.0.post1.dev5", 1},
      {"1.0.dev1", "1.0.dev2", -1}, {"1.0rc1", "1.0c1", 0},
      {"3.10.12", "3.9", 1},        {"0.3.1.1", "0.3.2", -1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.a);
    CAPTURE(row.b);
    auto a = Version::Parse(row.a);
    auto b = Version::Parse(row.b);
    REQUIRE(a);
    REQUIRE(b);
    auto c = *a <=> *b;
    int got = c < 0 ? -1 : (c > 0 ? 1 : 0);
    CHECK(got == row.expected);
  }
}

}  // namespace beamcompat
