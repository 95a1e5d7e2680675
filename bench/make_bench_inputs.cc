// Writes the benchmark inputs of `beamcompat facts` (and later `check`) into a directory:
// pipeline_2k.pb and pipeline_50k.pb (binary Pipelines of 2,000 and 50,000 transforms shaped
// like a large Dataflow job: composites and shuffles without payloads, and 45% ParDos and
// Combines carrying ~2 KB payloads made as the SDK makes them, base64(bz2(pickle)), of
// synthetic protocol-4 pickles naming a Beam class and one of 50 user modules; the 50k file
// is about 50 MB), and launch_150.txt / runtime_150.txt (two pip freeze lists of 150 packages that differ
// in a few versions). Deterministic: a fixed seed gives byte-identical files.
#include <bzlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "beam_runner_api.pb.h"

namespace {

namespace pb = org::apache::beam::model::pipeline::v1;

constexpr char kEnv[] = "ref_Environment_default_environment_1";

std::string Base64(const std::string& bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16 | static_cast<uint8_t>(bytes[i + 1]) << 8 |
                 static_cast<uint8_t>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
  }
  if (i < bytes.size()) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

void AddUnicode(std::string* pickle, const std::string& text) {
  *pickle += '\x8c';  // SHORT_BINUNICODE
  *pickle += static_cast<char>(text.size());
  *pickle += text;
  *pickle += '\x94';  // MEMOIZE
}

// A protocol-4 pickle like an SDK DoFn payload: two globals (Beam's wrapper and the user's
// function in one of 50 modules) and 1 KB of incompressible bytes standing in for code.
std::string SyntheticPickle(int i, std::mt19937* rng) {
  std::string body;
  AddUnicode(&body, "apache_beam.transforms.core");
  AddUnicode(&body, "CallableWrapperDoFn");
  body += "\x93\x94";  // STACK_GLOBAL, MEMOIZE
  AddUnicode(&body, "bench_module_" + std::to_string(i % 50));
  AddUnicode(&body, "process_" + std::to_string(i));
  body += "\x93\x94";
  std::string blob(1000, '\0');
  for (char& c : blob) c = static_cast<char>((*rng)() & 0xff);
  body += 'B';  // BINBYTES, 4-byte little-endian length
  for (int shift : {0, 8, 16, 24}) body += static_cast<char>((blob.size() >> shift) & 0xff);
  body += blob;
  body += "\x87\x94.";  // TUPLE3, MEMOIZE, STOP
  std::string pickle = "\x80\x04\x95";  // PROTO 4, FRAME with an 8-byte length
  for (int shift = 0; shift < 64; shift += 8) {
    pickle += static_cast<char>((body.size() >> shift) & 0xff);
  }
  return pickle + body;
}

// base64(bz2 level 9(pickle)), as the SDK's pickler writes payloads (about 2 KB of text).
std::string Base64Payload(int i, std::mt19937* rng) {
  std::string pickle = SyntheticPickle(i, rng);
  std::string compressed(pickle.size() + pickle.size() / 100 + 600, '\0');
  unsigned int length = static_cast<unsigned int>(compressed.size());
  if (BZ2_bzBuffToBuffCompress(compressed.data(), &length, pickle.data(),
                               static_cast<unsigned int>(pickle.size()), 9, 0, 0) != BZ_OK) {
    std::cerr << "make_bench_inputs: bz2 compression failed\n";
    std::exit(1);
  }
  compressed.resize(length);
  return Base64(compressed);
}

std::string ParDoPayload(int i, std::mt19937* rng) {
  pb::ParDoPayload payload;
  payload.mutable_do_fn()->set_urn("beam:dofn:pickled_python_info:v1");
  payload.mutable_do_fn()->set_payload(Base64Payload(i, rng));
  return payload.SerializeAsString();
}

std::string CombinePayload(int i, std::mt19937* rng) {
  pb::BytesValue wrapped;
  wrapped.set_value(Base64Payload(i, rng));
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
    t.mutable_spec()->set_payload(ParDoPayload(i, rng));
    t.set_environment_id(kEnv);
  } else if (kind == 8) {
    t.mutable_spec()->set_urn("beam:transform:combine_per_key:v1");
    t.mutable_spec()->set_payload(CombinePayload(i, rng));
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
