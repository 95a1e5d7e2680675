#include "facts/package_diff.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/message.h"
#include "input/package_list_reader.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {
namespace {

PackageList List(const std::string& file, const std::string& text) {
  Messages messages;
  auto list = ParsePackageList(file, text, PackageListOptions(), &messages);
  REQUIRE(list);
  return *list;
}

std::vector<std::string> Keys(const std::vector<PackageDelta>& deltas) {
  std::vector<std::string> keys;
  for (const PackageDelta& d : deltas) keys.push_back(d.key + ":" + PackageChangeName(d.change));
  return keys;
}

}  // namespace

TEST_CASE("package diff compares by normalised name and PEP 440 version") {
  PackageList launch = List("launch.txt",
                            "PyYAML==6.0.1\nnumpy==1.26.4\nprotobuf==4.25\n"
                            "mylib @ file:///home/dev/src/mylib\nzope.interface==6.0\n"
                            "Apache_Beam==2.56.0\n");
  PackageList runtime = List("runtime.txt",
                             "apache-beam==2.56.0\npyyaml==6.0.1\nnumpy==2.0.0\n"
                             "protobuf==4.25.0\nmylib==0.1.0\nzstandard==0.22.0\n");
  PackageDiff diff = DiffPackageLists(launch, runtime, "", "");
  CHECK(Keys(diff.changed) == std::vector<std::string>{"mylib:different", "numpy:runtime newer"});
  CHECK(Keys(diff.launch_only) == std::vector<std::string>{"zope-interface:launch only"});
  CHECK(Keys(diff.runtime_only) == std::vector<std::string>{"zstandard:runtime only"});
  CHECK(diff.identical == 3);
  CHECK(diff.changed[0].launch->name == "mylib");
  CHECK(DescribeInstalled(*diff.changed[0].launch) == "@ file:///home/dev/src/mylib");
  CHECK(DescribeInstalled(*diff.changed[0].runtime) == "0.1.0");
}

TEST_CASE("package diff leaves out what pip freeze omits, by the freeze side's Python") {
  PackageList inspect_like =
      List("runtime.json",
           R"([{"name": "pip", "version": "24.2"}, {"name": "setuptools", "version": "75.1.0"},
               {"name": "wheel", "version": "0.44.0"}, {"name": "numpy", "version": "2.0.2"}])");
  PackageList freeze = List("launch.txt", "numpy==2.0.2\n");
  struct Row {
    const char* freeze_python;
    std::vector<std::string> omitted;
    std::vector<std::string> reported;
  };
  const Row rows[] = {
      {"3.11", {"pip:runtime only", "setuptools:runtime only", "wheel:runtime only"}, {}},
      {"", {"pip:runtime only", "setuptools:runtime only", "wheel:runtime only"}, {}},
      {"3.12.4", {"pip:runtime only"}, {"setuptools:runtime only", "wheel:runtime only"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.freeze_python);
    PackageDiff diff = DiffPackageLists(freeze, inspect_like, row.freeze_python, "3.12");
    CHECK(Keys(diff.omitted_by_freeze) == row.omitted);
    CHECK(Keys(diff.runtime_only) == row.reported);
  }
  // Two JSON lists omit nothing, so a difference in pip is real.
  PackageList other_json = List("launch.json", R"([{"name": "numpy", "version": "2.0.2"}])");
  PackageDiff diff = DiffPackageLists(other_json, inspect_like, "3.11", "3.11");
  CHECK(diff.omitted_by_freeze.empty());
  CHECK(diff.runtime_only.size() == 3);
}

TEST_CASE("package diff describes every install kind") {
  PackageList list = List("req.txt",
                          "a==1.0\nb===1.0-custom\nc>=1.4,<2\nd\n"
                          "# Editable install with no version control (e==0.3.0)\n-e /src/e\n"
                          "f @ git+https://github.com/org/f@abc\n");
  std::vector<std::string> described;
  for (const Package& p : list.packages) described.push_back(DescribeInstalled(p));
  CHECK(described == std::vector<std::string>{"1.0", "1.0-custom", ">=1.4,<2", "(any version)",
                                              "-e /src/e (0.3.0)",
                                              "@ git+https://github.com/org/f@abc"});
}

}  // namespace beamcompat
