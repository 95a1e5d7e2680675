#include "input/submission_dependencies_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/message.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {

TEST_CASE("submission dependencies: the bytes repr line is decoded and located") {
  const char* text =
      "Python Path: /home/dev/venvs/beam/bin/python3.10\n"
      "b'apache-beam==2.56.0\\ncloudpickle==2.2.1\\ndill==0.3.1.1\\n"
      "mylib @ file:///home/dev/src/mylib\\nbad line\\nprotobuf==4.25.3\\n'";
  Messages messages;
  auto list = ReadSubmissionDependencies("deps.txt", text, PackageListOptions(), &messages);
  REQUIRE(list);
  CHECK(list->format == PackageListFormat::kSubmissionDependencies);
  REQUIRE(list->python_version);
  CHECK(list->python_version->value == "3.10");
  CHECK(list->python_version->origin ==
        "guessed from the interpreter path '/home/dev/venvs/beam/bin/python3.10'");
  std::vector<std::string> keys;
  for (const Package& p : list->packages) keys.push_back(p.key);
  CHECK(keys ==
        std::vector<std::string>{"apache-beam", "cloudpickle", "dill", "mylib", "protobuf"});
  CHECK(list->Find("apache-beam")->where.ToString() == "deps.txt:2:3");
  CHECK(list->Find("cloudpickle")->where.ToString() == "deps.txt:2:24");
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"deps.txt:2:95: warning: skipped 'bad line': not a requirement "
                                 "(expected name==version, name @ url or -e ...)"});
}

TEST_CASE("submission dependencies: b\"...\" quoting and escapes decode to UTF-8") {
  const char* text =
      "Python Path: C:\\Python311\\python.exe\n"
      "b\"# Editable Git install (caf\\xc3\\xa9==1.0) with either a deleted local remote or "
      "invalid URI:\\n# 'file:///tmp/x'\\n-e /src/caf\\xc3\\xa9\\nback\\\\slash==1.0\\n\"";
  Messages messages;
  auto list = ReadSubmissionDependencies("deps.txt", text, PackageListOptions(), &messages);
  REQUIRE(list);
  CHECK_FALSE(list->python_version.has_value());
  REQUIRE(list->packages.empty());
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "deps.txt:2:116: warning: skipped '-e /src/caf\xc3\xa9': no package name (expected "
            "'#egg=name' or a preceding '# Editable install ... (name==version)' comment)",
            "deps.txt:2:137: warning: skipped 'back\\slash==1.0': not a requirement (expected "
            "name==version, name @ url or -e ...)"});
}

TEST_CASE("submission dependencies: a plain freeze after the first line") {
  Messages messages;
  auto list = ReadSubmissionDependencies(
      "deps.txt", "Python Path: /usr/bin/python3.12\napache-beam==2.60.0\n\n?? nope\n",
      PackageListOptions(), &messages);
  REQUIRE(list);
  CHECK(list->python_version->value == "3.12");
  REQUIRE(list->packages.size() == 1);
  CHECK(list->packages[0].where.ToString() == "deps.txt:2");
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"deps.txt:4: warning: skipped '?? nope': not a requirement "
                                 "(expected name==version, name @ url or -e ...)"});
}

TEST_CASE("submission dependencies: a broken bytes literal is an error") {
  struct Row {
    const char* second_line;
    const char* error;
  };
  const Row rows[] = {
      {"b'apache-beam==2.56.0\\n",
       "deps.txt:2:24: error: unterminated bytes literal: expected "
       "a closing '"},
      {"b'a==1\\q'",
       "deps.txt:2:7: error: invalid escape '\\q' in the bytes literal (expected "
       "\\\\, \\', \\\", \\n, \\r, \\t or \\xNN)"},
      {"b'a==1\\xZZ'",
       "deps.txt:2:7: error: invalid escape '\\xZZ' in the bytes literal "
       "(expected \\\\, \\', \\\", \\n, \\r, \\t or \\xNN)"},
      {"b'a==1' trailing", "deps.txt:2:8: error: unexpected ' trailing' after the bytes literal"},
      {"b'caf\\xff==1'", "deps.txt:2:6: error: invalid UTF-8 in the package list (byte 0xff)"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.second_line);
    Messages messages;
    std::string text = std::string("Python Path: /usr/bin/python3\n") + row.second_line;
    CHECK_FALSE(ReadSubmissionDependencies("deps.txt", text, PackageListOptions(), &messages));
    REQUIRE(messages.all().size() == 1);
    CHECK(messages.all()[0].ToString() == row.error);
  }
}

}  // namespace beamcompat
