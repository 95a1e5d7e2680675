#include "input/log_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace beamcompat {
namespace {

struct Seen {
  int line;
  int entry;
  std::string text;
  std::string severity;
  std::string step;
};

std::vector<Seen> ReadAll(const std::string& input, LogReadResult* result = nullptr) {
  std::vector<Seen> seen;
  std::istringstream in(input);
  LogReadResult r = ReadLog(in, [&](const LogLine& l) {
    seen.push_back({l.line, l.entry, std::string(l.text), std::string(l.severity),
                    std::string(l.step)});
  });
  if (result) *result = r;
  return seen;
}

}  // namespace

TEST_CASE("LogReader reads text lines with CRLF, numbering every physical line") {
  LogReadResult result;
  auto seen = ReadAll("first\r\n2024-05-01 12:00:00,001 ERROR second\r\n\nlast", &result);
  REQUIRE(seen.size() == 4);
  CHECK(seen[0].text == "first");
  CHECK(seen[1].text == "second");
  CHECK(seen[1].severity == "ERROR");
  CHECK(seen[2].line == 3);
  CHECK(seen[3].text == "last");
  CHECK(seen[3].line == 4);
  CHECK(result.format == LogFormat::kText);
  CHECK(result.lines == 4);
}

TEST_CASE("LogReader replaces invalid UTF-8 and keeps line numbers") {
  LogReadResult result;
  auto seen = ReadAll("ok\nbad \xff\xfe byte\ncaf\xc3\xa9\n", &result);
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].text == "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
  CHECK(seen[1].line == 2);
  CHECK(seen[2].text == "caf\xc3\xa9");
  CHECK(result.repaired_lines == 1);
}

TEST_CASE("LogReader cuts very long lines and goes on with the next") {
  LogReadResult result;
  std::string input = std::string(kMaxLineBytes + 5000, 'x') + "\nnext\n";
  auto seen = ReadAll(input, &result);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].text.size() == kMaxLineBytes);
  CHECK(seen[1].text == "next");
  CHECK(seen[1].line == 2);
  CHECK(result.truncated_lines == 1);
}

TEST_CASE("LogReader splits tracebacks logged with literal \\n escapes") {
  auto seen = ReadAll(
      "2024-05-01 12:00:00,000 ERROR Error processing. Traceback (most recent call last):\\n  "
      "File \"x.py\", line 3, in f\\nValueError: bad\n");
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].text == "  File \"x.py\", line 3, in f");
  CHECK(seen[2].text == "ValueError: bad");
  CHECK(seen[2].line == 1);
}

TEST_CASE("LogReader detects Cloud Logging JSON exports and keeps the entry index") {
  LogReadResult result;
  auto seen = ReadAll(R"([
  {"insertId": "a", "severity": "ERROR", "textPayload": "line one\nline two",
   "resource": {"type": "dataflow_step", "labels": {"step_id": "s12", "job_id": "j"}}},
  {"jsonPayload": {"message": "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nImportError: No module named foo", "step": "Read"},
   "severity": "INFO", "labels": {"x": [1, 2, {"y": null}]}}
])", &result);
  CHECK(result.format == LogFormat::kCloudLoggingJson);
  CHECK(result.lines == 2);
  CHECK(result.warning.empty());
  REQUIRE(seen.size() == 5);
  CHECK(seen[0].text == "line one");
  CHECK(seen[0].entry == 0);
  CHECK(seen[0].severity == "ERROR");
  CHECK(seen[0].step == "s12");
  CHECK(seen[4].text == "ImportError: No module named foo");
  CHECK(seen[4].entry == 1);
  CHECK(seen[4].line == 2);
  CHECK(seen[4].step == "Read");
}

TEST_CASE("LogReader keeps the entries of a truncated JSON export and warns") {
  LogReadResult result;
  auto seen = ReadAll(R"([{"textPayload": "kept"}, {"textPayload": "cut of)", &result);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].text == "kept");
  CHECK(result.warning.rfind("JSON export is cut or invalid in entry 2: ", 0) == 0);
}

TEST_CASE("LogReader reads JSON Lines and falls back to text for other lines") {
  LogReadResult result;
  auto seen = ReadAll("{\"textPayload\": \"from json\"}\nplain text\n", &result);
  CHECK(result.format == LogFormat::kJsonLines);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].text == "from json");
  CHECK(seen[1].text == "plain text");
  CHECK(seen[1].line == 2);
}

TEST_CASE("LogReader treats a bracketed text log as text") {
  LogReadResult result;
  auto seen = ReadAll("[2024-05-01 12:00:00,000] ERROR boom\n", &result);
  CHECK(result.format == LogFormat::kText);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].text == "boom");
}

}  // namespace beamcompat
