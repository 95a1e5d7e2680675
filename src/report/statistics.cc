#include "report/statistics.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace beamcompat {

void WriteStatistics(const Report& report, std::ostream& out) {
  struct Row {
    std::string code;
    std::string name;
    Severity severity = Severity::kInfo;
    int count = 0;
  };
  std::map<std::string, Row> by_code;
  for (const Diagnostic& d : report.diagnostics) {
    Row& row = by_code[d.code];
    row.code = d.code;
    row.name = d.name;
    row.severity = std::max(row.severity, d.severity);
    ++row.count;
  }
  std::vector<Row> rows;
  for (auto& [code, row] : by_code) rows.push_back(row);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.count > b.count; });
  for (const Row& row : rows) {
    out << fmt::format("{:>5}  {:<7} {:<8} {}\n", row.count, row.code,
                       std::string("[") + SeverityName(row.severity) + "]", row.name);
  }
}

}  // namespace beamcompat
