#include "lint/repo_facts_builder.h"

#include <doctest/doctest.h>

#include "base/file_system.h"
#include "base/message.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {
namespace {

RepoFacts Build(const InMemoryFileSystem& fs, Messages* messages) {
  std::vector<RepoFile> files = ScanRepository(fs, {"repo"}, [](const std::string&, bool) {
    return false;
  }, messages);
  return BuildRepoFacts(fs, files, messages);
}

}  // namespace

TEST_CASE("repo facts: a COPY'd requirements file gives the pin of the image's Beam") {
  InMemoryFileSystem fs;
  fs.AddFile("repo/docker/Dockerfile",
             "FROM python:3.10-slim\n"
             "COPY deps/requirements.txt /app/reqs.txt\n"
             "RUN pip install -r /app/reqs.txt\n"
             "COPY --from=apache/beam_python3.10_sdk:2.47.0 /opt/apache/beam /opt/apache/beam\n"
             "ENTRYPOINT [\"/opt/apache/beam/boot\"]\n");
  fs.AddFile("repo/docker/deps/requirements.txt", "apache-beam==2.48.0\nrequests==2.31.0\n");
  fs.AddFile("repo/other/requirements.txt", "apache-beam==2.40.0\n");
  Messages messages;
  RepoFacts facts = Build(fs, &messages);
  CHECK(MessageTexts(messages) == std::vector<std::string>{});
  REQUIRE(facts.beam_images.size() == 1);
  const RepoBeamImage& image = facts.beam_images[0];
  CHECK(image.instruction == "COPY --from");
  CHECK(image.name.beam_version == "2.47.0");
  REQUIRE(image.repo_beam_pin.has_value());
  CHECK(image.repo_beam_pin->value == "2.48.0");
  CHECK(image.repo_beam_pin->where.ToString() == "repo/docker/deps/requirements.txt:1:1");
  REQUIRE(facts.pip_installs.size() == 1);
  CHECK(facts.pip_installs[0].installs_beam);
  CHECK(facts.pip_installs[0].other_packages == 1);
  CHECK_FALSE(facts.pip_installs[0].has_constraints);
  REQUIRE(facts.stages.size() == 1);
  CHECK(facts.stages[0].boot_files);
  CHECK(facts.stages[0].boot_entrypoint);
  CHECK(facts.stages[0].python->value == "3.10");
  REQUIRE(facts.python_expectations.size() == 1);
  CHECK(facts.python_expectations[0].admits);
}

TEST_CASE("repo facts: declarations apply to Dockerfiles in their folder and below") {
  InMemoryFileSystem fs;
  fs.AddFile("repo/a/Dockerfile", "FROM apache/beam_python3.11_sdk:2.50.0\n");
  fs.AddFile("repo/a/pyproject.toml", "[project]\nrequires-python = \"<3.11\"\n");
  fs.AddFile("repo/b/Dockerfile", "FROM apache/beam_python3.11_sdk:2.50.0\n");
  fs.AddFile("repo/b/.python-version", "3.11\n");
  Messages messages;
  RepoFacts facts = Build(fs, &messages);
  REQUIRE(facts.python_expectations.size() == 2);
  CHECK(facts.python_expectations[0].dockerfile == "repo/a/Dockerfile");
  CHECK_FALSE(facts.python_expectations[0].admits);
  CHECK(facts.python_expectations[0].expected_origin == "requires-python (repo/a/pyproject.toml:2:19)");
  CHECK(facts.python_expectations[1].dockerfile == "repo/b/Dockerfile");
  CHECK(facts.python_expectations[1].admits);
  CHECK_FALSE(facts.beam_images[0].repo_beam_pin.has_value());
}

TEST_CASE("repo facts: stages inherit through FROM <stage>; CUDA bases need python tools") {
  InMemoryFileSystem fs;
  fs.AddFile("repo/Dockerfile",
             "FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04 AS base\n"
             "RUN apt-get update && apt-get install -y python3.11 python3.11-venv\n"
             "FROM base\n"
             "COPY --from=apache/beam_python3.11_sdk:2.50.0 /opt/apache/beam /opt/apache/beam\n"
             "ENTRYPOINT [\"/opt/apache/beam/boot\"]\n");
  Messages messages;
  RepoFacts facts = Build(fs, &messages);
  REQUIRE(facts.stages.size() == 2);
  const RepoStage& final_stage = facts.stages[1];
  CHECK(final_stage.is_final);
  CHECK(final_stage.base_kind == "cuda");
  CHECK(final_stage.python->value == "3.11");
  CHECK(final_stage.python->origin == "apt package python3.11");
  CHECK(final_stage.missing_python_tools == std::vector<std::string>{"python-is-python3"});
  CHECK(facts.stages[0].missing_python_tools.empty());  // not a Beam container
}

TEST_CASE("repo facts: a -r file the build context lacks is a note, not a guess") {
  InMemoryFileSystem fs;
  fs.AddFile("repo/Dockerfile",
             "FROM apache/beam_python3.11_sdk:2.50.0\nRUN pip install -r /opt/reqs.txt\n");
  Messages messages;
  RepoFacts facts = Build(fs, &messages);
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"repo/Dockerfile:2:20: note: '/opt/reqs.txt' is not in the "
                                 "build context as '/opt/reqs.txt'; its requirements were not "
                                 "read"});
  REQUIRE(facts.pip_installs.size() == 1);
  CHECK(facts.pip_installs[0].on_beam_image);
}

TEST_CASE("repo scanner: file kinds, skipped folders and explicit files") {
  CHECK(ClassifyRepoFile("Dockerfile") == RepoFileKind::kDockerfile);
  CHECK(ClassifyRepoFile("gpu.Dockerfile") == RepoFileKind::kDockerfile);
  CHECK(ClassifyRepoFile("Dockerfile.worker") == RepoFileKind::kDockerfile);
  CHECK(ClassifyRepoFile("Dockerfile-launcher") == RepoFileKind::kDockerfile);
  CHECK(ClassifyRepoFile("requirements-gpu.txt") == RepoFileKind::kRequirements);
  CHECK(ClassifyRepoFile("requirements.in") == RepoFileKind::kRequirements);
  CHECK(ClassifyRepoFile("constraints.txt") == RepoFileKind::kConstraints);
  CHECK(ClassifyRepoFile("notes.txt") == RepoFileKind::kNone);
  InMemoryFileSystem fs;
  fs.AddFile("r/Dockerfile", "");
  fs.AddFile("r/.venv/lib/requirements.txt", "");
  fs.AddFile("r/build/requirements.txt", "");
  fs.AddFile("r/extra.txt", "");
  fs.AddFile("r/README.md", "");
  Messages messages;
  auto files = ScanRepository(fs, {"r", "r/extra.txt", "r/README.md", "missing"},
                              [](const std::string& path, bool dir) {
                                return dir && path == "r/build";
                              },
                              &messages);
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "r/Dockerfile");
  CHECK(files[1].path == "r/extra.txt");
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "r/README.md: warning: not a file lint reads (Dockerfile, requirements, "
            "pyproject.toml, setup.py, setup.cfg, .python-version); skipped",
            "missing: error: no such file or directory"});
}

}  // namespace beamcompat
