#include "input/raw_pipeline.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/message.h"
#include "input/pipeline_reader.h"

namespace beamcompat {
namespace {

// Serializes a length-delimited field (lengths < 128 only, enough for these tests).
std::string Field(int number, const std::string& bytes) {
  return std::string(1, static_cast<char>(number << 3 | 2)) +
         std::string(1, static_cast<char>(bytes.size())) + bytes;
}

std::string TransformEntry(const std::string& id, const std::string& unique_name) {
  std::string transform = Field(1, Field(1, "beam:transform:flatten:v1")) + Field(5, unique_name);
  return Field(1, Field(1, id) + Field(2, transform));  // Components.transforms entry
}

}  // namespace

TEST_CASE("raw pipeline: keys sort by bytes and a repeated key keeps its last value") {
  std::vector<std::string_view> keys = {"ref_b", "ref_a", "ref_b", "ref_", "ref_ab"};
  CHECK(SortedLastWins(keys) == std::vector<size_t>{3, 1, 4, 2});
  CHECK(SortedLastWins({}).empty());
  std::vector<std::string_view> long_prefix = {"same_prefix_12345678_b", "same_prefix_12345678_a",
                                               "same_prefix_1234567"};
  CHECK(SortedLastWins(long_prefix) == std::vector<size_t>{2, 1, 0});
}

TEST_CASE("raw pipeline: a transform id repeated on the wire is read once, last value wins") {
  // Three Pipeline.components fields: protobuf merges them, and so does the reader.
  std::string pipeline = Field(1, TransformEntry("t2", "Second")) +
                         Field(1, TransformEntry("t1", "First")) +
                         Field(1, TransformEntry("t2", "Second again"));
  Messages messages;
  auto facts = ParsePipeline("pipeline.pb", pipeline, &messages);
  REQUIRE(facts);
  REQUIRE(facts->transforms.size() == 2);
  CHECK(facts->transforms[0].id == "t1");
  CHECK(facts->transforms[0].unique_name == "First");
  CHECK(facts->transforms[1].id == "t2");
  CHECK(facts->transforms[1].unique_name == "Second again");
  CHECK(facts->transforms[1].proto_path() == "components.transforms['t2']");
}

TEST_CASE("raw pipeline: the file order of the transforms is kept beside their id order") {
  std::string pipeline = Field(1, TransformEntry("t2", "Second")) +
                         Field(1, TransformEntry("t1", "First")) +
                         Field(1, TransformEntry("t2", "Second again")) +
                         Field(1, TransformEntry("t0", "Zeroth"));
  Messages messages;
  auto facts = ParsePipeline("pipeline.pb", pipeline, &messages);
  REQUIRE(facts);
  REQUIRE(facts->transforms.size() == 3);  // t0, t1, t2 (its last value)
  // On the wire: t1, then t2's kept value, then t0; t2's first value is not a transform.
  CHECK(facts->file_order == std::vector<uint32_t>{1, 2, 0});
}

TEST_CASE("raw pipeline: SplitTransform views spec, name and environment, rejecting bad UTF-8") {
  std::string spec = Field(1, "beam:transform:pardo:v1") + Field(3, "payload");
  RawTransform transform;
  std::string bytes = Field(1, spec) + Field(5, "Split") + Field(7, "env");
  REQUIRE(SplitTransform(bytes, &transform));
  CHECK(transform.urn == "beam:transform:pardo:v1");
  CHECK(transform.payload == "payload");
  CHECK(transform.unique_name == "Split");
  CHECK(transform.environment_id == "env");
  CHECK_FALSE(SplitTransform(Field(5, "Spl\xff"), &transform));
  CHECK_FALSE(SplitTransform(std::string("\x2a\x09", 2), &transform));

  Messages messages;
  CHECK_FALSE(ParsePipeline("pipeline.pb",
                            Field(1, Field(1, Field(1, "t") + Field(2, Field(5, "Spl\xff")))),
                            &messages));
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].ToString() ==
        "pipeline.pb: components.transforms['t'].unique_name: error: not a binary Beam pipeline: "
        "invalid UTF-8 in a string field at byte 14");
}

}  // namespace beamcompat
