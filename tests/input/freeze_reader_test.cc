#include "input/freeze_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/message.h"
#include "facts/marker.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {
namespace {

struct FreezeFixture {
  PackageList Read(std::string_view text, const MarkerEnvironment& markers = {}) {
    PackageList list;
    list.file = "launch.txt";
    PackageListOptions options;
    options.markers = markers;
    ReadFreezeFile(text, options, &list, &messages);
    return list;
  }
  std::vector<std::string> Printed() const { return MessageTexts(messages); }
  Messages messages;
};

}  // namespace

TEST_CASE_FIXTURE(FreezeFixture, "pip freeze: every line form becomes a package") {
  PackageList list = Read(R"(apache-beam==2.56.0
foo===1.0-custom
mylib @ git+https://github.com/org/mylib@3f2a9c1d8e7b
iniconfig @ https://files.pythonhosted.org/packages/ef/a6/iniconfig-2.0.0-py3-none-any.whl
numpy @ file:///home/conda/feedstock_root/build_artifacts/numpy_1707225342954/work
# Editable install with no version control (mypipeline==0.3.0)
-e /home/dev/src/mypipeline
# Editable Git install (gitlib==1.2.0) with either a deleted local remote or invalid URI:
# 'file:///tmp/gone'
-e /home/dev/src/gitlib
-e git+https://github.com/org/x_tools@abc123#egg=x_tools
PyYAML==6.0.1
)");
  CHECK(messages.empty());
  CHECK(list.format == PackageListFormat::kFreeze);
  struct Row {
    const char* key;
    InstallKind kind;
    const char* version_text;
    bool parsed;
    const char* url;
    int line;
  };
  const std::vector<Row> rows = {
      {"apache-beam", InstallKind::kPinned, "2.56.0", true, "", 1},
      {"foo", InstallKind::kArbitrary, "1.0-custom", false, "", 2},
      {"mylib", InstallKind::kVcs, "", false, "git+https://github.com/org/mylib@3f2a9c1d8e7b", 3},
      {"iniconfig", InstallKind::kDirectUrl, "2.0.0", true,
       "https://files.pythonhosted.org/packages/ef/a6/iniconfig-2.0.0-py3-none-any.whl", 4},
      {"numpy", InstallKind::kDirectUrl, "", false,
       "file:///home/conda/feedstock_root/build_artifacts/numpy_1707225342954/work", 5},
      {"mypipeline", InstallKind::kEditable, "0.3.0", true, "/home/dev/src/mypipeline", 7},
      {"gitlib", InstallKind::kEditable, "1.2.0", true, "/home/dev/src/gitlib", 10},
      {"x-tools", InstallKind::kEditable, "", false,
       "git+https://github.com/org/x_tools@abc123#egg=x_tools", 11},
      {"pyyaml", InstallKind::kPinned, "6.0.1", true, "", 12},
  };
  REQUIRE(list.packages.size() == rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Package& p = list.packages[i];
    CAPTURE(p.name);
    CHECK(p.key == rows[i].key);
    CHECK(p.kind == rows[i].kind);
    CHECK(p.version_text == rows[i].version_text);
    CHECK(p.version.has_value() == rows[i].parsed);
    CHECK(p.url == rows[i].url);
    CHECK(p.where.ToString() == "launch.txt:" + std::to_string(rows[i].line));
  }
  REQUIRE(list.Find("pyyaml") != nullptr);
  CHECK(list.Find("pyyaml")->name == "PyYAML");
}

TEST_CASE_FIXTURE(FreezeFixture, "pip freeze: bad lines are warnings and reading goes on") {
  PackageList list = Read(R"(apache-beam==2.56.0
warning: The package `pip` has multiple installed distributions
WARNING: Ignoring invalid distribution -ip (/usr/local/lib/python3.10/site-packages)
oddball==2024.1-final
-r base.txt
--constraint constraints.txt
-e /home/dev/src/nameless
./dist/unknown.bin
numpy==1.26.4
)");
  CHECK(Printed() == std::vector<std::string>{
                         "launch.txt:2: warning: skipped 'warning: The package `pip` has multiple "
                         "installed distributions': pip's own output (captured with the list), "
                         "not a package",
                         "launch.txt:3: warning: skipped 'WARNING: Ignoring invalid distribution "
                         "-ip (/usr/local/lib/python3.10/site-packages)': pip's own output "
                         "(captured with the list), not a package",
                         "launch.txt:4: warning: version '2024.1-final' of 'oddball' is not a "
                         "PEP 440 version; kept as text",
                         "launch.txt:5: warning: '-r base.txt' not followed: included files are "
                         "not read",
                         "launch.txt:6: warning: '--constraint constraints.txt' not followed: "
                         "included files are not read",
                         "launch.txt:7: warning: skipped '-e /home/dev/src/nameless': no package "
                         "name (expected '#egg=name' or a preceding '# Editable install ... "
                         "(name==version)' comment)",
                         "launch.txt:8: warning: skipped './dist/unknown.bin': no package name "
                         "(expected 'name @ url' or a '#egg=name' fragment)",
                     });
  CHECK_FALSE(messages.has_errors());
  CHECK(list.not_followed == std::vector<std::string>{"base.txt", "constraints.txt"});
  REQUIRE(list.packages.size() == 3);
  const Package* oddball = list.Find("oddball");
  REQUIRE(oddball != nullptr);
  CHECK(oddball->version_text == "2024.1-final");
  CHECK_FALSE(oddball->version.has_value());
  CHECK(list.Find("numpy")->version_text == "1.26.4");
}

TEST_CASE_FIXTURE(FreezeFixture, "requirements: hashes, markers, extras and options") {
  PackageList list = Read(R"(#
# This file is autogenerated by pip-compile with Python 3.10
#
--index-url https://pypi.org/simple
--only-binary pyarrow

apache-beam[gcp]==2.56.0 \
    --hash=sha256:1111 \
    --hash=sha256:2222
    # via -r requirements.in
apache-beam[dataframe]==2.56.0 ; python_version >= "3.8"
async-timeout==4.0.3 ; python_full_version < "3.11.3" \
    --hash=sha256:3333
    # via
    #   redis
pywin32==306 ; sys_platform == "win32"
tomli==2.0.1 ; python_version < "3.11"  # only before 3.11
pandas>=1.4.3,<2.2 ; platform_release >= "5"
)",
                          WorkerMarkerEnvironment("3.12"));
  CHECK(Printed().empty());
  CHECK(list.format == PackageListFormat::kRequirements);
  std::vector<std::string> keys;
  for (const Package& p : list.packages) keys.push_back(p.key);
  CHECK(keys == std::vector<std::string>{"apache-beam", "async-timeout", "pandas"});
  const Package* beam = list.Find("apache-beam");
  CHECK(beam->extras == std::vector<std::string>{"gcp", "dataframe"});
  CHECK(beam->where.line == 7);
  const Package* timeout = list.Find("async-timeout");
  CHECK(timeout->marker == "python_full_version < \"3.11.3\"");  // full version unknown: kept
  CHECK(timeout->where.line == 12);
  const Package* pandas = list.Find("pandas");
  CHECK(pandas->kind == InstallKind::kRange);
  CHECK(pandas->specifier == ">=1.4.3,<2.2");
  CHECK(pandas->version_text.empty());
}

TEST_CASE_FIXTURE(FreezeFixture, "requirements: a package listed again with another version") {
  PackageList list = Read("numpy==1.26.4\nNumPy==1.24.4\n");
  CHECK(Printed() ==
        std::vector<std::string>{"launch.txt:2: warning: 'NumPy' is listed again with a different "
                                 "version; kept '==1.26.4' from line 1"});
  REQUIRE(list.packages.size() == 1);
  CHECK(list.packages[0].version_text == "1.26.4");
}

TEST_CASE_FIXTURE(FreezeFixture, "requirements: a malformed requirement says why") {
  Read("numpy==1.26.4 ; python_versio < '3'\nfoo[bar==1\n");
  CHECK(Printed() == std::vector<std::string>{
                         "launch.txt:1: warning: skipped 'numpy==1.26.4 ; python_versio < '3'': "
                         "invalid marker: unknown marker variable 'python_versio' (did you mean "
                         "'python_version'?)",
                         "launch.txt:2: warning: skipped 'foo[bar==1': expected ']' after the "
                         "extras"});
}

}  // namespace beamcompat
