#include "facts/pickle_facts.h"

#include <algorithm>

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

}  // namespace beamcompat
