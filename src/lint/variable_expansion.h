// Dockerfile variable substitution: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
// `${VAR:+alt}` and `${VAR+alt}`, with the Dockerfile's escape character protecting a `$`.
// The reader applies it to FROM (global ARGs), COPY --from and ENV (the stage's ARGs and
// ENVs) and to RUN words, using only the defaults written in the file (no --build-arg).
#ifndef BEAMCOMPAT_LINT_VARIABLE_EXPANSION_H_
#define BEAMCOMPAT_LINT_VARIABLE_EXPANSION_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

// Variables in scope. A declared ARG without a default maps to nullopt-like absence: it is
// simply not in the map.
using Variables = std::map<std::string, std::string, std::less<>>;

struct Expansion {
  std::string text;
  // Variables referenced without a default that are not in scope, in order of appearance.
  std::vector<std::string> undefined;
};

// Never fails: a malformed reference (`${`, `${1}`) is kept as written.
Expansion ExpandVariables(std::string_view text, const Variables& variables, char escape);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_VARIABLE_EXPANSION_H_
