#include "report/output_format.h"

#include "base/text.h"
#include "report/github_reporter.h"
#include "report/json_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"

namespace beamcompat {
namespace {

template <class R>
std::unique_ptr<Reporter> Make(const ReporterOptions& options) {
  return std::make_unique<R>(options);
}

const OutputFormatSpec kFormats[] = {
    {"text", "one block per finding, for people (default)", &Make<TextReporter>},
    {"json", "one JSON document with every finding, for tools", &Make<JsonReporter>},
    {"sarif", "SARIF 2.1.0 for GitHub code scanning", &Make<SarifReporter>},
    {"github", "GitHub Actions workflow annotations (::error file=...::)", &Make<GithubReporter>},
};

}  // namespace

std::span<const OutputFormatSpec> OutputFormats() { return kFormats; }

const OutputFormatSpec* FindOutputFormat(std::string_view name, std::string* error) {
  std::vector<std::string> names;
  for (const OutputFormatSpec& spec : kFormats) {
    if (name == spec.name) return &spec;
    names.push_back(spec.name);
  }
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  *error = "unknown format " + Quote(name) + DidYouMeanSuffix(name, names) +
           "; expected one of: " + list;
  return nullptr;
}

}  // namespace beamcompat
