// Repository collections for `lint` rules (facts/repo_facts.h): `declared_requirements`,
// `beam_images`, `docker_stages`, `python_expectations` and `pip_installs`. Available only
// when a repository was scanned; every item points into FactSet::repo.
#include <string>

#include "engine/fact_schema.h"
#include "facts/fact_set.h"

namespace beamcompat {
namespace {

template <class T>
const T& As(const ItemRef& item) {
  return *static_cast<const T*>(item.primary);
}

bool HasRepo(const FactSet& facts) { return facts.repo.has_value(); }

template <class T, std::vector<T> RepoFacts::*Member>
void Enumerate(const FactSet& facts, std::vector<ItemRef>* items) {
  for (const T& element : (*facts.repo).*Member) items->push_back({&element, nullptr});
}

template <class T>
SourceLocation Where(const FactSet&, const ItemRef& item) {
  return As<T>(item).where;
}

Value Bool(bool b) { return Value::Bool(b); }
Value Text(const std::string& text) { return Value::StringOrAbsent(text); }
Value VersionOf(const std::optional<Fact<std::string>>& fact) {
  return fact ? Value::VersionOrAbsent(fact->value) : Value();
}
Value OriginOf(const std::optional<Fact<std::string>>& fact) {
  return fact ? Value::StringOrAbsent(fact->origin) : Value();
}

// --- declared_requirements ------------------------------------------------------------

using Req = RepoRequirement;
const ItemField kRequirementFields[] = {
    {"key", ValueKind::kString, "PEP 503 normalised name",
     [](const FactSet&, const ItemRef& i) { return Text(As<Req>(i).key); }, &Where<Req>},
    {"name", ValueKind::kString, "the name as written",
     [](const FactSet&, const ItemRef& i) { return Text(As<Req>(i).name); }, &Where<Req>},
    {"text", ValueKind::kString, "the requirement as written",
     [](const FactSet&, const ItemRef& i) { return Text(As<Req>(i).text); }, &Where<Req>},
    {"specifier", ValueKind::kString, "the normalised specifier set (absent when none)",
     [](const FactSet&, const ItemRef& i) { return Text(As<Req>(i).specifier); }, &Where<Req>},
    {"exact", ValueKind::kBool, "pinned to one version with == or ===",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Req>(i).exact); }, &Where<Req>},
    {"version", ValueKind::kVersion, "the pinned version (absent unless exact)",
     [](const FactSet&, const ItemRef& i) { return Value::VersionOrAbsent(As<Req>(i).version); },
     &Where<Req>},
    {"source", ValueKind::kString,
     "requirements-file, constraints-file, pyproject, poetry, setup.py, setup.cfg or dockerfile",
     [](const FactSet&, const ItemRef& i) { return Text(As<Req>(i).source); }, &Where<Req>},
};

// --- beam_images --------------------------------------------------------------------------

using Img = RepoBeamImage;
SourceLocation PinWhere(const FactSet&, const ItemRef& i) {
  const Img& image = As<Img>(i);
  return image.repo_beam_pin ? image.repo_beam_pin->where : image.where;
}
const ItemField kImageFields[] = {
    {"dockerfile", ValueKind::kString, "the Dockerfile naming the image",
     [](const FactSet&, const ItemRef& i) { return Text(As<Img>(i).dockerfile); }, &Where<Img>},
    {"image", ValueKind::kString, "the image name, variables substituted",
     [](const FactSet&, const ItemRef& i) { return Text(As<Img>(i).name.raw); }, &Where<Img>},
    {"instruction", ValueKind::kString, "FROM or COPY --from",
     [](const FactSet&, const ItemRef& i) { return Text(As<Img>(i).instruction); },
     &Where<Img>},
    {"beam_version", ValueKind::kVersion, "the Beam version of the tag (absent for dev tags)",
     [](const FactSet&, const ItemRef& i) {
       return Value::VersionOrAbsent(As<Img>(i).name.beam_version);
     },
     &Where<Img>},
    {"python", ValueKind::kVersion, "the Python minor in the image name",
     [](const FactSet&, const ItemRef& i) { return Value::VersionOrAbsent(As<Img>(i).name.python); },
     &Where<Img>},
    {"tag", ValueKind::kString, "the tag (absent when none)",
     [](const FactSet&, const ItemRef& i) { return Text(As<Img>(i).name.tag); }, &Where<Img>},
    {"digest", ValueKind::kString, "the digest when pinned by digest",
     [](const FactSet&, const ItemRef& i) { return Text(As<Img>(i).name.digest); }, &Where<Img>},
    {"floating", ValueKind::kBool, "no tag, or 'latest'",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Img>(i).name.is_floating_tag); },
     &Where<Img>},
    {"dev_tag", ValueKind::kBool, "a beam-master-YYYYMMDD development tag",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Img>(i).name.is_dev_tag); },
     &Where<Img>},
    {"repo_beam_pin", ValueKind::kVersion,
     "the exact apache-beam pin of the repository (this Dockerfile's installs first)",
     [](const FactSet&, const ItemRef& i) { return VersionOf(As<Img>(i).repo_beam_pin); },
     &PinWhere},
    {"repo_beam_pin_origin", ValueKind::kString, "where that pin is written",
     [](const FactSet&, const ItemRef& i) { return OriginOf(As<Img>(i).repo_beam_pin); },
     &PinWhere},
};

// --- docker_stages ------------------------------------------------------------------------

using Stage = RepoStage;
SourceLocation EntrypointWhere(const FactSet&, const ItemRef& i) {
  return As<Stage>(i).entrypoint_where;
}
const ItemField kStageFields[] = {
    {"dockerfile", ValueKind::kString, "the Dockerfile",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).dockerfile); },
     &Where<Stage>},
    {"index", ValueKind::kInt, "0-based stage number",
     [](const FactSet&, const ItemRef& i) { return Value::Int(As<Stage>(i).index); },
     &Where<Stage>},
    {"name", ValueKind::kString, "the stage name after AS (absent when unnamed)",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).name); }, &Where<Stage>},
    {"image", ValueKind::kString, "the base image, variables substituted",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).image); }, &Where<Stage>},
    {"is_final", ValueKind::kBool, "the last stage, what docker build produces",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Stage>(i).is_final); },
     &Where<Stage>},
    {"base_kind", ValueKind::kString,
     "beam-sdk, python, flex-template-launcher, cuda, distro or unknown",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).base_kind); },
     &Where<Stage>},
    {"distro", ValueKind::kString, "ubuntu22.04, debian12, ... when known",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).distro); }, &Where<Stage>},
    {"python", ValueKind::kVersion, "the stage's Python major.minor",
     [](const FactSet&, const ItemRef& i) { return VersionOf(As<Stage>(i).python); },
     &Where<Stage>},
    {"python_origin", ValueKind::kString, "how the stage's Python is known",
     [](const FactSet&, const ItemRef& i) { return OriginOf(As<Stage>(i).python); },
     &Where<Stage>},
    {"beam_container", ValueKind::kBool, "has Beam's boot files or boot entrypoint",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Stage>(i).beam_container); },
     &Where<Stage>},
    {"boot_files", ValueKind::kBool, "/opt/apache/beam is in the image",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Stage>(i).boot_files); },
     &Where<Stage>},
    {"boot_files_text", ValueKind::kString, "where /opt/apache/beam comes from, in words",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).boot_files_text); },
     &Where<Stage>},
    {"boot_entrypoint", ValueKind::kBool, "the effective ENTRYPOINT is /opt/apache/beam/boot",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Stage>(i).boot_entrypoint); },
     &EntrypointWhere},
    {"entrypoint_text", ValueKind::kString, "the effective ENTRYPOINT, in words",
     [](const FactSet&, const ItemRef& i) { return Text(As<Stage>(i).entrypoint_text); },
     &EntrypointWhere},
    {"missing_python_tools", ValueKind::kList,
     "apt packages a distro-based Beam image lacks: python-is-python3, python3-venv",
     [](const FactSet&, const ItemRef& i) { return Value::List(As<Stage>(i).missing_python_tools); },
     &Where<Stage>},
};

// --- python_expectations ----------------------------------------------------------------

using Expect = RepoPythonExpectation;
const ItemField kExpectationFields[] = {
    {"dockerfile", ValueKind::kString, "the Dockerfile",
     [](const FactSet&, const ItemRef& i) { return Text(As<Expect>(i).dockerfile); },
     &Where<Expect>},
    {"python", ValueKind::kVersion, "the final image's Python major.minor",
     [](const FactSet&, const ItemRef& i) {
       return Value::VersionOrAbsent(As<Expect>(i).python.value);
     },
     &Where<Expect>},
    {"python_origin", ValueKind::kString, "how the final image's Python is known",
     [](const FactSet&, const ItemRef& i) { return Text(As<Expect>(i).python.origin); },
     &Where<Expect>},
    {"expected", ValueKind::kString, "the Python it must match, as written",
     [](const FactSet&, const ItemRef& i) { return Text(As<Expect>(i).expected); },
     &Where<Expect>},
    {"expected_origin", ValueKind::kString, "where that expectation is written",
     [](const FactSet&, const ItemRef& i) { return Text(As<Expect>(i).expected_origin); },
     &Where<Expect>},
    {"admits", ValueKind::kBool, "the final image's Python satisfies the expectation",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Expect>(i).admits); },
     &Where<Expect>},
};

// --- pip_installs -------------------------------------------------------------------------

using Pip = RepoPipInstall;
const ItemField kPipFields[] = {
    {"dockerfile", ValueKind::kString, "the Dockerfile",
     [](const FactSet&, const ItemRef& i) { return Text(As<Pip>(i).dockerfile); }, &Where<Pip>},
    {"command", ValueKind::kString, "the installer as spelled: pip, python3 -m pip, uv pip",
     [](const FactSet&, const ItemRef& i) { return Text(As<Pip>(i).command); }, &Where<Pip>},
    {"installs_beam", ValueKind::kBool, "apache-beam is among the requirements (or -r files)",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Pip>(i).installs_beam); },
     &Where<Pip>},
    {"on_beam_image", ValueKind::kBool, "the stage is based on a Beam SDK image",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Pip>(i).on_beam_image); },
     &Where<Pip>},
    {"other_packages", ValueKind::kInt, "requirements other than apache-beam",
     [](const FactSet&, const ItemRef& i) { return Value::Int(As<Pip>(i).other_packages); },
     &Where<Pip>},
    {"has_constraints", ValueKind::kBool, "-c, PIP_CONSTRAINT or a -c line in a -r file",
     [](const FactSet&, const ItemRef& i) { return Bool(As<Pip>(i).has_constraints); },
     &Where<Pip>},
};

constexpr const char* kMissing = "no repository was scanned";
constexpr const char* kSupply = "run 'beamcompat lint' on the repository";

const FactCollection kCollections[] = {
    {"declared_requirements", "every requirement the repository declares", kMissing, kSupply,
     &HasRepo, &Enumerate<Req, &RepoFacts::requirements>, kRequirementFields},
    {"beam_images", "Beam SDK images named by FROM or COPY --from", kMissing, kSupply, &HasRepo,
     &Enumerate<Img, &RepoFacts::beam_images>, kImageFields},
    {"docker_stages", "every build stage of every Dockerfile", kMissing, kSupply, &HasRepo,
     &Enumerate<Stage, &RepoFacts::stages>, kStageFields},
    {"python_expectations", "what each final image's Python must match", kMissing, kSupply,
     &HasRepo, &Enumerate<Expect, &RepoFacts::python_expectations>, kExpectationFields},
    {"pip_installs", "every pip install a Dockerfile runs", kMissing, kSupply, &HasRepo,
     &Enumerate<Pip, &RepoFacts::pip_installs>, kPipFields},
};

}  // namespace

const FactDomain& RepoFactDomain() {
  static const FactDomain kDomain{{}, kCollections, {}};
  return kDomain;
}

}  // namespace beamcompat
