// The three renderings of `beamcompat diff`: an aligned text table, JSON (stable key order)
// and a Markdown table for a pull-request comment. Pure functions of the diff and the two
// lists' descriptions, writing to a stream.
#ifndef BEAMCOMPAT_CLI_DIFF_OUTPUT_H_
#define BEAMCOMPAT_CLI_DIFF_OUTPUT_H_

#include <iosfwd>
#include <string>

#include "facts/package.h"
#include "facts/package_diff.h"

namespace beamcompat {

// One side of the comparison as the header describes it.
struct DiffSide {
  const PackageList* list = nullptr;  // owned by the caller
  std::string python;                 // "" when unknown
};

enum class DiffFormat { kText, kJson, kMarkdown };

void WriteDiff(const PackageDiff& diff, const DiffSide& launch, const DiffSide& runtime,
               DiffFormat format, std::ostream& out);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_DIFF_OUTPUT_H_
