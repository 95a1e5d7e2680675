#include "facts/wheel_tags.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("wheel tags: a manylinux CPython wheel with a compressed platform set") {
  auto wheel = ParseWheelFileName(
      "numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
  REQUIRE(wheel.has_value());
  CHECK(wheel->distribution == "numpy");
  CHECK(wheel->version == "1.26.4");
  CHECK(wheel->build.empty());
  CHECK(wheel->python_tags == std::vector<std::string>{"cp310"});
  CHECK(wheel->abi_tags == std::vector<std::string>{"cp310"});
  CHECK(wheel->platform_tags ==
        std::vector<std::string>{"manylinux_2_17_x86_64", "manylinux2014_x86_64"});
  CHECK(wheel->abi3_min_python.empty());
}

TEST_CASE("wheel tags: universal, build tag, abi3 and paths") {
  auto universal = ParseWheelFileName("gs://bucket/staging/six-1.16.0-py2.py3-none-any.whl");
  REQUIRE(universal.has_value());
  CHECK(universal->python_tags == std::vector<std::string>{"py2", "py3"});
  CHECK(universal->platform_tags == std::vector<std::string>{"any"});

  auto built = ParseWheelFileName("my_pkg-0.1-2-py3-none-any.whl");
  REQUIRE(built.has_value());
  CHECK(built->build == "2");

  auto abi3 = ParseWheelFileName("cryptography-42.0.5-cp39-abi3-manylinux_2_28_x86_64.whl");
  REQUIRE(abi3.has_value());
  CHECK(abi3->abi3_min_python == "3.9");
}

TEST_CASE("wheel tags: names that are not wheels") {
  CHECK_FALSE(ParseWheelFileName("my_pkg-0.1.tar.gz").has_value());
  CHECK_FALSE(ParseWheelFileName("requirements.txt").has_value());
  CHECK_FALSE(ParseWheelFileName("pkg-1.0-py3-none.whl").has_value());
  CHECK_FALSE(ParseWheelFileName("pkg-1.0-x-py3-none-any.whl").has_value());
  CHECK_FALSE(ParseWheelFileName("pkg--py3-none-any.whl").has_value());
  CHECK_FALSE(ParseWheelFileName(".whl").has_value());
}

}  // namespace beamcompat
