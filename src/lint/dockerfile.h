// The model of one Dockerfile as the lint rules see it: global ARGs and build stages, each
// with its base image (variables substituted), ENV, COPY/ADD, pip and apt installs and its
// ENTRYPOINT/CMD. Every element keeps the line and column it was written at. Built by
// lint/dockerfile_reader.h; turned into rule facts by lint/repo_facts.h.
#ifndef BEAMCOMPAT_LINT_DOCKERFILE_H_
#define BEAMCOMPAT_LINT_DOCKERFILE_H_

#include <optional>
#include <string>
#include <vector>

#include "base/location.h"
#include "lint/install_command.h"

namespace beamcompat {

struct DockerArg {
  std::string name;
  std::optional<std::string> default_value;  // after substitution
  SourceLocation where;
};

struct DockerEnv {
  std::string name;
  std::string value;  // after substitution
  SourceLocation where;
};

// ENTRYPOINT or CMD.
struct DockerExec {
  bool json_form = false;
  std::vector<std::string> argv;  // the JSON array, or the shell form's words
  std::string text;               // the arguments as written
  SourceLocation where;
};

struct DockerCopy {
  std::string instruction;  // "COPY" or "ADD"
  std::string from_raw;     // --from as written ("" when absent)
  std::string from;         // --from after substitution
  int from_stage = -1;      // index of the stage named by --from, or -1 for an image
  std::vector<std::string> sources;
  std::string destination;
  SourceLocation where;       // the instruction
  SourceLocation from_where;  // the --from flag
};

struct LocatedPipArgument {
  PipArgumentKind kind = PipArgumentKind::kRequirement;
  std::string text;  // variables substituted
  SourceLocation where;
};

struct DockerPipInstall {
  std::string installer;
  std::vector<LocatedPipArgument> arguments;
  bool no_deps = false;
  SourceLocation where;  // the installer's first word
};

struct DockerAptInstall {
  std::vector<std::string> packages;
  std::vector<SourceLocation> package_where;
  SourceLocation where;
};

struct DockerStage {
  int index = 0;
  std::string name;       // after AS, lowercased; "" when unnamed
  std::string image_raw;  // as written
  std::string image;      // after substitution with the global ARGs
  std::string platform;
  int base_stage = -1;    // FROM <earlier stage>
  SourceLocation where;        // the FROM instruction
  SourceLocation image_where;  // the image word
  std::vector<DockerArg> args;
  std::vector<DockerEnv> env;
  std::vector<DockerCopy> copies;
  std::vector<DockerPipInstall> pip_installs;
  std::vector<DockerAptInstall> apt_installs;
  std::vector<std::string> symlinks;  // targets of `ln -s X TARGET` in RUN
  std::optional<DockerExec> entrypoint;
  std::optional<DockerExec> cmd;
};

struct Dockerfile {
  std::string file;
  char escape = '\\';
  std::string syntax;
  std::vector<DockerArg> global_args;
  std::vector<DockerStage> stages;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_DOCKERFILE_H_
