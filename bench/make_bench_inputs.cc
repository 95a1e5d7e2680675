// Writes the benchmark inputs of `beamcompat facts` (and later `check`) into a directory:
// pipeline_2k.pb and pipeline_50k.pb (binary Pipelines of 2,000 and 50,000 transforms shaped
// like a large Dataflow job: composites and shuffles without payloads, and 45% ParDos and
// Combines carrying 2 KB base64 pickled payloads that start with the bz2 magic, as the SDK's
// do; the 50k file is about 50 MB), and launch_150.txt / runtime_150.txt (two pip freeze lists of 150 packages that differ
// in a few versions). Deterministic: a fixed seed gives byte-identical files.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "beam_runner_api.pb.h"

namespace {

namespace pb = org::apache::beam::model::pipeline::v1;

constexpr char kEnv[] = "ref_Environment_default_environment_1";
constexpr size_t kPayloadChars = 2000;

std::string Base64Payload(std::mt19937* rng) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text = "QlpoOTFBWSZTW";  // base64 of "BZh91AY&SY": bz2 level 9
  std::uniform_int_distribution<int> pick(0, 63);
  while (text.size() < kPayloadChars) text += kAlphabet[pick(*rng)];
  return text;
}

std::string ParDoPayload(std::mt19937* rng) {
  pb::ParDoPayload payload;
  payload.mutable_do_fn()->set_urn("beam:dofn:pickled_python_info:v1");
  payload.mutable_do_fn()->set_payload(Base64Payload(rng));
  return payload.SerializeAsString();
}

std::string CombinePayload(std::mt19937* rng) {
  pb::BytesValue wrapped;
  wrapped.set_value(Base64Payload(rng));
  pb::CombinePayload payload;
  payload.mutable_combine_fn()->set_urn("beam:combinefn:pickled_python:v1");
  payload.mutable_combine_fn()->set_payload(wrapped.SerializeAsString());
  payload.set_accumulator_coder_id("ref_Coder_VarIntCoder_3");
  return payload.SerializeAsString();
}

void AddEnvironment(pb::Components* components) {
  pb::Environment& env = (*components->mutable_environments())[kEnv];
  env.set_urn("beam:env:docker:v1");
  pb::DockerPayload docker;
  docker.set_container_image("gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.56.0");
  env.set_payload(docker.SerializeAsString());
  for (const char* capability :
       {"beam:coder:bytes:v1", "beam:coder:varint:v1", "beam:protocol:worker_status:v1",
        "beam:version:sdk_base:apache/beam_python3.10_sdk:2.56.0",
        "beam:protocol:sibling_workers:v1"}) {
    env.add_capabilities(capability);
  }
  for (const char* name : {"requirements.txt", "pickled_main_session",
                           "submission_environment_dependencies.txt"}) {
    pb::ArtifactInformation* artifact = env.add_dependencies();
    artifact->set_type_urn("beam:artifact:type:url:v1");
    pb::ArtifactUrlPayload url;
    url.set_url(std::string("gs://bench-bucket/staging/") + name);
    artifact->set_type_payload(url.SerializeAsString());
    artifact->set_role_urn("beam:artifact:role:staging_to:v1");
    pb::ArtifactStagingToRolePayload role;
    role.set_staged_name(name);
    artifact->set_role_payload(role.SerializeAsString());
  }
}

// Transform i: 40% ParDo, 5% Combine (both with a pickled payload), the rest composites,
// GroupByKeys and Flattens without one.
void AddTransform(int i, std::mt19937* rng, pb::Components* components) {
  std::string id = "ref_AppliedPTransform_Step" + std::to_string(i) + "-Map-lambda_" +
                   std::to_string(i + 4);
  pb::PTransform& t = (*components->mutable_transforms())[id];
  t.set_unique_name("Stage" + std::to_string(i / 10) + "/Step" + std::to_string(i));
  (*t.mutable_inputs())["None"] = "ref_PCollection_PCollection_" + std::to_string(i);
  (*t.mutable_outputs())["None"] = "ref_PCollection_PCollection_" + std::to_string(i + 1);
  int kind = i % 20;
  if (kind < 8) {
    t.mutable_spec()->set_urn("beam:transform:pardo:v1");
    t.mutable_spec()->set_payload(ParDoPayload(rng));
    t.set_environment_id(kEnv);
  } else if (kind == 8) {
    t.mutable_spec()->set_urn("beam:transform:combine_per_key:v1");
    t.mutable_spec()->set_payload(CombinePayload(rng));
    t.set_environment_id(kEnv);
  } else if (kind < 13) {
    t.mutable_spec()->set_urn("beam:transform:group_by_key:v1");
  } else if (kind == 13) {
    t.mutable_spec()->set_urn("beam:transform:flatten:v1");
  } else {
    t.add_subtransforms("ref_AppliedPTransform_Step" + std::to_string(i + 1));
  }
}

bool WritePipeline(const std::string& path, int transforms) {
  std::mt19937 rng(20240518);
  pb::Pipeline pipeline;
  AddEnvironment(pipeline.mutable_components());
  for (int i = 0; i < transforms; ++i) AddTransform(i, &rng, pipeline.mutable_components());
  pipeline.add_root_transform_ids("ref_AppliedPTransform_Step0-Map-lambda_4");
  std::ofstream out(path, std::ios::binary);
  return pipeline.SerializeToOstream(&out) && out.good();
}

bool WriteFreeze(const std::string& path, bool runtime) {
  static const char* kNames[] = {"apache-beam", "protobuf", "numpy", "pyarrow", "dill",
                                 "cloudpickle", "grpcio", "google-cloud-storage", "requests",
                                 "PyYAML"};
  std::ofstream out(path);
  for (int i = 0; i < 150; ++i) {
    std::string name = i < 10 ? kNames[i] : "bench-package-" + std::to_string(i);
    int minor = (runtime && i % 17 == 1) ? i % 9 + 1 : i % 9;  // a few versions differ
    std::string version = i == 0 ? "2.56.0" : std::to_string(1 + i % 5) + "." +
                                                  std::to_string(minor) + "." +
                                                  std::to_string(i % 4);
    out << name << "==" << version << "\n";
  }
  return out.good();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_bench_inputs OUT_DIR\n";
    return 2;
  }
  std::string dir = argv[1];
  bool ok = WritePipeline(dir + "/pipeline_2k.pb", 2000) &&
            WritePipeline(dir + "/pipeline_50k.pb", 50000) &&
            WriteFreeze(dir + "/launch_150.txt", false) &&
            WriteFreeze(dir + "/runtime_150.txt", true);
  if (!ok) std::cerr << "make_bench_inputs: cannot write to " << dir << "\n";
  return ok ? 0 : 1;
}
