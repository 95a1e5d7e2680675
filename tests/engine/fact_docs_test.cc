// doc/rules.md is the reference rule authors read: every fact, collection field and function
// beamcompat's own domains define must be listed there.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/fact_schema.h"
#include "ruleset/condition_functions.h"

namespace beamcompat {

TEST_CASE("fact docs: doc/rules.md lists every shipped fact, field and function") {
  std::ifstream in(std::string(BEAMCOMPAT_SOURCE_DIR) + "/doc/rules.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  REQUIRE_FALSE(doc.empty());
  FactSchema schema({&SideFactDomain(), &PipelineFactDomain(), &PackageFactDomain()});
  for (const std::string& path : schema.ScopeFactPaths()) {
    CAPTURE(path);
    CHECK(doc.find("| `" + path + "` |") != std::string::npos);
  }
  for (const std::string& name : schema.CollectionNames()) {
    CAPTURE(name);
    size_t section = doc.find("### `" + name + "`");
    REQUIRE(section != std::string::npos);
    size_t end = doc.find("###", section + 1);
    std::string table = doc.substr(section, end == std::string::npos ? end : end - section);
    for (const std::string& field : schema.ItemFieldNames(*schema.FindCollection(name))) {
      CAPTURE(field);
      CHECK(table.find("| `item." + field + "` |") != std::string::npos);
    }
  }
  for (const FunctionSpec& function : ConditionFunctions()) {
    CAPTURE(function.name);
    CHECK(doc.find(std::string("| `") + function.signature + "` |") != std::string::npos);
  }
}

}  // namespace beamcompat
