#include "lint/dockerfile_reader.h"

#include <doctest/doctest.h>

#include "support/message_texts.h"
#include "support/string_vector.h"

#include "base/message.h"
#include "lint/dockerfile_lines.h"

namespace beamcompat {
namespace {

}  // namespace

TEST_CASE("dockerfile reader: multi-stage build with ARG-templated images") {
  const char* text = R"(# syntax=docker/dockerfile:1.6
ARG BEAM_VERSION=2.48.0
ARG PY=3.10
FROM --platform=linux/amd64 apache/beam_python${PY}_sdk:${BEAM_VERSION} AS beam
FROM python:${PY}-slim AS final
ARG BEAM_VERSION
COPY --from=beam /opt/apache/beam /opt/apache/beam
COPY --from=apache/beam_python3.10_sdk:${BEAM_VERSION:-2.50.0} /opt/apache/beam/boot /boot
ENV A=1 B="two words"
ENV LEGACY value with spaces
ENV PATH=/opt/venv/bin:$PATH
ENTRYPOINT ["/opt/apache/beam/boot"]
)";
  Messages messages;
  Dockerfile df = ReadDockerfile("Dockerfile", text, &messages);
  CHECK(messages.empty());
  CHECK(df.syntax == "docker/dockerfile:1.6");
  REQUIRE(df.global_args.size() == 2);
  REQUIRE(df.stages.size() == 2);
  const DockerStage& beam = df.stages[0];
  CHECK(beam.name == "beam");
  CHECK(beam.platform == "linux/amd64");
  CHECK(beam.image_raw == "apache/beam_python${PY}_sdk:${BEAM_VERSION}");
  CHECK(beam.image == "apache/beam_python3.10_sdk:2.48.0");
  CHECK(beam.image_where.ToString() == "Dockerfile:4:29");
  const DockerStage& final_stage = df.stages[1];
  CHECK(final_stage.image == "python:3.10-slim");
  REQUIRE(final_stage.args.size() == 1);
  CHECK(final_stage.args[0].default_value == "2.48.0");
  REQUIRE(final_stage.copies.size() == 2);
  CHECK(final_stage.copies[0].from_stage == 0);
  CHECK(final_stage.copies[0].sources == std::vector<std::string>{"/opt/apache/beam"});
  CHECK(final_stage.copies[1].from == "apache/beam_python3.10_sdk:2.48.0");
  CHECK(final_stage.copies[1].from_stage == -1);
  CHECK(final_stage.copies[1].from_where.ToString() == "Dockerfile:8:13");
  REQUIRE(final_stage.env.size() == 4);
  CHECK(final_stage.env[3].value == "/opt/venv/bin:");  // the base image's PATH is unknown
  CHECK(final_stage.env[1].value == "two words");
  CHECK(final_stage.env[2].name == "LEGACY");
  CHECK(final_stage.env[2].value == "value with spaces");
  REQUIRE(final_stage.entrypoint.has_value());
  CHECK(final_stage.entrypoint->json_form);
  CHECK(final_stage.entrypoint->argv == std::vector<std::string>{"/opt/apache/beam/boot"});
  CHECK(final_stage.entrypoint->where.ToString() == "Dockerfile:12:1");
}

TEST_CASE("dockerfile reader: a global ARG not redeclared in the stage is empty there") {
  const char* text =
      "ARG BEAM_VERSION=2.48.0\n"
      "FROM ubuntu:22.04\n"
      "COPY --from=apache/beam_python3.10_sdk:${BEAM_VERSION} /opt/apache/beam /opt/apache/beam\n";
  Messages messages;
  Dockerfile df = ReadDockerfile("Dockerfile", text, &messages);
  CHECK(df.stages[0].copies[0].from == "apache/beam_python3.10_sdk:");
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "Dockerfile:3:13: warning: variable 'BEAM_VERSION' in COPY --from has no value here "
            "(a global ARG must be redeclared inside the stage)"});
}

TEST_CASE("dockerfile reader: continued RUN with comments, pip and apt installs located") {
  const char* text =
      "FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04\n"
      "RUN apt-get update \\\n"
      "    # the interpreter the workers use\n"
      "    && apt-get install -y python3.11 python3.11-venv \\\n"
      "    && python3.11 -m pip install --no-cache-dir \\\n"
      "       -r requirements.txt -c constraints.txt apache-beam[gcp]==2.48.0\n"
      "RUN ln -s /usr/bin/python3.11 /usr/bin/python\n";
  Messages messages;
  Dockerfile df = ReadDockerfile("gpu.Dockerfile", text, &messages);
  CHECK(messages.empty());
  REQUIRE(df.stages.size() == 1);
  const DockerStage& stage = df.stages[0];
  REQUIRE(stage.apt_installs.size() == 1);
  CHECK(stage.apt_installs[0].packages == std::vector<std::string>{"python3.11", "python3.11-venv"});
  CHECK(stage.apt_installs[0].package_where[1].ToString() == "gpu.Dockerfile:4:38");
  REQUIRE(stage.pip_installs.size() == 1);
  const DockerPipInstall& pip = stage.pip_installs[0];
  CHECK(pip.installer == "python3.11 -m pip");
  CHECK(pip.where.ToString() == "gpu.Dockerfile:5:8");
  REQUIRE(pip.arguments.size() == 3);
  CHECK(pip.arguments[0].text == "requirements.txt");
  CHECK(pip.arguments[0].where.ToString() == "gpu.Dockerfile:6:11");
  CHECK(pip.arguments[2].where.ToString() == "gpu.Dockerfile:6:47");
  CHECK(stage.symlinks == std::vector<std::string>{"/usr/bin/python"});
}

TEST_CASE("dockerfile reader: heredoc scripts, backtick escape and JSON over several lines") {
  const char* text =
      "# escape=`\n"
      "FROM python:3.11-slim\n"
      "ARG BEAM=2.56.0\n"
      "RUN <<EOF\n"
      "set -e\n"
      "pip install apache-beam==${BEAM}\n"
      "EOF\n"
      "COPY <<EOF /etc/conf\n"
      "pip install not-a-command\n"
      "EOF\n"
      "ENTRYPOINT [ `\n"
      "  \"/opt/apache/beam/boot\" `\n"
      "]\n"
      "HEALTHCHECK CMD true\n";
  Messages messages;
  Dockerfile df = ReadDockerfile("Dockerfile", text, &messages);
  CHECK(MessageTexts(messages) == std::vector<std::string>{});
  CHECK(df.escape == '`');
  const DockerStage& stage = df.stages[0];
  REQUIRE(stage.copies.size() == 1);
  CHECK(stage.copies[0].sources == std::vector<std::string>{"<<EOF"});
  REQUIRE(stage.pip_installs.size() == 1);
  CHECK(stage.pip_installs[0].arguments[0].text == "apache-beam==2.56.0");
  CHECK(stage.pip_installs[0].arguments[0].where.ToString() == "Dockerfile:6:13");
  REQUIRE(stage.entrypoint.has_value());
  CHECK(stage.entrypoint->json_form);
  CHECK(stage.entrypoint->argv == std::vector<std::string>{"/opt/apache/beam/boot"});
  CHECK(stage.entrypoint->where.ToString() == "Dockerfile:11:1");
}

TEST_CASE("dockerfile reader: broken input becomes warnings, never an error") {
  const char* text =
      "RUN echo before any stage\n"
      "FROM ${BASE}\n"
      "ENTRYPOINT ['/opt/apache/beam/boot']\n"
      "COPY onlyone\n"
      "RUN pip install \\\n";
  Messages messages;
  Dockerfile df = ReadDockerfile("Dockerfile", text, &messages);
  CHECK_FALSE(messages.has_errors());
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "Dockerfile:1:1: warning: 'RUN' before the first FROM is not part of any stage; skipped",
            "Dockerfile:2:6: warning: variable 'BASE' in FROM has no value here (declare it with "
            "ARG before the first FROM)",
            "Dockerfile:3:12: warning: 'ENTRYPOINT' looks like a JSON array but is not valid JSON "
            "(use double quotes); Docker runs it as a shell command",
            "Dockerfile:4:1: warning: COPY needs a source and a destination; skipped",
            "Dockerfile:5:1: warning: the file ends with a line continuation; the last "
            "instruction was read as it is",
        });
  REQUIRE(df.stages.size() == 1);
  CHECK_FALSE(df.stages[0].entrypoint->json_form);
  CHECK(df.stages[0].pip_installs.size() == 1);
}

TEST_CASE("dockerfile reader: BuildKit's platform variables need no ARG in FROM") {
  const char* text =
      "FROM --platform=$BUILDPLATFORM python:3.11-slim AS build\n"
      "FROM --platform=${TARGETPLATFORM} apache/beam_python3.11_sdk:2.56.0\n"
      "FROM --platform=$TARGETARCHITECTURE python:3.11-slim\n";
  Messages messages;
  Dockerfile df = ReadDockerfile("Dockerfile", text, &messages);
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "Dockerfile:3:17: warning: variable 'TARGETARCHITECTURE' in FROM has no value here "
            "(declare it with ARG before the first FROM)",
        });
  REQUIRE(df.stages.size() == 3);
  CHECK(df.stages[1].image == "apache/beam_python3.11_sdk:2.56.0");
}

TEST_CASE("dockerfile lines: unterminated heredoc runs to the end of the file") {
  DockerfileLines lines = SplitDockerfileLines("FROM x\nRUN <<-EOT\n\tpip install a\n");
  REQUIRE(lines.lines.size() == 2);
  REQUIRE(lines.lines[1].heredocs.size() == 1);
  CHECK_FALSE(lines.lines[1].heredocs[0].terminated);
  CHECK(lines.lines[1].heredocs[0].body.text == "pip install a");
  CHECK(lines.lines[1].heredocs[0].body.At(4).column == 6);
  Messages messages;
  ReadDockerfile("Dockerfile", "FROM x\nRUN <<-EOT\n\tpip install a\n", &messages);
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{
            "Dockerfile:2:1: warning: heredoc 'EOT' is not closed before the end of the file"});
}

}  // namespace beamcompat

namespace beamcompat {

TEST_CASE("dockerfile reader: RUN flags, exec-form RUN and lowercase instructions") {
  const char* text =
      "from python:3.11-slim as app\n"
      "run --mount=type=cache,target=/root/.cache/pip pip install apache-beam==2.56.0\n"
      "RUN [\"python3\", \"-m\", \"pip\", \"install\", \"pandas==2.1.4\"]\n"
      "ONBUILD RUN pip install ignored\n";
  Messages messages;
  Dockerfile df = ReadDockerfile("Dockerfile", text, &messages);
  CHECK(messages.empty());
  REQUIRE(df.stages.size() == 1);
  CHECK(df.stages[0].name == "app");
  const auto& installs = df.stages[0].pip_installs;
  REQUIRE(installs.size() == 2);
  CHECK(installs[0].arguments[0].text == "apache-beam==2.56.0");
  CHECK(installs[0].where.ToString() == "Dockerfile:2:48");
  CHECK(installs[1].installer == "python3 -m pip");
  CHECK(installs[1].arguments[0].text == "pandas==2.1.4");
}

}  // namespace beamcompat
