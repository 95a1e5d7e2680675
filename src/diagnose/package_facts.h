// Ties a diagnosis to the package lists: what the launch and runtime lists say about the
// distribution a failure names ("`yaml` is provided by PyYAML 6.0.1 at launch; the runtime
// list has no PyYAML"), as one sentence for the message and as key/value facts for JSON.
#ifndef BEAMCOMPAT_DIAGNOSE_PACKAGE_FACTS_H_
#define BEAMCOMPAT_DIAGNOSE_PACKAGE_FACTS_H_

#include <string>
#include <string_view>

#include "facts/fact_set.h"
#include "report/diagnostic.h"

namespace beamcompat {

struct PackageStatement {
  std::string sentence;  // empty when neither list was given
  KeyValues facts;       // distribution, launch.version, runtime.version ("absent" if missing)
};

// `module` is what the log named (may equal the distribution); `distribution` what provides it.
PackageStatement DescribePackage(const FactSet& facts, std::string_view module,
                                 std::string_view distribution);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_PACKAGE_FACTS_H_
