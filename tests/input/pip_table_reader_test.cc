#include "input/pip_table_reader.h"

#include <doctest/doctest.h>

#include "base/message.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {

TEST_CASE("pip table: plain pip list, with an editable install whose path has a space") {
  std::string text =
      "Package      Version   Editable project location\r\n"
      "------------ --------- -------------------------\r\n"
      "apache-beam  2.56.0\r\n"
      "dill         0.3.1.1\r\n"
      "shop-lib     0.3.0     /home/me/My Projects/shop-lib\r\n";
  REQUIRE(LooksLikePipTable(text));
  Messages messages;
  PackageList list = ReadPipTable("pip_list.txt", text, &messages);
  CHECK(MessageTexts(messages).empty());
  CHECK(list.format == PackageListFormat::kPipList);
  REQUIRE(list.packages.size() == 3);
  CHECK(list.Find("apache-beam")->version_text == "2.56.0");
  CHECK(list.Find("dill")->version == Version::Parse("0.3.1.1"));
  const Package* shop = list.Find("shop-lib");
  CHECK(shop->kind == InstallKind::kEditable);
  CHECK(shop->url == "/home/me/My Projects/shop-lib");
  CHECK(shop->where.ToString() == "pip_list.txt:5");
}

TEST_CASE("pip table: pip list -v and -o add columns after the version") {
  std::string verbose =
      "Package    Version Location                               Installer\n"
      "---------- ------- -------------------------------------- ---------\n"
      "protobuf   4.25.3  /usr/local/lib/python3.11/site-packages pip\n";
  std::string outdated =
      "Package    Version Latest Type\n"
      "---------- ------- ------ -----\n"
      "numpy      1.24.4  2.1.3  wheel\n";
  for (const std::string& text : {verbose, outdated}) {
    REQUIRE(LooksLikePipTable(text));
    Messages messages;
    PackageList list = ReadPipTable("list.txt", text, &messages);
    CHECK(MessageTexts(messages).empty());
    REQUIRE(list.packages.size() == 1);
    CHECK(list.packages[0].kind == InstallKind::kPinned);
  }
  Messages messages;
  CHECK(ReadPipTable("o.txt", outdated, &messages).packages[0].version_text == "1.24.4");
}

TEST_CASE("pip table: a row that is not 'name version' is a located warning") {
  std::string text =
      "Package Version\n"
      "------- -------\n"
      "\n"
      "WARNING: You are using pip version 22.0.4\n"
      "six     1.16.0\n"
      "lonely\n";
  Messages messages;
  PackageList list = ReadPipTable("list.txt", text, &messages);
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "list.txt:4: warning: skipped 'WARNING: You are using pip version 22.0.4': not a "
            "'name version' row of pip list",
            "list.txt:6: warning: skipped 'lonely': not a 'name version' row of pip list"});
  REQUIRE(list.packages.size() == 1);
  CHECK(list.packages[0].name == "six");
}

TEST_CASE("pip table: freeze output and a requirements header are not pip list") {
  CHECK_FALSE(LooksLikePipTable("apache-beam==2.56.0\ndill==0.3.1.1\n"));
  CHECK_FALSE(LooksLikePipTable("Package Version\napache-beam 2.56.0\n"));  // no rule line
  CHECK_FALSE(LooksLikePipTable("# Package Version\n# -------\n"));
}

}  // namespace beamcompat
