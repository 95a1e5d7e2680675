// Fuzzes the rule loader (YAML, conditions, templates) and runs whatever loads over a small
// FactSet, so the evaluator sees arbitrary compiled rules too. Must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/message.h"
#include "engine/evaluator.h"
#include "engine/fact_schema.h"
#include "facts/fact_set.h"
#include "facts/package_name.h"
#include "ruleset/rule_loader.h"

namespace {

beamcompat::PackageList List(const char* file, const char* beam, const char* numpy) {
  beamcompat::PackageList list;
  list.file = file;
  const char* rows[][2] = {{"apache-beam", beam}, {"numpy", numpy}};
  for (const auto& row : rows) {
    beamcompat::Package package;
    package.name = row[0];
    package.key = beamcompat::NormalizePackageName(row[0]);
    package.version_text = row[1];
    package.version = beamcompat::Version::Parse(row[1]);
    list.packages.push_back(package);
  }
  list.Reindex();
  return list;
}

const beamcompat::FactSet& Facts() {
  static const beamcompat::FactSet facts = [] {
    beamcompat::FactSet f;
    f.launch.packages = List("launch.txt", "2.56.0rc1", "1.26.4");
    f.runtime.packages = List("runtime.txt", "2.56.0", "1.24.4");
    f.launch.beam_version = beamcompat::Fact<std::string>{"2.56.0rc1", "list", {}};
    f.runtime.python = beamcompat::Fact<std::string>{"3.11", "flag", {}};
    return f;
  }();
  return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  beamcompat::RuleSet rules;
  beamcompat::Messages messages;
  beamcompat::LoadRules({{"fuzz.yaml", text}}, beamcompat::FactSchema::Default(), &rules,
                        &messages);
  for (const beamcompat::Message& message : messages.all()) (void)message.ToString();
  beamcompat::Report report = beamcompat::Evaluate(beamcompat::SelectAll(rules), Facts());
  (void)report;
  return 0;
}
