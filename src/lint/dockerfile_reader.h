// Reads a Dockerfile into the lint model (lint/dockerfile.h). It follows BuildKit's parsing:
// directives, escape-character continuations, heredocs, ARG scoping (global ARGs reach FROM;
// a stage sees them only when it redeclares them), ENV in both forms, JSON and shell forms.
// Unknown instructions are skipped; nothing here is an error that stops the lint run, but
// things that would break the build (an undefined variable in FROM) become warnings.
#ifndef BEAMCOMPAT_LINT_DOCKERFILE_READER_H_
#define BEAMCOMPAT_LINT_DOCKERFILE_READER_H_

#include <string>
#include <string_view>

#include "lint/dockerfile.h"

namespace beamcompat {

class Messages;

Dockerfile ReadDockerfile(const std::string& file, std::string_view contents, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_DOCKERFILE_READER_H_
