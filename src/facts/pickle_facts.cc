#include "facts/pickle_facts.h"

#include <algorithm>
#include <ostream>

namespace beamcompat {

std::vector<std::string> PickleFacts::picklers() const {
  std::vector<std::string> out;
  for (const PayloadFacts& payload : payloads) {
    if (payload.readable && payload.pickler != "pickle") out.push_back(payload.pickler);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
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
    if (!payload.readable) {
      out["error"] = payload.error;
      payloads.push_back(std::move(out));
      continue;
    }
    out["pickler"] = payload.pickler;
    out["protocol"] = payload.protocol;
    out["compression"] = payload.compression;
    out["modules"] = payload.modules;
    out["main_names"] = payload.main_names;
    Json functions = Json::array();
    for (const MainFunctionFact& function : payload.main_functions) {
      functions.push_back(Json{{"name", function.name}, {"globals", function.globals}});
    }
    out["main_functions"] = std::move(functions);
    if (!payload.bytecode.empty()) out["bytecode"] = payload.bytecode;
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
    if (!payload.readable) {
      out << "unreadable: " << payload.error << "\n";
      continue;
    }
    out << payload.pickler << "; modules: " << Join(payload.modules);
    if (!payload.main_names.empty()) out << "; __main__ names: " << Join(payload.main_names);
    for (const MainFunctionFact& function : payload.main_functions) {
      out << "; __main__: " << function.name << " reads " << Join(function.globals);
    }
    out << "\n";
  }
}

}  // namespace beamcompat
