#include "input/wire_diagnosis.h"

#include <doctest/doctest.h>

#include <string>

#include "beam_runner_api.pb.h"

namespace beamcompat {
namespace {

namespace pb = org::apache::beam::model::pipeline::v1;

std::string Describe(const std::optional<WireProblem>& problem) {
  return problem ? problem->path + ": " + problem->text : "none";
}

}  // namespace

TEST_CASE("wire diagnosis: valid bytes have no problem") {
  pb::Pipeline pipeline;
  (*pipeline.mutable_components()->mutable_transforms())["t"].set_unique_name("Create");
  pipeline.add_requirements("beam:requirement:pardo:stateful:v1");
  CHECK(Describe(FindWireProblem(*pb::Pipeline::descriptor(), pipeline.SerializeAsString())) ==
        "none");
}

TEST_CASE("wire diagnosis: names map keys, repeated indices and the cut field") {
  pb::Environment env;
  env.set_urn("beam:env:docker:v1");
  env.add_capabilities("beam:coder:bytes:v1");
  env.add_capabilities("beam:coder:varint:v1");
  pb::Pipeline pipeline;
  (*pipeline.mutable_components()->mutable_environments())["py"] = env;
  std::string bytes = pipeline.SerializeAsString();
  // Cut inside the second capability: every enclosing length now overruns the data.
  std::string cut = bytes.substr(0, bytes.size() - 3);
  CHECK(Describe(FindWireProblem(*pb::Pipeline::descriptor(), cut)) ==
        "components.environments['py'].capabilities[1]: truncated field (length 20 at byte 51, "
        "only 17 bytes left)");
  // Bad UTF-8 in the first capability, offsets counted from base_offset.
  std::string bad = bytes;
  bad[bytes.find("bytes")] = '\xff';
  CHECK(Describe(FindWireProblem(*pb::Pipeline::descriptor(), bad, 100)) ==
        "components.environments['py'].capabilities[0]: invalid UTF-8 in a string field at "
        "byte 143");
}

TEST_CASE("wire diagnosis: a broken top level has an empty path") {
  CHECK(Describe(FindWireProblem(*pb::Pipeline::descriptor(), std::string("\x0f", 1))) ==
        ": invalid wire type 7 at byte 0");
}

}  // namespace beamcompat
