// The table of output formats: name, one-line help and the factory of its Reporter. Every
// command's --format takes its choices and help from here; a new format (sarif, github) is
// one row in output_format.cc plus its reporter pair.
#ifndef BEAMCOMPAT_REPORT_OUTPUT_FORMAT_H_
#define BEAMCOMPAT_REPORT_OUTPUT_FORMAT_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/reporter.h"

namespace beamcompat {

struct OutputFormatSpec {
  const char* name;  // "text", "json"
  const char* help;
  std::unique_ptr<Reporter> (*make)(const ReporterOptions& options);
};

std::span<const OutputFormatSpec> OutputFormats();

// nullptr with *error ("unknown format 'jsn' (did you mean 'json'?); expected one of: text,
// json") when the name is not in the table.
const OutputFormatSpec* FindOutputFormat(std::string_view name, std::string* error);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_OUTPUT_FORMAT_H_
