#include "input/staging_dir.h"

#include <doctest/doctest.h>

#include "base/file_system.h"
#include "base/message.h"

namespace beamcompat {

TEST_CASE("staging dir: artifacts are matched by staged name") {
  InMemoryFileSystem fs;
  fs.AddFile("stage/pipeline.pb", "x");
  fs.AddFile("stage/requirements.txt", "mylib==0.3.1\n");
  fs.AddFile("stage/submission_environment_dependencies.txt", "Python Path: /usr/bin/python3\n");
  fs.AddDirectory("stage/tmp");
  Messages messages;
  std::optional<StagingDir> staging = ReadStagingDir(fs, "stage", &messages);
  REQUIRE(staging);
  CHECK(messages.empty());
  CHECK(staging->files == std::vector<std::string>{
                              "pipeline.pb", "requirements.txt",
                              "submission_environment_dependencies.txt"});
  CHECK(staging->PathOf("requirements.txt") == "stage/requirements.txt");

  PipelineFacts pipeline;
  PipelineEnvironment env;
  StagedArtifact requirements, wheel, unnamed;
  requirements.staged_name = "requirements.txt";
  requirements.location = "gs://bucket/staging/other-name.txt";
  wheel.staged_name = "mylib-0.3.1-py3-none-any.whl";
  env.artifacts = {requirements, wheel, unnamed};
  pipeline.environments = {env};
  MatchStagedArtifacts(*staging, &pipeline);
  CHECK(pipeline.staging_dir == "stage");
  const auto& artifacts = pipeline.environments[0].artifacts;
  CHECK(artifacts[0].present_in_staging == true);
  CHECK(artifacts[1].present_in_staging == false);
  CHECK_FALSE(artifacts[2].present_in_staging.has_value());
}

TEST_CASE("staging dir: a missing dir, a file, or no pipeline.pb are errors") {
  InMemoryFileSystem fs;
  fs.AddFile("file.txt", "");
  fs.AddFile("empty/requirements.txt", "");
  Messages messages;
  CHECK_FALSE(ReadStagingDir(fs, "nope", &messages));
  CHECK_FALSE(ReadStagingDir(fs, "file.txt", &messages));
  CHECK_FALSE(ReadStagingDir(fs, "empty", &messages));
  REQUIRE(messages.all().size() == 3);
  CHECK(messages.all()[0].ToString() == "nope: error: staging directory 'nope' does not exist");
  CHECK(messages.all()[1].ToString() ==
        "file.txt: error: --staging expects a directory; 'file.txt' is not one");
  CHECK(messages.all()[2].ToString() ==
        "empty: error: no pipeline.pb in the staging directory; expected a downloaded staging "
        "location (pipeline.pb plus staged files)");
}

}  // namespace beamcompat
