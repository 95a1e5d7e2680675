// Facts about a repository's build files, for `lint`: the Beam images its Dockerfiles use,
// each build stage (its Python, Beam boot files and entrypoint, missing Python tools), what
// the final images' Python must match, every requirement the repository declares and every
// pip install a Dockerfile runs. Built by lint/repo_facts_builder.h from the Dockerfile model
// and the requirements/pyproject/setup readers; read by rules through
// engine/repo_facts_domain.cc. Everything is computed once here; rule accessors only read.
#ifndef BEAMCOMPAT_FACTS_REPO_FACTS_H_
#define BEAMCOMPAT_FACTS_REPO_FACTS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/location.h"
#include "facts/fact.h"
#include "facts/image_name.h"

namespace beamcompat {

// A requirement the repository declares for any package.
struct RepoRequirement {
  std::string name;       // as written
  std::string key;        // PEP 503 normalised
  std::string text;       // the requirement as written
  std::string specifier;  // normalised specifier set; "" when none
  bool exact = false;     // == or === one version
  std::string version;    // the pinned version when exact
  std::string source;     // "requirements-file", "constraints-file", "pyproject", "poetry",
                          // "setup.py", "setup.cfg", "dockerfile"
  SourceLocation where;
};

// A Python version constraint the repository declares.
struct RepoPythonDeclaration {
  std::string text;       // as written: ">=3.10,<3.11", "^3.10", "3.10.12"
  std::string specifier;  // as a PEP 440 specifier set: ">=3.10,<4.0"; "" when unusable
  std::string source;     // "requires-python", "poetry", "python_requires", ".python-version"
  SourceLocation where;
};

// A Beam SDK image named by FROM or COPY --from.
struct RepoBeamImage {
  std::string dockerfile;
  std::string instruction;  // "FROM" or "COPY --from"
  ImageName name;
  std::optional<Fact<std::string>> repo_beam_pin;  // the exact apache-beam pin that applies
  SourceLocation where;
};

struct RepoStage {
  std::string dockerfile;
  int index = 0;
  std::string name;
  std::string image;      // after substitution
  bool is_final = false;  // the last stage: what `docker build` produces by default
  std::string base_kind;  // "beam-sdk", "python", "cuda", "distro", ... (through stage bases)
  std::string distro;     // "ubuntu22.04", ... when known
  std::optional<Fact<std::string>> python;  // major.minor and how it is known
  bool beam_container = false;   // has Beam's boot files or entrypoint
  bool boot_files = false;       // /opt/apache/beam is in the image
  std::string boot_files_text;   // "/opt/apache/beam from apache/beam_python3.10_sdk:2.48.0"
  bool boot_entrypoint = false;  // the effective ENTRYPOINT is /opt/apache/beam/boot
  std::string entrypoint_text;   // "ENTRYPOINT [\"python\", \"main.py\"]" or "no ENTRYPOINT"
  std::vector<std::string> missing_python_tools;  // "python-is-python3", "python3-venv"
  SourceLocation where;             // the FROM instruction
  SourceLocation entrypoint_where;  // the ENTRYPOINT, or the FROM when there is none
};

// What a final image's Python must match: a copied Beam image, .python-version,
// requires-python or Poetry's python.
struct RepoPythonExpectation {
  std::string dockerfile;
  Fact<std::string> python;  // the final stage's Python
  std::string expected;      // "3.10" or a specifier set as written
  std::string expected_origin;  // "COPY --from=apache/beam_python3.10_sdk:2.48.0 (Dockerfile:9)"
  bool admits = true;           // python satisfies the expectation
  SourceLocation where;         // the final stage's FROM image
};

// One pip install command in a Dockerfile.
struct RepoPipInstall {
  std::string dockerfile;
  std::string command;          // "pip install" as spelled: "python3 -m pip"
  bool installs_beam = false;   // apache-beam among its requirements (also via -r files)
  bool on_beam_image = false;   // the stage already has Beam (Beam SDK base image)
  int other_packages = 0;       // requirements other than apache-beam
  bool has_constraints = false; // -c, PIP_CONSTRAINT, or a -c line in a -r file
  SourceLocation where;
};

struct RepoFacts {
  std::vector<std::string> files;  // every file read, in scan order
  std::vector<RepoRequirement> requirements;
  std::vector<RepoPythonDeclaration> pythons;
  std::vector<RepoBeamImage> beam_images;
  std::vector<RepoStage> stages;
  std::vector<RepoPythonExpectation> python_expectations;
  std::vector<RepoPipInstall> pip_installs;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_REPO_FACTS_H_
