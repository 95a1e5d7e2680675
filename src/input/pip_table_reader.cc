#include "input/pip_table_reader.h"

#include <algorithm>
#include <vector>

#include "base/location.h"
#include "base/message.h"
#include "base/text.h"
#include "facts/package_name.h"

namespace beamcompat {
namespace {

// The whitespace-separated fields of a row.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t at = 0;
  while (at < line.size()) {
    size_t start = line.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    size_t end = std::min(line.find_first_of(" \t", start), line.size());
    fields.push_back(line.substr(start, end - start));
    at = end;
  }
  return fields;
}

bool IsRule(std::string_view line) {
  line = Trim(line);
  return !line.empty() && line.front() == '-' &&
         line.find_first_not_of("- \t") == std::string_view::npos;
}

bool IsHeader(std::string_view line) {
  std::vector<std::string_view> fields = Fields(line);
  return fields.size() >= 2 && fields[0] == "Package" && fields[1] == "Version";
}

// The lines of `contents` with their 1-based numbers, blank ones left out.
struct NumberedLine {
  int number;
  std::string_view text;
};
std::vector<NumberedLine> NonBlankLines(std::string_view contents) {
  std::vector<NumberedLine> lines;
  int number = 0;
  for (std::string_view rest = contents; !rest.empty();) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!Trim(line).empty()) lines.push_back({number, line});
  }
  return lines;
}

}  // namespace

bool LooksLikePipTable(std::string_view contents) {
  std::vector<NumberedLine> lines = NonBlankLines(contents.substr(0, 4096));
  return lines.size() >= 2 && IsHeader(lines[0].text) && IsRule(lines[1].text);
}

PackageList ReadPipTable(const std::string& file, std::string_view contents, Messages* messages) {
  PackageList list;
  list.file = file;
  list.format = PackageListFormat::kPipList;
  std::vector<NumberedLine> lines = NonBlankLines(contents);
  bool has_location = !lines.empty() && lines[0].text.find("Editable project location") !=
                                            std::string_view::npos;
  for (size_t i = 2; i < lines.size(); ++i) {
    const NumberedLine& line = lines[i];
    std::vector<std::string_view> fields = Fields(line.text);
    if (fields.size() < 2 || !IsValidPackageName(fields[0])) {
      messages->Warning(AtLine(file, line.number),
                        "skipped " + Quote(Trim(line.text)) +
                            ": not a 'name version' row of pip list");
      continue;
    }
    Package package;
    package.name = std::string(fields[0]);
    package.key = NormalizePackageName(package.name);
    package.version_text = std::string(fields[1]);
    package.version = Version::Parse(package.version_text);
    package.where = AtLine(file, line.number);
    if (!package.version) {
      messages->Warning(package.where, "version " + Quote(package.version_text) + " of " +
                                           Quote(package.name) +
                                           " is not a PEP 440 version; kept as text");
    }
    if (has_location && fields.size() >= 3) {  // the path may hold spaces: all of the rest
      package.kind = InstallKind::kEditable;
      package.url = std::string(Trim(line.text.substr(fields[2].data() - line.text.data())));
    }
    list.packages.push_back(std::move(package));
  }
  list.Reindex();
  return list;
}

}  // namespace beamcompat
