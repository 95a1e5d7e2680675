#include "input/pipeline_reader.h"

#include <doctest/doctest.h>

#include <fstream>
#include <algorithm>
#include <sstream>
#include <string>

#include "base/file_system.h"
#include "base/message.h"
#include "facts/fact_dump.h"
#include "input/environment_reader.h"

namespace beamcompat {
namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Generated(const std::string& name) {
  return ReadBytes(std::string(BEAMCOMPAT_BINARY_DIR) + "/testdata/pipelines/" + name);
}

std::string Source(const std::string& name) {
  return ReadBytes(std::string(BEAMCOMPAT_SOURCE_DIR) + "/testdata/pipelines/" + name);
}

}  // namespace

// Every message as "file: path: level: text", one per line.
std::string AllMessages(const Messages& messages) {
  std::string out;
  for (const Message& m : messages.all()) out += m.ToString() + "\n";
  return out;
}

std::string ParseError(std::string contents) {
  Messages messages;
  std::optional<PipelineFacts> facts = ParsePipeline("pipeline.pb", std::move(contents), &messages);
  CHECK_FALSE(facts);
  CHECK(messages.error_count() == 1);
  return AllMessages(messages);
}

TEST_CASE("pipeline reader: a Dataflow wordcount's environment, artifacts and payloads") {
  Messages messages;
  std::optional<PipelineFacts> facts =
      ParsePipeline("pipeline.pb", Generated("dataflow_wordcount.pb"), &messages);
  REQUIRE(facts);
  CHECK(messages.empty());
  CHECK(facts->format == "binary");
  REQUIRE(facts->environments.size() == 1);
  const PipelineEnvironment& env = facts->environments[0];
  CHECK(env.id == "ref_Environment_default_environment_1");
  CHECK(env.urn == "beam:env:docker:v1");
  REQUIRE(env.image);
  CHECK(env.image->raw == "gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.56.0");
  CHECK(env.image->is_beam_sdk);
  REQUIRE(env.sdk_base);
  CHECK(env.sdk_base->python == "3.10");
  CHECK(env.sdk_base->beam_version == "2.56.0");
  CHECK(env.sdk_base->proto_path ==
        "components.environments['ref_Environment_default_environment_1'].capabilities[13]");
  CHECK(env.is_python);
  CHECK(env.capabilities.size() == 18);
  REQUIRE(env.artifacts.size() == 4);
  CHECK(env.artifacts[0].staged_name == "requirements.txt");
  CHECK(env.artifacts[0].location == "gs://my-bucket/staging/beamapp-dev-0518-ab12/requirements.txt");
  CHECK(env.artifacts[0].sha256.size() == 64);
  CHECK(env.artifacts[0].proto_path ==
        "components.environments['ref_Environment_default_environment_1'].dependencies[0]");
  CHECK(env.artifacts[3].staged_name == "submission_environment_dependencies.txt");
  CHECK(facts->FindEnvironment("ref_Environment_default_environment_1") == &env);

  REQUIRE(facts->transforms.size() == 9);
  CHECK(std::is_sorted(facts->transforms.begin(), facts->transforms.end(),
                       [](const auto& a, const auto& b) { return a.id < b.id; }));
  const TransformFacts& sum = facts->transforms[0];
  CHECK(sum.id == "ref_AppliedPTransform_Format_13");
  const TransformFacts& group = facts->transforms[2];  // "-" sorts before "_"
  CHECK(group.unique_name == "GroupAndSum");
  REQUIRE(group.payloads.size() == 1);
  CHECK(group.payloads[0].urn == "beam:combinefn:pickled_python:v1");
  CHECK(group.payloads[0].proto_path ==
        "components.transforms['ref_AppliedPTransform_GroupAndSum_11'].spec.payload.combine_fn."
        "payload");
  CHECK(group.payloads[0].encoded.substr(0, 13) == "QlpoOTFBWSZTW");  // BytesValue removed
  const TransformFacts& split = facts->transforms[6];
  CHECK(split.unique_name == "Split");
  REQUIRE(split.payloads.size() == 1);
  CHECK(split.payloads[0].urn == "beam:dofn:pickled_python_info:v1");
  CHECK(split.payloads[0].proto_path ==
        "components.transforms['ref_AppliedPTransform_Split_8'].spec.payload.do_fn.payload");
  CHECK(split.payloads[0].encoded.substr(0, 13) == "QlpoOTFBWSZTW");
  REQUIRE(facts->windowing_payloads.size() == 1);
  CHECK(facts->windowing_payloads[0].proto_path ==
        "components.windowing_strategies['ref_Windowing_Windowing_2'].window_fn.payload");
  CHECK(facts->requirements == std::vector<std::string>{"beam:requirement:pardo:splittable_dofn:v1"});
}

// What a payload observer is told, in order.
struct RecordingObserver : PayloadObserver {
  void Found(std::string_view encoded) override { found.push_back(encoded); }
  void Finished() override { ++finished; }
  void Abandon() override { ++abandoned; }
  std::vector<std::string_view> found;
  int finished = 0;
  int abandoned = 0;
};

TEST_CASE("pipeline reader: the payload observer hears of every transform payload") {
  Messages messages;
  RecordingObserver observer;
  std::optional<PipelineFacts> facts =
      ParsePipeline("pipeline.pb", Generated("dataflow_wordcount.pb"), &messages, &observer);
  REQUIRE(facts);
  std::vector<std::string_view> payloads;
  for (const TransformFacts& transform : facts->transforms) {
    for (const PickledPayload& payload : transform.payloads) payloads.push_back(payload.encoded);
  }
  REQUIRE(payloads.size() >= 5);
  // In the order of the file, not of the ids; the very views the facts keep.
  std::sort(payloads.begin(), payloads.end());
  std::sort(observer.found.begin(), observer.found.end());
  CHECK(observer.found == payloads);
  CHECK(observer.finished == 1);
  CHECK(observer.abandoned == 0);

  RecordingObserver broken;
  CHECK_FALSE(ParsePipeline("pipeline.pb", Source("corrupt/truncated.pb"), &messages, &broken));
  CHECK(broken.abandoned == 1);  // told before the bytes it may have seen are released
  CHECK(broken.finished == 0);
}

TEST_CASE("pipeline reader: text and JSON encodings give the same facts as binary") {
  Messages messages;
  auto binary = ParsePipeline("p", Generated("dataflow_wordcount.pb"), &messages);
  auto text = ParsePipeline("p", Source("dataflow_wordcount.textproto"), &messages);
  auto json = ParsePipeline("p", Source("dataflow_wordcount.json"), &messages);
  REQUIRE(binary);
  REQUIRE(text);
  REQUIRE(json);
  CHECK(messages.empty());
  CHECK(text->format == "text");
  CHECK(json->format == "json");
  FactSet a, b, c;
  a.pipeline = std::move(binary);
  b.pipeline = std::move(text);
  c.pipeline = std::move(json);
  auto without_format = [](const FactSet& set) {
    auto dump = FactSetToJson(set);
    dump["pipeline"].erase("format");
    return dump.dump();
  };
  CHECK(without_format(a) == without_format(b));
  CHECK(without_format(a) == without_format(c));
}

TEST_CASE("pipeline reader: JSON with the original snake_case field names") {
  // DockerPayload{container_image: "apache/beam_python3.10_sdk:2.48.0"}, base64 as JSON bytes.
  const char* json = R"({"components": {
    "transforms": {"t": {"unique_name": "Create", "environment_id": "e",
                         "spec": {"urn": "beam:transform:impulse:v1"}}},
    "environments": {"e": {"urn": "beam:env:docker:v1",
        "payload": "CiFhcGFjaGUvYmVhbV9weXRob24zLjEwX3NkazoyLjQ4LjA=",
        "capabilities": ["beam:version:sdk_base:apache/beam_python3.10_sdk:2.48.0"],
        "display_data": [{"urn": "beam:display_data:labelled:v1"}]}}},
    "root_transform_ids": ["t"]})";
  Messages messages;
  auto facts = ParsePipeline("pipeline.json", json, &messages);
  REQUIRE(facts);
  CHECK(AllMessages(messages) == "");
  REQUIRE(facts->environments.size() == 1);
  CHECK(facts->environments[0].image->raw == "apache/beam_python3.10_sdk:2.48.0");
  CHECK(facts->environments[0].sdk_base->beam_version == "2.48.0");
  CHECK(facts->transforms[0].environment_id == "e");
}

TEST_CASE("pipeline reader: text format as protobuf prints it, with fields beamcompat skips") {
  const char* text = R"(# written by text_format.MessageToString
components {
  pcollections {
    key: "ref_PCollection_PCollection_1"
    value { unique_name: "Create/Impulse.None" coder_id: "c" is_bounded: BOUNDED }
  }
  transforms {
    key: "t"
    value {
      spec { urn: "beam:transform:impulse:v1" }
      unique_name: "Create/Impulse"
      display_data [{ urn: "beam:display_data:labelled:v1" payload: "\n\005label" }]
      annotations [{ key: "beam:annotation:x" value: "1" }]
      future_field_from_a_newer_beam { nested: 1 }
    }
  }
}
display_data { urn: "beam:display_data:labelled:v1" }
)";
  Messages messages;
  auto facts = ParsePipeline("pipeline.textproto", text, &messages);
  REQUIRE(facts);
  CHECK(messages.empty());
  REQUIRE(facts->transforms.size() == 1);
  CHECK(facts->transforms[0].unique_name == "Create/Impulse");

  auto with_bom = ParsePipeline("bom.textproto", "\xEF\xBB\xBF" + std::string(text), &messages);
  REQUIRE(with_bom);
  CHECK(with_bom->format == "text");
  CHECK(messages.empty());
}

TEST_CASE("pipeline reader: format detection from content") {
  CHECK(DetectPipelineFormat("{\"components\": {}}") == PipelineFormat::kJson);
  CHECK(DetectPipelineFormat("\xEF\xBB\xBF  \n {") == PipelineFormat::kJson);
  CHECK(DetectPipelineFormat("# comment\ncomponents {\n}\n") == PipelineFormat::kText);
  CHECK(DetectPipelineFormat("requirements: \"caf\xC3\xA9\"") == PipelineFormat::kText);
  CHECK(DetectPipelineFormat(std::string("\x0a\x05\x0a\x03", 4)) == PipelineFormat::kBinary);
  CHECK(DetectPipelineFormat("requirements: \"\xff\"") == PipelineFormat::kBinary);
}

TEST_CASE("pipeline reader: unusable input gives one located error") {
  CHECK(ParseError("") ==
        "pipeline.pb: error: empty file; expected a Beam pipeline (binary, text or JSON "
        "Pipeline)\n");
  CHECK(ParseError(Source("corrupt/truncated.pb")) ==
        "pipeline.pb: components.transforms['ref_AppliedPTransform_Format_13'].spec.payload: "
        "error: not a binary Beam pipeline: truncated field (length 151 at byte 2543, only 85 "
        "bytes left)\n");
  CHECK(ParseError(Source("corrupt/random.pb")) ==
        "pipeline.pb: error: not a binary Beam pipeline: invalid wire type 7 at byte 11\n");
  CHECK(ParseError(std::string("\x22\x01\xff", 3)) ==
        "pipeline.pb: requirements[0]: error: not a binary Beam pipeline: invalid UTF-8 in a "
        "string field at byte 2\n");
  CHECK(ParseError("components {\n  transforms {\n    key: \"t\"\n    value { spec { urn: 12 } }\n") ==
        "pipeline.pb:4:25: error: expected string, got: 12\n");
  CHECK(ParseError("hello world") == "pipeline.pb:1:7: error: expected \"{\", found \"world\".\n");
  CHECK(ParseError(R"({"components": {"transforms": {"t": {"uniqueName": 5}}}})") ==
        "pipeline.pb: error: not a JSON Beam pipeline: (components.transforms[0].value."
        "unique_name): invalid value 5 for type TYPE_STRING\n");
  CHECK(ParseError(R"({"components": )") ==
        "pipeline.pb: error: not a JSON Beam pipeline: unexpected end of string. Expected a "
        "value.\n");
  CHECK(ParseError(R"({"name": "my-job", "steps": []})") ==
        "pipeline.pb: error: no transforms and no environments in this json pipeline; is it a "
        "Beam Pipeline?\n");
}

TEST_CASE("pipeline reader: a nested payload that does not parse is a warning") {
  Messages messages;
  auto facts = ParsePipeline("pipeline.pb", Generated("broken_payloads.pb"), &messages);
  REQUIRE(facts);
  CHECK(AllMessages(messages) ==
        "pipeline.pb: components.environments['ref_Environment_default_environment_1']."
        "dependencies[0].type_payload.url: warning: cannot read ArtifactUrlPayload: truncated "
        "field (length 255 at byte 0, only 8 bytes left)\n"
        "pipeline.pb: components.transforms['ref_AppliedPTransform_Cut_2'].spec.payload.do_fn."
        "payload: warning: cannot read ParDoPayload: truncated field (length 108 at byte 37, only "
        "1 byte left)\n");
  // Reading went on: the artifact keeps its staged name, the good transform its payload.
  CHECK(facts->environments[0].artifacts[0].staged_name == "requirements.txt");
  CHECK(facts->transforms[1].payloads.size() == 1);
}

TEST_CASE("pipeline reader: anyof, external and cross-language environments") {
  Messages messages;
  auto portable = ParsePipeline("p", Generated("portable_external.pb"), &messages);
  REQUIRE(portable);
  REQUIRE(portable->environments.size() == 4);
  CHECK(portable->environments[0].id == "anyof_env");
  CHECK(portable->environments[1].id == "anyof_env/anyof[0]");
  CHECK(portable->environments[1].anyof_parent == "anyof_env");
  CHECK(portable->environments[1].image->raw == "apache/beam_python3.11_sdk:2.56.0");
  CHECK(portable->environments[2].urn == "beam:env:process:v1");
  CHECK(portable->environments[3].urn == "beam:env:external:v1");
  CHECK(portable->environments[3].is_python);
  const TransformFacts& stateful = portable->transforms[3];
  REQUIRE(stateful.payloads.size() == 2);
  CHECK(stateful.payloads[1].proto_path ==
        "components.transforms['ref_AppliedPTransform_Stateful_30'].spec.payload.state_specs["
        "'count'].combining_spec.combine_fn.payload");

  auto cross = ParsePipeline("p", Generated("cross_language.pb"), &messages);
  REQUIRE(cross);
  CHECK(messages.empty());
  const PipelineEnvironment* java = cross->FindEnvironment("beam:env:docker:v1_java");
  REQUIRE(java);
  CHECK_FALSE(java->is_python);
  CHECK(java->sdk_base->beam_version == "2.56.0");
  CHECK(java->sdk_base->python == "");
  CHECK_FALSE(java->image->is_beam_sdk);
}

TEST_CASE("pipeline reader: payload views outlive the input buffer and copies of the facts") {
  Messages messages;
  std::optional<PipelineFacts> copy;
  {
    auto facts = ParsePipeline("p", Generated("dataflow_wordcount.pb"), &messages);
    REQUIRE(facts);
    copy = *facts;
  }
  std::string encoded(copy->transforms[6].payloads[0].encoded);
  CHECK(encoded.size() > 100);
  CHECK(encoded.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
        std::string::npos);
}

TEST_CASE("pipeline reader: LoadPipeline reports unreadable files by name") {
  InMemoryFileSystem fs;
  fs.AddDirectory("staging");
  Messages messages;
  CHECK_FALSE(LoadPipeline(fs, "staging", &messages));
  CHECK_FALSE(LoadPipeline(fs, "nope.pb", &messages));
  CHECK(AllMessages(messages) ==
        "staging: error: 'staging' is a directory, expected a file\n"
        "nope.pb: error: cannot read 'nope.pb': no such file or directory\n");
}

TEST_CASE("sdk_base capability parsing splits at the last colon") {
  auto rc = ParseSdkBase("beam:version:sdk_base:apache/beam_python3.11_sdk:2.50.0rc1");
  REQUIRE(rc);
  CHECK(rc->python == "3.11");
  CHECK(rc->beam_version == "2.50.0rc1");
  auto dev = ParseSdkBase("beam:version:sdk_base:apache/beam_python3.12_sdk:2.61.0.dev0");
  CHECK(dev->beam_version == "2.61.0.dev0");
  auto registry = ParseSdkBase("beam:version:sdk_base:localhost:5000/apache/beam_python3.10_sdk:2.48.0");
  CHECK(registry->python == "");
  CHECK(registry->beam_version == "2.48.0");
  CHECK_FALSE(ParseSdkBase("beam:version:sdk_base:apache/beam_python3.10_sdk"));
  CHECK_FALSE(ParseSdkBase("beam:protocol:worker_status:v1"));
}

}  // namespace beamcompat
