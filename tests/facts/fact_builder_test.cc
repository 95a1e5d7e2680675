#include "facts/fact_builder.h"

#include <doctest/doctest.h>

#include "base/message.h"

namespace beamcompat {
namespace {

PipelineEnvironment PythonEnv(const std::string& id, const std::string& image,
                              const std::string& python, const std::string& beam) {
  PipelineEnvironment env;
  env.id = id;
  env.urn = "beam:env:docker:v1";
  env.proto_path = "components.environments['" + id + "']";
  if (!image.empty()) env.image = ParseImageName(image);
  SdkBase sdk;
  sdk.capability = "beam:version:sdk_base:apache/beam_python" + python + "_sdk:" + beam;
  sdk.python = python;
  sdk.beam_version = beam;
  sdk.proto_path = env.proto_path + ".capabilities[13]";
  env.sdk_base = sdk;
  env.is_python = true;
  return env;
}

PipelineFacts Pipeline(std::vector<PipelineEnvironment> envs) {
  PipelineFacts pipeline;
  pipeline.file = "pipeline.pb";
  pipeline.format = "binary";
  pipeline.environments = std::move(envs);
  return pipeline;
}

PackageList List(PackageListFormat format, const std::string& beam_version,
                 const std::string& python = "") {
  PackageList list;
  list.file = "list.txt";
  list.format = format;
  Package beam;
  beam.name = "apache-beam";
  beam.key = "apache-beam";
  beam.version_text = beam_version;
  beam.where = AtLine("list.txt", 1);
  list.packages.push_back(beam);
  list.Reindex();
  if (!python.empty()) {
    list.python_version =
        Fact<std::string>{python, "pip inspect environment", AtPath("list.txt", "environment")};
  }
  return list;
}

std::string Describe(const std::optional<Fact<std::string>>& fact) {
  if (!fact) return "unknown";
  return fact->value + " from " + fact->origin + " at " + fact->where.ToString();
}

}  // namespace

TEST_CASE("fact builder: the pipeline alone gives launch from sdk_base, runtime from the image") {
  FactInputs inputs;
  inputs.pipeline = Pipeline({PythonEnv(
      "env", "gcr.io/cloud-dataflow/v1beta3/beam_python3.11_sdk:2.50.0", "3.11", "2.50.0rc1")});
  FactSet facts;
  Messages messages;
  REQUIRE(BuildFactSet(std::move(inputs), &facts, &messages));
  CHECK(messages.empty());
  CHECK(Describe(facts.launch.python) ==
        "3.11 from sdk_base capability at pipeline.pb: components.environments['env']."
        "capabilities[13]");
  CHECK(Describe(facts.launch.beam_version).substr(0, 34) == "2.50.0rc1 from sdk_base capability");
  CHECK(Describe(facts.runtime.python) ==
        "3.11 from container image name at pipeline.pb: components.environments['env'].payload");
  CHECK(Describe(facts.runtime.beam_version).substr(0, 34) == "2.50.0 from container image name a");
  REQUIRE(facts.runtime.image);
  CHECK(facts.runtime.image->origin == "pipeline docker environment");
  CHECK(facts.pipeline);
}

TEST_CASE("fact builder: flags win over every other source") {
  FactInputs inputs;
  inputs.launch_python_flag = "3.9.18";
  inputs.runtime_python_flag = "3.12";
  inputs.runtime_image_flag = "apache/beam_python3.12_sdk:2.57.0";
  inputs.pipeline = Pipeline({PythonEnv("env", "apache/beam_python3.10_sdk:2.56.0", "3.10", "2.56.0")});
  inputs.runtime_packages = List(PackageListFormat::kPipInspect, "2.56.0", "3.10.12");
  FactSet facts;
  Messages messages;
  REQUIRE(BuildFactSet(std::move(inputs), &facts, &messages));
  CHECK(Describe(facts.launch.python) == "3.9 from --launch-python flag at ");
  CHECK(Describe(facts.runtime.python) == "3.12 from --runtime-python flag at ");
  CHECK(facts.runtime.image->origin == "--runtime-image flag");
  CHECK(facts.runtime.image->value.raw == "apache/beam_python3.12_sdk:2.57.0");
  CHECK(Describe(facts.runtime.beam_version) == "2.57.0 from container image name at ");
}

TEST_CASE("fact builder: pip inspect's environment comes before the image, lists come last") {
  FactInputs inputs;
  inputs.pipeline = Pipeline({PythonEnv("env", "us-docker.pkg.dev/p/r/img:v1", "3.10", "2.56.0")});
  inputs.runtime_packages = List(PackageListFormat::kPipInspect, "2.55.1", "3.11.9");
  inputs.launch_packages = List(PackageListFormat::kFreeze, "2.56.0");
  FactSet facts;
  Messages messages;
  REQUIRE(BuildFactSet(std::move(inputs), &facts, &messages));
  CHECK(Describe(facts.runtime.python) ==
        "3.11 from pip inspect environment at list.txt: environment");
  // A custom image names no Beam version: the runtime list's apache-beam does.
  CHECK(Describe(facts.runtime.beam_version) ==
        "2.55.1 from apache-beam in package list at list.txt:1");
  CHECK(Describe(facts.launch.beam_version).substr(0, 31) == "2.56.0 from sdk_base capability");
  CHECK(facts.launch.packages->packages.size() == 1);
}

TEST_CASE("fact builder: package lists alone") {
  FactInputs inputs;
  inputs.launch_packages = List(PackageListFormat::kFreeze, "2.56.0");
  FactSet facts;
  Messages messages;
  REQUIRE(BuildFactSet(std::move(inputs), &facts, &messages));
  CHECK(Describe(facts.launch.python) == "unknown");
  CHECK(Describe(facts.launch.beam_version) ==
        "2.56.0 from apache-beam in package list at list.txt:1");
  CHECK_FALSE(facts.runtime.image);
  CHECK_FALSE(facts.pipeline);
}

TEST_CASE("fact builder: a malformed Python flag is an error naming the flag") {
  FactInputs inputs;
  inputs.runtime_python_flag = "py3";
  FactSet facts;
  Messages messages;
  CHECK_FALSE(BuildFactSet(std::move(inputs), &facts, &messages));
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].ToString() ==
        "error: --runtime-python 'py3' is not a Python version; expected X.Y, e.g. '3.10'");
}

TEST_CASE("fact builder: the environment most transforms use describes the job") {
  PipelineFacts pipeline = Pipeline({PythonEnv("a_unused", "", "3.9", "2.48.0"),
                                     PythonEnv("b_main", "", "3.10", "2.56.0")});
  TransformFacts transform;
  transform.environment_id = "b_main";
  pipeline.transforms = {transform, transform};
  CHECK(PrimaryPythonEnvironment(pipeline)->id == "b_main");

  FactInputs inputs;
  inputs.pipeline = pipeline;
  CHECK(PythonBeforePackages(inputs, Side::kLaunch) == "3.10");
  CHECK(PythonBeforePackages(inputs, Side::kRuntime) == std::nullopt);
  FactSet facts;
  Messages messages;
  REQUIRE(BuildFactSet(std::move(inputs), &facts, &messages));
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].ToString() ==
        "pipeline.pb: components.environments['a_unused'].capabilities[13]: warning: "
        "environment 'a_unused' has sdk_base "
        "'beam:version:sdk_base:apache/beam_python3.9_sdk:2.48.0' but 'b_main' has "
        "'beam:version:sdk_base:apache/beam_python3.10_sdk:2.56.0'; using 'b_main'");
}

}  // namespace beamcompat
