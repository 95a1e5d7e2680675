// Turns the diagnoser's distinct failures into the shared Report model: templates filled
// from the pattern captures and the failure's context, the class, count, evidence lines and
// — when package lists were given — what the launch and runtime lists say about the
// package involved.
#ifndef BEAMCOMPAT_DIAGNOSE_DIAGNOSE_REPORT_H_
#define BEAMCOMPAT_DIAGNOSE_DIAGNOSE_REPORT_H_

#include <string>
#include <vector>

#include "diagnose/diagnoser.h"
#include "diagnose/signature_rule.h"
#include "facts/fact_set.h"
#include "report/diagnostic.h"

namespace beamcompat {

struct DiagnoseSource {
  std::string log_name;       // as the user named it; "<stdin>" for standard input
  bool entry_numbers = false; // line numbers are JSON export entry numbers
};

class ModuleMap;

// `facts` may be null (no --launch/--runtime/--pipeline given). `modules` (may be null) finds
// the installed distribution that provides a module in the package lists; without it, or
// when no list has one, the module's distribution is named by DistributionForModule.
Report BuildDiagnoseReport(const std::vector<Diagnosis>& diagnoses, const SignatureRuleSet& rules,
                           const DiagnoseSource& source, const FactSet* facts,
                           const ModuleMap* modules = nullptr);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_DIAGNOSE_REPORT_H_
