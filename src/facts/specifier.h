// PEP 440 version specifier sets ("~=2.2.1", ">=3.20.3,<4.26.0,!=4.21.*", "==2.*").
#ifndef BEAMCOMPAT_FACTS_SPECIFIER_H_
#define BEAMCOMPAT_FACTS_SPECIFIER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/version.h"

namespace beamcompat {

class SpecifierSet {
 public:
  // Returns nullopt and sets *err (e.g. "'~=1' needs at least two release components") on a
  // malformed set. An empty string is the set that admits every version.
  static std::optional<SpecifierSet> Parse(std::string_view text, std::string* err);

  // True when every clause holds. Installed pre-releases are admitted (beamcompat checks
  // installed sets, where PEP 440 accepts a pre-release that is already installed).
  bool Contains(const Version& version) const;
  // For versions that are not PEP 440: only '===' clauses can match them.
  bool ContainsText(std::string_view version_text) const;

  // True when the set pins one exact version with '==' or '===' (no wildcard).
  bool IsExactPin() const;
  std::string ToString() const;  // normalised, clauses joined with ","
  bool empty() const { return clauses_.empty(); }

  struct Clause {
    std::string op;       // "~=", "==", "!=", "<=", ">=", "<", ">", "==="
    std::string version;  // as written after the operator, without ".*"
    bool wildcard = false;
    std::optional<Version> parsed;  // absent only for "===" with a non-PEP 440 text
  };
  const std::vector<Clause>& clauses() const { return clauses_; }

 private:
  std::vector<Clause> clauses_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_SPECIFIER_H_
