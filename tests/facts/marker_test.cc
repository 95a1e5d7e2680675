#include "facts/marker.h"

#include <doctest/doctest.h>

#include <string>

namespace beamcompat {

TEST_CASE("markers evaluate against a worker's environment") {
  MarkerEnvironment env = WorkerMarkerEnvironment("3.10.12");
  env["extra"] = "";
  struct Row {
    const char* marker;
    MarkerResult expected;
  };
  const Row rows[] = {
      {"python_version >= '3.9'", MarkerResult::kTrue},
      {"python_version < \"3.11\"", MarkerResult::kTrue},
      {"python_version > '3.10'", MarkerResult::kFalse},
      {"python_version == '3.10'", MarkerResult::kTrue},
      {"python_version == '3.1'", MarkerResult::kFalse},
      {"python_full_version < '3.11.3'", MarkerResult::kTrue},
      {"python_version == '3.*'", MarkerResult::kTrue},
      {"sys_platform == 'win32'", MarkerResult::kFalse},
      {"sys_platform != 'win32' and platform_machine == 'x86_64'", MarkerResult::kTrue},
      {"os_name == 'nt' or python_version >= '3.8'", MarkerResult::kTrue},
      {"os_name == 'nt' or (python_version >= '3.8' and sys_platform == 'darwin')",
       MarkerResult::kFalse},
      {"(os_name == 'nt' or python_version >= '3.8') and sys_platform == 'linux'",
       MarkerResult::kTrue},
      {"'linux' in sys_platform", MarkerResult::kTrue},
      {"'arm' not in platform_machine", MarkerResult::kTrue},
      {"platform_python_implementation == \"CPython\" and extra == \"brotli\"",
       MarkerResult::kFalse},
      {"'3.10' <= python_version", MarkerResult::kTrue},
      {"platform_release >= '5'", MarkerResult::kUnknown},
      {"platform_release >= '5' and os_name == 'nt'", MarkerResult::kFalse},
      {"platform_release >= '5' or os_name == 'posix'", MarkerResult::kTrue},
      {"sys.platform == 'linux'", MarkerResult::kTrue},
      {"implementation_name=='cpython'", MarkerResult::kTrue},
  };
  for (const Row& row : rows) {
    CAPTURE(row.marker);
    std::string err;
    auto result = EvaluateMarker(row.marker, env, &err);
    INFO(err);
    REQUIRE(result.has_value());
    CHECK(*result == row.expected);
  }
}

TEST_CASE("marker extras compare normalised names") {
  MarkerEnvironment env = {{"extra", "Google_Cloud"}};
  std::string err;
  CHECK(EvaluateMarker("extra == 'google-cloud'", env, &err) == MarkerResult::kTrue);
  CHECK(EvaluateMarker("extra == 'gcp'", MarkerEnvironment(), &err) == MarkerResult::kUnknown);
}

TEST_CASE("marker syntax errors say what was expected") {
  struct Row {
    const char* marker;
    const char* error;
  };
  const Row rows[] = {
      {"pyhton_version >= '3.8'",
       "unknown marker variable 'pyhton_version' (did you mean 'python_version'?)"},
      {"python_version >= '3.8", "unterminated string, found ''3.8'"},
      {"python_version '3.8'", "expected a comparison operator, found ''3.8''"},
      {"(python_version >= '3.8'", "expected ')' at the end"},
      {"python_version >= '3.8' also os_name == 'nt'",
       "expected 'and', 'or' or the end of the marker, found 'also os_name == 'nt''"},
      {"", "expected a marker variable or a quoted string at the end"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.marker);
    std::string err;
    CHECK_FALSE(EvaluateMarker(row.marker, MarkerEnvironment(), &err).has_value());
    CHECK(err == row.error);
  }
}

TEST_CASE("marker nesting is bounded instead of exhausting the stack") {
  std::string nested = std::string(64, '(') + "os_name == 'posix'" + std::string(64, ')');
  std::string err;
  CHECK(EvaluateMarker(nested, WorkerMarkerEnvironment("3.10"), &err) == MarkerResult::kTrue);
  std::string hostile = std::string(100000, '(') + "os_name == 'posix'" + std::string(100000, ')');
  CHECK_FALSE(EvaluateMarker(hostile, MarkerEnvironment(), &err).has_value());
  CHECK(err.rfind("parentheses nested too deeply, found '((", 0) == 0);
}

TEST_CASE("WorkerMarkerEnvironment derives Linux x86_64 CPython values") {
  MarkerEnvironment full = WorkerMarkerEnvironment("3.11.9");
  CHECK(full.at("python_version") == "3.11");
  CHECK(full.at("python_full_version") == "3.11.9");
  CHECK(full.at("implementation_version") == "3.11.9");
  CHECK(full.at("sys_platform") == "linux");
  CHECK(full.at("platform_system") == "Linux");
  CHECK(full.at("platform_machine") == "x86_64");
  CHECK(full.at("platform_python_implementation") == "CPython");
  CHECK(full.at("os_name") == "posix");
  MarkerEnvironment minor_only = WorkerMarkerEnvironment("3.12");
  CHECK(minor_only.at("python_version") == "3.12");
  CHECK(minor_only.count("python_full_version") == 0);
}

}  // namespace beamcompat
