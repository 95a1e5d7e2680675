#include "input/package_list_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/message.h"
#include "facts/marker.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {
namespace {

std::string Lists(const std::string& name) {
  return std::string(BEAMCOMPAT_SOURCE_DIR) + "/testdata/lists/" + name;
}

}  // namespace

TEST_CASE("package lists: every sample format is detected from its content") {
  struct Row {
    const char* file;
    PackageListFormat format;
    size_t packages;
    const char* python;
    const char* numpy;
  };
  const Row rows[] = {
      {"launch_freeze.txt", PackageListFormat::kFreeze, 66, "", "1.26.4"},
      {"runtime_freeze.txt", PackageListFormat::kFreeze, 56, "", "1.24.4"},
      {"submission_environment_dependencies.txt", PackageListFormat::kSubmissionDependencies, 66,
       "3.10", "1.26.4"},
      {"pip_list.json", PackageListFormat::kPipListJson, 69, "", "1.26.4"},
      {"pip_list.txt", PackageListFormat::kPipList, 69, "", "1.26.4"},
      {"runtime_inspect.json", PackageListFormat::kPipInspect, 21, "3.10.12", "1.24.4"},
      {"base_image_requirements_py310.txt", PackageListFormat::kBaseImageRequirements, 117, "3.10",
       "1.26.4"},
      {"requirements_compiled.txt", PackageListFormat::kRequirements, 20, "", "1.26.4"},
  };
  RealFileSystem fs;
  PackageListOptions options;
  options.markers = WorkerMarkerEnvironment("3.10");
  for (const Row& row : rows) {
    CAPTURE(row.file);
    Messages messages;
    auto list = LoadPackageList(fs, Lists(row.file), options, &messages);
    CHECK(MessageTexts(messages).empty());
    REQUIRE(list);
    CHECK(list->format == row.format);
    CHECK(list->packages.size() == row.packages);
    CHECK((list->python_version ? list->python_version->value : "") == row.python);
    REQUIRE(list->Find("numpy") != nullptr);
    CHECK(list->Find("numpy")->version_text == row.numpy);
  }
}

TEST_CASE("package lists: the base image list says its Python and has no Beam") {
  RealFileSystem fs;
  Messages messages;
  auto list = LoadPackageList(fs, Lists("base_image_requirements_py310.txt"), PackageListOptions(),
                              &messages);
  REQUIRE(list);
  CHECK(list->python_version->origin == "base_image_requirements.txt header (py310)");
  CHECK(list->python_version->where.line == 17);
  CHECK(list->Find("apache-beam") == nullptr);
  CHECK(list->Find("docstring-parser")->name == "docstring_parser");
  CHECK(list->Find("pyyaml")->name == "PyYAML");
}

TEST_CASE("package lists: unusable files are errors") {
  struct Row {
    std::string contents;
    const char* error;
  };
  const std::vector<Row> rows = {
      {"", "error: 'list.txt' is empty: expected a package list"},
      {"  \n\n", "error: 'list.txt' is empty: expected a package list"},
      {"numpy==1.26.4\ncaf\xe9==1.0\n",
       "list.txt:2:4: error: invalid UTF-8 (byte 0xe9): expected a UTF-8 text file"},
      {std::string("\xff\xfen\0u\0", 6),
       "list.txt:1:1: error: the file is UTF-16 (as PowerShell's '>' writes it): expected "
       "UTF-8; save the list as UTF-8 text"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.contents);
    Messages messages;
    CHECK_FALSE(ParsePackageList("list.txt", row.contents, PackageListOptions(), &messages));
    CHECK(MessageTexts(messages) == std::vector<std::string>{row.error});
  }
}

TEST_CASE("package lists: a UTF-8 BOM is skipped and comments alone are an empty list") {
  Messages messages;
  auto list =
      ParsePackageList("list.txt", "\xef\xbb\xbfnumpy==1.26.4\n", PackageListOptions(), &messages);
  REQUIRE(list);
  CHECK(list->Find("numpy") != nullptr);
  list = ParsePackageList("list.txt", "# nothing installed\n", PackageListOptions(), &messages);
  REQUIRE(list);
  CHECK(list->packages.empty());
  CHECK(messages.empty());
}

TEST_CASE("package lists: a directory or a missing file is reported by the file system") {
  InMemoryFileSystem fs;
  fs.AddFile("env/freeze.txt", "numpy==1.26.4\n");
  Messages messages;
  CHECK_FALSE(LoadPackageList(fs, "env", PackageListOptions(), &messages));
  CHECK_FALSE(LoadPackageList(fs, "missing.txt", PackageListOptions(), &messages));
  std::string dir_err, missing_err, contents;
  fs.ReadFile("env", &contents, &dir_err);
  fs.ReadFile("missing.txt", &contents, &missing_err);
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"error: " + dir_err, "error: " + missing_err});
  auto list = LoadPackageList(fs, "env/freeze.txt", PackageListOptions(), &messages);
  REQUIRE(list);
  CHECK(list->file == "env/freeze.txt");
}

}  // namespace beamcompat
