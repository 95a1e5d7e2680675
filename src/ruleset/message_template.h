// Message and help templates: text with `{expression}` holes filled from facts when a rule
// fires, e.g. "launch Beam {launch.beam_version} differs from runtime Beam
// {runtime.beam_version}". `{{` and `}}` are literal braces. Holes are full condition
// expressions (usually a fact path), compiled at load time like conditions.
#ifndef BEAMCOMPAT_RULESET_MESSAGE_TEMPLATE_H_
#define BEAMCOMPAT_RULESET_MESSAGE_TEMPLATE_H_

#include <memory>
#include <optional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/condition.h"

namespace beamcompat {

class FactSchema;
struct FactCollection;

struct TemplatePart {
  std::string text;            // literal text, when expr is null
  std::unique_ptr<Expr> expr;  // a hole
};

struct MessageTemplate {
  std::vector<TemplatePart> parts;
  std::string source;  // as written, for `beamcompat explain`
};

// nullopt with *error (1-based column within `text`) on a bad hole or unbalanced brace.
std::optional<MessageTemplate> ParseMessageTemplate(std::string_view text,
                                                    const FactSchema& schema,
                                                    const FactCollection* collection,
                                                    ExprError* error);

void CollectFactPaths(const MessageTemplate& message, std::map<std::string, const Expr*>* paths);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_MESSAGE_TEMPLATE_H_
