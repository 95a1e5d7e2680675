#include "lint/project_file_readers.h"

#include <doctest/doctest.h>

#include "base/message.h"
#include "support/message_texts.h"
#include "support/string_vector.h"

namespace beamcompat {
namespace {

// "source key specifier exact@where" per requirement, compact enough for table checks.
std::vector<std::string> Dump(const Declarations& d) {
  std::vector<std::string> out;
  for (const RepoRequirement& r : d.requirements) {
    out.push_back(r.source + " " + r.key + " '" + r.specifier + "'" + (r.exact ? " exact" : "") +
                  " @" + r.where.ToString());
  }
  for (const RepoPythonDeclaration& p : d.pythons) {
    out.push_back(p.source + " python '" + p.specifier + "' @" + p.where.ToString());
  }
  for (const RequirementsInclude& i : d.includes) {
    out.push_back(std::string(i.constraint ? "-c " : "-r ") + i.file + " @" + i.where.ToString());
  }
  return out;
}

}  // namespace

TEST_CASE("project files: requirements file with includes, hashes and a bad line") {
  Declarations d;
  Messages messages;
  ReadRequirementsFile("requirements.txt",
                       "-c constraints.txt\n"
                       "apache-beam[gcp]==2.48.0 \\\n"
                       "    --hash=sha256:1111\n"
                       "  pandas>=2.0  # data\n"
                       "not a requirement!\n",
                       false, &d, &messages);
  CHECK(Dump(d) == std::vector<std::string>{
                       "requirements-file apache-beam '==2.48.0' exact @requirements.txt:2:1",
                       "requirements-file pandas '>=2.0' @requirements.txt:4:3",
                       "-c constraints.txt @requirements.txt:1:1",
                   });
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].where.ToString() == "requirements.txt:5:1");
}

TEST_CASE("project files: pyproject PEP 621 and Poetry") {
  const char* text = R"([project]
name = "wordcount"
requires-python = ">=3.10,<3.11"
dependencies = [
  "apache-beam[gcp]==2.48.0",
  "protobuf<5",
]

[tool.poetry.dependencies]
python = "^3.10"
apache-beam = {version = "~2.48.0", extras = ["gcp"]}
requests = "2.31.0"
local = {path = "../lib"}
weird = ">=1 || <0.5"
)";
  Declarations d;
  Messages messages;
  ReadPyproject("pyproject.toml", text, &d, &messages);
  CHECK(Dump(d) == std::vector<std::string>{
                       "pyproject apache-beam '==2.48.0' exact @pyproject.toml:5:3",
                       "pyproject protobuf '<5' @pyproject.toml:6:3",
                       "poetry apache-beam '>=2.48.0,<2.49' @pyproject.toml:11:15",
                       "poetry requests '==2.31.0' exact @pyproject.toml:12:12",
                       "requires-python python '>=3.10,<3.11' @pyproject.toml:3:19",
                       "poetry python '>=3.10,<4.0' @pyproject.toml:10:10",
                   });
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"pyproject.toml:14:9: warning: poetry constraint '>=1 || <0.5' "
                                 "for 'weird' has no PEP 440 form; skipped"});
}

TEST_CASE("project files: Poetry constraints in PEP 440") {
  struct Row {
    std::string poetry;
    std::string pep440;
  };
  const Row rows[] = {
      {"^2.48.0", ">=2.48.0,<3.0.0"}, {"^0.2.3", ">=0.2.3,<0.3.0"}, {"^0.0.3", ">=0.0.3,<0.0.4"},
      {"^3.10", ">=3.10,<4.0"},       {"~2.48.0", ">=2.48.0,<2.49"}, {"~2", ">=2,<3.0"},
      {"2.48.0", "==2.48.0"},          {"*", ""},                      {">= 1.2, < 2", ">=1.2,<2"},
      {"~=1.4", "~=1.4"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.poetry);
    std::string spec;
    REQUIRE(PoetryToSpecifier(row.poetry, &spec));
    CHECK(spec == row.pep440);
  }
}

TEST_CASE("project files: setup.py literal install_requires, never executed") {
  const char* text = R"(from setuptools import setup

REQUIRED = ["ignored-because-not-install_requires"]

setup(
    name="pipeline",
    python_requires=">=3.9",
    install_requires=[
        "apache-beam[gcp]==2.48.0",  # the SDK
        'google-cloud-storage>=2',
    ],
)
)";
  Declarations d;
  Messages messages;
  ReadSetupPy("setup.py", text, &d, &messages);
  CHECK(messages.empty());
  CHECK(Dump(d) == std::vector<std::string>{
                       "setup.py apache-beam '==2.48.0' exact @setup.py:9:9",
                       "setup.py google-cloud-storage '>=2' @setup.py:10:9",
                       "python_requires python '>=3.9' @setup.py:7:22",
                   });
  Declarations computed;
  ReadSetupPy("setup.py", "setup(install_requires=REQUIRED)\n", &computed, &messages);
  CHECK(computed.requirements.empty());
  CHECK(MessageTexts(messages) ==
        std::vector<std::string>{"setup.py:1:24: warning: install_requires is not a literal "
                                 "list; its requirements were not read"});
}

TEST_CASE("project files: setup.cfg options and .python-version") {
  Declarations d;
  Messages messages;
  ReadSetupCfg("setup.cfg",
               "[metadata]\nname = x\n\n[options]\npython_requires = >=3.10\n"
               "install_requires =\n    apache-beam==2.48.0\n    # comment\n    numpy\n",
               &d, &messages);
  ReadPythonVersionFile(".python-version", "# pyenv\n3.10.12\n3.11\n", &d, &messages);
  CHECK(messages.empty());
  CHECK(Dump(d) == std::vector<std::string>{
                       "setup.cfg apache-beam '==2.48.0' exact @setup.cfg:7:5",
                       "setup.cfg numpy '' @setup.cfg:9:5",
                       "python_requires python '>=3.10' @setup.cfg:5:19",
                       ".python-version python '==3.10.*' @.python-version:2:1",
                   });
}

}  // namespace beamcompat
