#include "facts/fact_dump.h"

#include <map>
#include <ostream>
#include <string_view>

namespace beamcompat {
namespace {

using Json = nlohmann::ordered_json;

template <class T>
Json FactJson(const std::optional<Fact<T>>& fact, Json value) {
  if (!fact) return nullptr;
  Json out;
  out["value"] = std::move(value);
  out["origin"] = fact->origin;
  out["where"] = fact->where.ToString();
  return out;
}

Json StringFact(const std::optional<Fact<std::string>>& fact) {
  return FactJson(fact, fact ? Json(fact->value) : Json());
}

Json ImageFact(const std::optional<Fact<ImageName>>& fact) {
  Json out = FactJson(fact, fact ? Json(fact->value.raw) : Json());
  if (!fact) return out;
  const ImageName& image = fact->value;
  out["registry"] = image.registry;
  out["repository"] = image.repository;
  out["tag"] = image.tag;
  out["digest"] = image.digest;
  out["is_beam_sdk"] = image.is_beam_sdk;
  out["is_dev_tag"] = image.is_dev_tag;
  out["is_floating_tag"] = image.is_floating_tag;
  return out;
}

Json PackagesJson(const std::optional<PackageList>& list) {
  if (!list) return nullptr;
  Json out;
  out["file"] = list->file;
  out["format"] = PackageListFormatName(list->format);
  out["count"] = list->packages.size();
  out["not_followed"] = list->not_followed;
  return out;
}

Json SideJson(const SideFacts& side) {
  Json out;
  out["python"] = StringFact(side.python);
  out["beam_version"] = StringFact(side.beam_version);
  out["image"] = ImageFact(side.image);
  out["packages"] = PackagesJson(side.packages);
  return out;
}

Json ArtifactJson(const StagedArtifact& artifact) {
  Json out;
  out["staged_name"] = artifact.staged_name;
  out["type_urn"] = artifact.type_urn;
  out["role_urn"] = artifact.role_urn;
  out["location"] = artifact.location;
  out["sha256"] = artifact.sha256;
  if (artifact.present_in_staging) out["present_in_staging"] = *artifact.present_in_staging;
  return out;
}

Json EnvironmentJson(const PipelineEnvironment& env) {
  Json out;
  out["id"] = env.id;
  out["urn"] = env.urn;
  out["image"] = env.image ? Json(env.image->raw) : Json();
  Json sdk_base;
  if (env.sdk_base) {
    sdk_base["python"] = env.sdk_base->python;
    sdk_base["beam_version"] = env.sdk_base->beam_version;
    sdk_base["where"] = env.sdk_base->proto_path;
  }
  out["sdk_base"] = env.sdk_base ? sdk_base : Json();
  out["is_python"] = env.is_python;
  if (!env.anyof_parent.empty()) out["anyof_parent"] = env.anyof_parent;
  out["capabilities"] = env.capabilities.size();
  out["artifacts"] = Json::array();
  for (const StagedArtifact& artifact : env.artifacts) out["artifacts"].push_back(ArtifactJson(artifact));
  return out;
}

// Counts by URN, in URN order.
// URN -> count; keyed by views of the pipeline's bytes, copied only once per distinct URN.
using UrnCounts = std::map<std::string_view, size_t>;

Json CountsJson(const UrnCounts& counts, size_t total) {
  Json out;
  out["count"] = total;
  out["by_urn"] = Json::object();
  for (const auto& [urn, count] : counts) out["by_urn"][std::string(urn)] = count;
  return out;
}

Json PipelineJson(const PipelineFacts& pipeline) {
  Json out;
  out["file"] = pipeline.file;
  out["format"] = pipeline.format;
  if (!pipeline.staging_dir.empty()) out["staging_dir"] = pipeline.staging_dir;
  out["environments"] = Json::array();
  for (const PipelineEnvironment& env : pipeline.environments) {
    out["environments"].push_back(EnvironmentJson(env));
  }
  UrnCounts transform_urns, payload_urns;
  size_t payloads = 0;
  for (const TransformFacts& transform : pipeline.transforms) {
    ++transform_urns[transform.urn];
    for (const PickledPayload& payload : transform.payloads) ++payload_urns[payload.urn];
    payloads += transform.payloads.size();
  }
  out["transforms"] = CountsJson(transform_urns, pipeline.transforms.size());
  out["payloads"] = CountsJson(payload_urns, payloads);
  out["windowing_payloads"] = pipeline.windowing_payloads.size();
  out["requirements"] = pipeline.requirements;
  return out;
}

// "3.10 (sdk_base capability, pipeline.pb: components.environments['e'].capabilities[13])"
std::string FactText(const Json& fact) {
  if (fact.is_null()) return "unknown";
  std::string text = fact["value"].get<std::string>() + " (" + fact["origin"].get<std::string>();
  std::string where = fact["where"].get<std::string>();
  return text + (where.empty() ? "" : ", " + where) + ")";
}

void WriteSideText(const char* name, const Json& side, std::ostream& out) {
  out << name << ".python: " << FactText(side["python"]) << "\n";
  out << name << ".beam_version: " << FactText(side["beam_version"]) << "\n";
  out << name << ".image: " << FactText(side["image"]) << "\n";
  const Json& packages = side["packages"];
  out << name << ".packages: ";
  if (packages.is_null()) {
    out << "none\n";
  } else {
    out << packages["count"].get<size_t>() << " (" << packages["format"].get<std::string>()
        << ", " << packages["file"].get<std::string>() << ")\n";
  }
}

void WriteEnvironmentText(const Json& env, std::ostream& out) {
  out << "pipeline.environments['" << env["id"].get<std::string>() << "']:\n";
  out << "  urn: " << env["urn"].get<std::string>() << "\n";
  if (!env["image"].is_null()) out << "  image: " << env["image"].get<std::string>() << "\n";
  if (!env["sdk_base"].is_null()) {
    const Json& sdk = env["sdk_base"];
    std::string python = sdk["python"].get<std::string>();
    out << "  sdk_base: " << (python.empty() ? "not a Python SDK" : "python " + python)
        << ", beam " << sdk["beam_version"].get<std::string>() << "\n";
  }
  if (env.contains("anyof_parent")) {
    out << "  anyof_parent: " << env["anyof_parent"].get<std::string>() << "\n";
  }
  out << "  capabilities: " << env["capabilities"].get<size_t>() << "\n";
  for (const Json& artifact : env["artifacts"]) {
    out << "  artifact: " << artifact["staged_name"].get<std::string>();
    if (artifact.contains("present_in_staging")) {
      out << (artifact["present_in_staging"].get<bool>() ? " (staged)" : " (missing)");
    }
    out << "\n";
  }
}

void WriteCountsText(const char* name, const Json& counts, std::ostream& out) {
  out << "pipeline." << name << ": " << counts["count"].get<size_t>() << "\n";
  for (const auto& [urn, count] : counts["by_urn"].items()) {
    out << "  " << urn << ": " << count.get<size_t>() << "\n";
  }
}

}  // namespace

nlohmann::ordered_json FactSetToJson(const FactSet& facts) {
  Json out;
  out["launch"] = SideJson(facts.launch);
  out["runtime"] = SideJson(facts.runtime);
  out["pipeline"] = facts.pipeline ? PipelineJson(*facts.pipeline) : Json();
  if (facts.pickles) out["pickles"] = PickleFactsToJson(*facts.pickles);
  return out;
}

void WriteFactsJson(const FactSet& facts, std::ostream& out) {
  out << FactSetToJson(facts).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

void WriteFactsText(const FactSet& facts, std::ostream& out) {
  Json json = FactSetToJson(facts);
  WriteSideText("launch", json["launch"], out);
  WriteSideText("runtime", json["runtime"], out);
  const Json& pipeline = json["pipeline"];
  if (pipeline.is_null()) {
    out << "pipeline: none\n";
    return;
  }
  out << "pipeline: " << pipeline["file"].get<std::string>() << " ("
      << pipeline["format"].get<std::string>() << ")\n";
  if (pipeline.contains("staging_dir")) {
    out << "pipeline.staging_dir: " << pipeline["staging_dir"].get<std::string>() << "\n";
  }
  for (const Json& env : pipeline["environments"]) WriteEnvironmentText(env, out);
  WriteCountsText("transforms", pipeline["transforms"], out);
  WriteCountsText("payloads", pipeline["payloads"], out);
  out << "pipeline.windowing_payloads: " << pipeline["windowing_payloads"].get<size_t>() << "\n";
  if (facts.pickles) WritePickleFactsText(*facts.pickles, out);
}

}  // namespace beamcompat
