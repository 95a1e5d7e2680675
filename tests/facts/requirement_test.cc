#include "facts/requirement.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace beamcompat {

TEST_CASE("requirements parse name, extras, specifiers, URL and marker") {
  std::string err;
  auto req =
      ParseRequirement("requests[security, socks]>=2.8.1,==2.8.* ; python_version < '3.11'", &err);
  INFO(err);
  REQUIRE(req);
  CHECK(req->name == "requests");
  CHECK(req->key == "requests");
  CHECK(req->extras == std::vector<std::string>{"security", "socks"});
  CHECK(req->specifiers.ToString() == ">=2.8.1,==2.8.*");
  CHECK(req->url.empty());
  CHECK(req->marker == "python_version < '3.11'");

  req = ParseRequirement("mylib @ git+https://github.com/org/mylib@3f2a9c1 ; os_name == 'posix'",
                         &err);
  REQUIRE(req);
  CHECK(req->url == "git+https://github.com/org/mylib@3f2a9c1");
  CHECK(req->marker == "os_name == 'posix'");
  CHECK(req->specifiers.empty());

  req = ParseRequirement("Apache_Beam (>=2.48, <3)", &err);
  REQUIRE(req);
  CHECK(req->key == "apache-beam");
  CHECK(req->specifiers.ToString() == ">=2.48,<3");

  req = ParseRequirement("PyYAML", &err);
  REQUIRE(req);
  CHECK(req->name == "PyYAML");
  CHECK(req->specifiers.empty());
}

TEST_CASE("requirement errors say what was expected") {
  struct Row {
    const char* text;
    const char* error;
  };
  const Row rows[] = {
      {"==1.0", "expected a package name, found '==1.0'"},
      {"foo- ==1.0", "invalid package name 'foo-'"},
      {"foo[bar==1.0", "expected ']' after the extras"},
      {"foo[b@r]", "invalid extra name 'b@r'"},
      {"foo @", "expected a URL after '@'"},
      {"foo @ https://x/y.whl extra", "expected ';' and a marker after the URL, found 'extra'"},
      {"foo==", "expected a version after '=='"},
      {"foo 1.0",
       "expected an operator ('==', '!=', '<=', '>=', '<', '>', '~=' or '===') "
       "before '1.0'"},
      {"foo==1.0; python_versio > '3'",
       "invalid marker: unknown marker variable 'python_versio' (did you mean "
       "'python_version'?)"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    std::string err;
    CHECK_FALSE(ParseRequirement(row.text, &err).has_value());
    CHECK(err == row.error);
  }
}

}  // namespace beamcompat
