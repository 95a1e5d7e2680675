#include "facts/pickle_facts.h"

#include <algorithm>
#include <ostream>

namespace beamcompat {

const PayloadContents& PayloadFacts::contents() const {
  static const PayloadContents kNotRead;
  return shared ? *shared : kNotRead;
}

std::vector<std::string> PickleFacts::picklers() const {
  std::vector<std::string> out;  // a handful at most: a linear search beats sorting 50k names
  for (const PayloadFacts& payload : payloads) {
    const PayloadContents& contents = payload.contents();
    if (!contents.readable || contents.pickler == "pickle") continue;
    if (std::find(out.begin(), out.end(), contents.pickler) == out.end()) {
      out.push_back(contents.pickler);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

nlohmann::ordered_json PickleFactsToJson(const PickleFacts& facts) {
  using Json = nlohmann::ordered_json;
  Json payloads = Json::array();
  for (const PayloadFacts& payload : facts.payloads) {
    Json out;
    out["transform"] = payload.transform_name;
    out["environment_id"] = payload.environment_id;
    out["urn"] = payload.urn;
    out["where"] = payload.proto_path;
    if (!payload.contents().readable) {
      out["error"] = payload.contents().error;
      payloads.push_back(std::move(out));
      continue;
    }
    out["pickler"] = payload.contents().pickler;
    out["protocol"] = payload.contents().protocol;
    out["compression"] = payload.contents().compression;
    out["modules"] = payload.contents().modules;
    out["main_names"] = payload.contents().main_names;
    Json functions = Json::array();
    for (const MainFunctionFact& function : payload.contents().main_functions) {
      functions.push_back(Json{{"name", function.name}, {"globals", function.globals}});
    }
    out["main_functions"] = std::move(functions);
    if (!payload.contents().bytecode.empty()) out["bytecode"] = payload.contents().bytecode;
    payloads.push_back(std::move(out));
  }
  Json out;
  out["count"] = facts.payloads.size();
  out["distinct"] = facts.distinct;
  out["picklers"] = facts.picklers();
  out["payloads"] = std::move(payloads);
  return out;
}

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "none" : out;
}

}  // namespace

void WritePickleFactsText(const PickleFacts& facts, std::ostream& out) {
  out << "pickles: " << facts.payloads.size() << " payloads, " << facts.distinct
      << " distinct; picklers: " << Join(facts.picklers()) << "\n";
  for (const PayloadFacts& payload : facts.payloads) {
    out << "pickles['" << payload.transform_name << "']: ";
    if (!payload.contents().readable) {
      out << "unreadable: " << payload.contents().error << "\n";
      continue;
    }
    out << payload.contents().pickler << "; modules: " << Join(payload.contents().modules);
    if (!payload.contents().main_names.empty()) out << "; __main__ names: " << Join(payload.contents().main_names);
    for (const MainFunctionFact& function : payload.contents().main_functions) {
      out << "; __main__: " << function.name << " reads " << Join(function.globals);
    }
    out << "\n";
  }
}

}  // namespace beamcompat
