#include "input/freeze_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/message.h"
#include "base/text.h"
#include "facts/marker.h"
#include "facts/package_name.h"

namespace beamcompat {
namespace {

constexpr const char* kNotARequirement =
    ": not a requirement (expected name==version, name @ url or -e ...)";

// What pip (or uv) writes to stderr, which `pip freeze > list 2>&1` puts among the packages:
// "WARNING: Ignoring invalid distribution -ip (...)", "warning: The package `pip` has ...".
bool IsPipMessage(std::string_view text) {
  for (std::string_view prefix : {"WARNING: ", "ERROR: ", "DEPRECATION: ", "NOTICE: ",
                                  "warning: ", "error: "}) {
    if (text.starts_with(prefix)) return true;
  }
  return false;
}

// "name==version" without checking that the version is PEP 440; the name and version of an
// editable note, and the fallback for a pin whose version is not PEP 440.
struct LoosePin {
  std::string name;
  std::string version;
};

std::optional<LoosePin> ParseLoosePin(std::string_view text) {
  size_t eq = text.find("==");
  if (eq == std::string_view::npos) return std::nullopt;
  std::string_view name = Trim(text.substr(0, eq));
  std::string_view version = Trim(text.substr(eq + 2));
  if (!IsValidPackageName(name) || version.empty() || version.front() == '=') return std::nullopt;
  for (char c : version) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';') return std::nullopt;
  }
  return LoosePin{std::string(name), std::string(version)};
}

// "# Editable install with no version control (mypipeline==0.3.0)" and the other notes pip
// freeze writes before an editable's -e line.
std::optional<LoosePin> ParseEditableNote(std::string_view comment) {
  if (Trim(comment).substr(0, 8) != "Editable") return std::nullopt;
  size_t open = comment.find('(');
  size_t close = comment.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  return ParseLoosePin(comment.substr(open + 1, close - open - 1));
}

bool IsVcsUrl(std::string_view url) {
  for (std::string_view scheme : {"git+", "hg+", "svn+", "bzr+"}) {
    if (url.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

// The name and version in a wheel or sdist file name at the end of a URL, if any:
// ".../iniconfig-2.0.0-py3-none-any.whl" -> {iniconfig, 2.0.0}.
std::optional<LoosePin> ArchiveNameAndVersion(std::string_view url) {
  url = url.substr(0, url.find_first_of("#?"));
  std::string_view base = url.substr(url.rfind('/') + 1);
  auto ends_with = [&](std::string_view suffix) {
    return base.size() > suffix.size() && base.substr(base.size() - suffix.size()) == suffix;
  };
  if (ends_with(".whl")) {
    std::vector<std::string_view> parts = Split(base, '-');
    if (parts.size() < 5) return std::nullopt;
    return LoosePin{std::string(parts[0]), std::string(parts[1])};
  }
  for (std::string_view ext : {".tar.gz", ".zip", ".tar.bz2", ".tar"}) {
    if (!ends_with(ext)) continue;
    std::string_view stem = base.substr(0, base.size() - ext.size());
    size_t dash = stem.rfind('-');
    if (dash == std::string_view::npos) return std::nullopt;
    return LoosePin{std::string(stem.substr(0, dash)), std::string(stem.substr(dash + 1))};
  }
  return std::nullopt;
}

// A line as messages quote it: whole up to 100 characters, else cut with "...".
std::string QuoteLine(std::string_view text) {
  if (text.size() <= 100) return Quote(text);
  return Quote(std::string(text.substr(0, 100)) + "...");
}

void SetVersion(Package* package, std::string text) {
  package->version = Version::Parse(text);
  package->version_text = std::move(text);
}

class FreezeBuilder {
 public:
  FreezeBuilder(const PackageListOptions& options, const LineLocator& locate, PackageList* list,
                Messages* messages)
      : options_(options), locate_(locate), list_(list), messages_(messages) {}

  void Add(const RequirementsLine& line) {
    switch (line.kind) {
      case RequirementsLineKind::kComment:
        if (auto note = ParseEditableNote(line.comment)) editable_note_ = std::move(note);
        return;
      case RequirementsLineKind::kRequirement:
        AddRequirement(line);
        break;
      case RequirementsLineKind::kEditable:
        AddEditable(line);
        break;
      case RequirementsLineKind::kPath:
        AddPath(line);
        break;
      case RequirementsLineKind::kInclude:
        list_->not_followed.push_back(line.value);
        Warn(line, QuoteLine(line.text) + " not followed: included files are not read");
        break;
      case RequirementsLineKind::kOption:
        break;  // index and build options say nothing about what is installed
      case RequirementsLineKind::kInvalid:
        AddInvalid(line);
        break;
    }
    editable_note_.reset();
  }

  bool saw_requirements_syntax() const { return saw_requirements_syntax_; }

 private:
  void AddRequirement(const RequirementsLine& line) {
    const Requirement& req = line.requirement;
    if (!line.hashes.empty() || !req.marker.empty()) saw_requirements_syntax_ = true;
    if (!req.marker.empty()) {
      std::string ignored;
      if (EvaluateMarker(req.marker, options_.markers, &ignored) == MarkerResult::kFalse) return;
    }
    Package package = NewPackage(line, req.name);
    package.extras = req.extras;
    package.marker = req.marker;
    package.specifier = req.specifiers.ToString();
    package.url = req.url;
    if (!req.url.empty()) {
      package.kind = IsVcsUrl(req.url) ? InstallKind::kVcs : InstallKind::kDirectUrl;
      if (auto archive = ArchiveNameAndVersion(req.url)) SetVersion(&package, archive->version);
    } else if (req.specifiers.clauses().size() == 1 && req.specifiers.IsExactPin()) {
      const SpecifierSet::Clause& pin = req.specifiers.clauses()[0];
      package.kind = pin.op == "===" ? InstallKind::kArbitrary : InstallKind::kPinned;
      package.version = pin.parsed;  // parsed once, by the specifier
      package.version_text = pin.version;
    } else {
      package.kind = InstallKind::kRange;
      saw_requirements_syntax_ = true;
    }
    Insert(line, std::move(package));
  }

  void AddEditable(const RequirementsLine& line) {
    std::string name = EggName(line.value);
    std::string version;
    if (editable_note_ && (name.empty() || NormalizePackageName(name) ==
                                               NormalizePackageName(editable_note_->name))) {
      name = editable_note_->name;
      version = editable_note_->version;
    }
    if (name.empty() || !IsValidPackageName(name)) {
      Warn(line, "skipped " + QuoteLine(line.text) +
                     ": no package name (expected '#egg=name' or a preceding "
                     "'# Editable install ... (name==version)' comment)");
      return;
    }
    Package package = NewPackage(line, name);
    package.kind = InstallKind::kEditable;
    package.url = line.value;
    if (!version.empty()) SetVersion(&package, version);
    Insert(line, std::move(package));
  }

  void AddPath(const RequirementsLine& line) {
    std::optional<LoosePin> archive = ArchiveNameAndVersion(line.value);
    std::string name = EggName(line.value);
    if (name.empty() && archive) name = archive->name;
    if (name.empty() || !IsValidPackageName(name)) {
      Warn(line, "skipped " + QuoteLine(line.text) +
                     ": no package name (expected 'name @ url' or a '#egg=name' fragment)");
      return;
    }
    Package package = NewPackage(line, name);
    package.kind = IsVcsUrl(line.value) ? InstallKind::kVcs : InstallKind::kDirectUrl;
    package.url = line.value;
    if (archive) SetVersion(&package, archive->version);
    Insert(line, std::move(package));
  }

  void AddInvalid(const RequirementsLine& line) {
    if (IsPipMessage(line.text)) {
      Warn(line, "skipped " + QuoteLine(line.text) +
                     ": pip's own output (captured with the list), not a package");
      return;
    }
    std::optional<LoosePin> pin = ParseLoosePin(line.text);
    if (!pin) {
      // A name followed by something that is no operator, '@' or ';' is no requirement.
      bool no_name = line.error.rfind("expected a package name", 0) == 0 ||
                     line.error.rfind("invalid package name", 0) == 0 ||
                     line.error.rfind("expected an operator", 0) == 0;
      Warn(line,
           "skipped " + QuoteLine(line.text) + (no_name ? kNotARequirement : ": " + line.error));
      return;
    }
    Warn(line, "version " + Quote(pin->version) + " of " + Quote(pin->name) +
                   " is not a PEP 440 version; kept as text");
    Package package = NewPackage(line, pin->name);
    package.version_text = pin->version;
    package.specifier = "==" + pin->version;
    Insert(line, std::move(package));
  }

  Package NewPackage(const RequirementsLine& line, const std::string& name) const {
    Package package;
    package.name = name;
    package.key = NormalizePackageName(name);
    package.where = locate_(line);
    return package;
  }

  // A package listed again (poetry export repeats one per extra) merges its extras into the
  // first entry; a different version is reported and the first is kept.
  void Insert(const RequirementsLine& line, Package package) {
    auto [it, inserted] = first_index_.emplace(package.key, list_->packages.size());
    if (inserted) {
      list_->packages.push_back(std::move(package));
      return;
    }
    Package& first = list_->packages[it->second];
    for (std::string& extra : package.extras) {
      if (std::find(first.extras.begin(), first.extras.end(), extra) == first.extras.end()) {
        first.extras.push_back(std::move(extra));
      }
    }
    if (first.version_text != package.version_text || first.url != package.url ||
        first.specifier != package.specifier) {
      Warn(line, Quote(package.name) + " is listed again with a different version; kept " +
                     Quote(Describe(first)) + " from line " + std::to_string(first.where.line));
    }
  }

  static std::string Describe(const Package& package) {
    if (!package.url.empty()) return package.url;
    if (!package.specifier.empty()) return package.specifier;
    return package.version_text;
  }

  void Warn(const RequirementsLine& line, std::string text) {
    messages_->Warning(locate_(line), std::move(text));
  }

  const PackageListOptions& options_;
  const LineLocator& locate_;
  PackageList* list_;
  Messages* messages_;
  std::optional<LoosePin> editable_note_;
  std::unordered_map<std::string, size_t> first_index_;
  bool saw_requirements_syntax_ = false;
};

}  // namespace

void ReadFreezeText(std::string_view text, const PackageListOptions& options,
                    const LineLocator& locate, PackageList* list, Messages* messages) {
  FreezeBuilder builder(options, locate, list, messages);
  std::vector<LogicalLine> lines = SplitLogicalLines(text);
  list->packages.reserve(list->packages.size() + lines.size());
  for (const LogicalLine& line : lines) builder.Add(ParseRequirementsLine(line));
  list->format = builder.saw_requirements_syntax() ? PackageListFormat::kRequirements
                                                   : PackageListFormat::kFreeze;
  list->Reindex();
}

void ReadFreezeFile(std::string_view text, const PackageListOptions& options, PackageList* list,
                    Messages* messages) {
  const std::string& file = list->file;
  LineLocator locate = [&file](const RequirementsLine& line) { return AtLine(file, line.line); };
  ReadFreezeText(text, options, locate, list, messages);
}

}  // namespace beamcompat
