// Ties a worker-log diagnosis to the `check` findings that explain it before the job runs:
// each signature rule names the check rules it relates to (`check_rules:`), and a finding of
// one of them is shown right after the diagnosis when it concerns the same distribution
// (or when the diagnosis names none). Used by `diagnose` when pipeline/package facts are given.
#ifndef BEAMCOMPAT_DIAGNOSE_CHECK_LINK_H_
#define BEAMCOMPAT_DIAGNOSE_CHECK_LINK_H_

#include <vector>

#include "diagnose/diagnoser.h"
#include "report/diagnostic.h"

namespace beamcompat {

// `report.diagnostics[i]` was built from `diagnoses[i]`. Inserts each matching check
// diagnostic once, after the first diagnosis it relates to, and records its code in that
// diagnosis's facts ("check" -> "BC006 BC001").
void LinkCheckDiagnostics(const std::vector<Diagnosis>& diagnoses, const Report& checks,
                          Report* report);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_CHECK_LINK_H_
