// The diagnose stage proper: fed the log's logical lines, it runs the traceback parser and
// the line rules, explains each failure with the first signature rule that matches (in
// priority order, across the whole exception chain), falls back to class `other` for
// exceptions no rule knows, and folds repeated identical failures into one Diagnosis with a
// count. Memory is bounded by the number of distinct failures (capped), not the log size.
#ifndef BEAMCOMPAT_DIAGNOSE_DIAGNOSER_H_
#define BEAMCOMPAT_DIAGNOSE_DIAGNOSER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "diagnose/signature_rule.h"
#include "diagnose/traceback.h"
#include "input/log_reader.h"
#include "report/diagnostic.h"

namespace beamcompat {

// One distinct failure: the rule that explains it, what its patterns captured and where it
// was first seen.
struct Diagnosis {
  const SignatureRule* rule = nullptr;  // points into the SignatureRuleSet
  KeyValues captures;  // named captures (and values derived from them), by name
  KeyValues context;   // type, exception_message, file, line, function, step
  int count = 0;
  int line = 0;    // first occurrence: log line (text) or entry number (JSON)
  int entry = -1;  // JSON export entry index of the first occurrence
  std::vector<EvidenceLine> evidence;
};

class Diagnoser {
 public:
  static constexpr size_t kMaxDistinct = 500;
  static constexpr size_t kMaxEvidence = 6;

  explicit Diagnoser(const SignatureRuleSet& rules);

  void Feed(const LogLine& line);
  void Finish();

  // In order of first occurrence.
  const std::vector<Diagnosis>& diagnoses() const { return diagnoses_; }
  // Occurrences of failures beyond kMaxDistinct distinct ones, counted but not kept.
  int overflow() const { return overflow_; }

 private:
  void OnFailure(Failure&& failure);
  void OnLine(const LogLine& line);
  void Record(Diagnosis&& diagnosis, const std::string& key);

  const SignatureRuleSet& rules_;
  TracebackParser parser_;
  std::vector<Diagnosis> diagnoses_;
  std::unordered_map<std::string, size_t> by_key_;
  int overflow_ = 0;
};

// Fills `{name}` placeholders from `values` (first match wins); unknown names stay as is.
std::string ExpandTemplate(std::string_view text, const std::vector<const KeyValues*>& values);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_DIAGNOSER_H_
