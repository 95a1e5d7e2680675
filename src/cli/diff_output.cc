#include "cli/diff_output.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

namespace beamcompat {
namespace {

// Longer values (URLs) are printed whole but do not widen their column for every row.
constexpr size_t kMaxColumnWidth = 40;

constexpr const char* kFreezeOmission =
    "pip freeze leaves out pip, and setuptools, wheel and distribute below Python 3.12";

struct Row {
  std::string package;
  std::string launch;
  std::string runtime;
  std::string difference;
};

std::string Installed(const Package* package) {
  return package ? DescribeInstalled(*package) : "-";
}

std::vector<Row> Rows(const PackageDiff& diff) {
  std::vector<Row> rows;
  for (const auto* group : {&diff.changed, &diff.launch_only, &diff.runtime_only}) {
    for (const PackageDelta& d : *group) {
      rows.push_back(
          {d.key, Installed(d.launch), Installed(d.runtime), PackageChangeName(d.change)});
    }
  }
  return rows;
}

std::string Summary(const PackageDiff& diff) {
  return std::to_string(diff.changed.size()) + " changed, " +
         std::to_string(diff.launch_only.size()) + " only in launch, " +
         std::to_string(diff.runtime_only.size()) + " only in runtime, " +
         std::to_string(diff.identical) + " identical";
}

std::string Describe(const DiffSide& side) {
  std::string out = side.list->file + " (" + PackageListFormatName(side.list->format) + ", " +
                    std::to_string(side.list->packages.size()) + " packages";
  if (!side.python.empty()) out += ", Python " + side.python;
  return out + ")";
}

// "setuptools, wheel only in runtime: not compared; pip freeze leaves out ..." per side.
std::vector<std::string> OmissionNotes(const PackageDiff& diff) {
  std::vector<std::string> notes;
  for (PackageChange side : {PackageChange::kLaunchOnly, PackageChange::kRuntimeOnly}) {
    std::string keys;
    for (const PackageDelta& d : diff.omitted_by_freeze) {
      if (d.change != side) continue;
      keys += (keys.empty() ? "" : ", ") + d.key;
    }
    if (keys.empty()) continue;
    notes.push_back(keys + " " +
                    (side == PackageChange::kLaunchOnly ? "only in launch" : "only in runtime") +
                    ": not compared; " + kFreezeOmission);
  }
  return notes;
}

void WriteText(const PackageDiff& diff, const DiffSide& launch, const DiffSide& runtime,
               std::ostream& out) {
  out << "launch:  " << Describe(launch) << "\nruntime: " << Describe(runtime) << "\n\n";
  std::vector<Row> rows = Rows(diff);
  if (!rows.empty()) {
    Row header{"package", "launch", "runtime", "difference"};
    size_t w0 = header.package.size(), w1 = header.launch.size(), w2 = header.runtime.size();
    auto widen = [](size_t* width, const std::string& value) {
      if (value.size() <= kMaxColumnWidth) *width = std::max(*width, value.size());
    };
    for (const Row& r : rows) {
      widen(&w0, r.package);
      widen(&w1, r.launch);
      widen(&w2, r.runtime);
    }
    auto cell = [&](const std::string& value, size_t width) {
      out << value << std::string(std::max(width, value.size()) - value.size() + 2, ' ');
    };
    auto print = [&](const Row& r) {
      cell(r.package, w0);
      cell(r.launch, w1);
      cell(r.runtime, w2);
      out << r.difference << "\n";
    };
    print(header);
    for (const Row& r : rows) print(r);
    out << "\n";
  }
  out << Summary(diff) << "\n";
  for (const std::string& note : OmissionNotes(diff)) out << "note: " << note << "\n";
}

nlohmann::ordered_json SideJson(const DiffSide& side) {
  nlohmann::ordered_json j;
  j["file"] = side.list->file;
  j["format"] = PackageListFormatName(side.list->format);
  j["packages"] = side.list->packages.size();
  j["python"] =
      side.python.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(side.python);
  return j;
}

nlohmann::ordered_json DeltaList(const std::vector<PackageDelta>& deltas) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const PackageDelta& d : deltas) {
    nlohmann::ordered_json j;
    j["package"] = d.key;
    if (d.launch) j["launch"] = DescribeInstalled(*d.launch);
    if (d.runtime) j["runtime"] = DescribeInstalled(*d.runtime);
    j["difference"] = PackageChangeName(d.change);
    list.push_back(std::move(j));
  }
  return list;
}

void WriteJson(const PackageDiff& diff, const DiffSide& launch, const DiffSide& runtime,
               std::ostream& out) {
  nlohmann::ordered_json j;
  j["launch"] = SideJson(launch);
  j["runtime"] = SideJson(runtime);
  j["changed"] = DeltaList(diff.changed);
  j["launch_only"] = DeltaList(diff.launch_only);
  j["runtime_only"] = DeltaList(diff.runtime_only);
  j["not_compared"] = DeltaList(diff.omitted_by_freeze);
  j["summary"] = {{"changed", diff.changed.size()},
                  {"launch_only", diff.launch_only.size()},
                  {"runtime_only", diff.runtime_only.size()},
                  {"identical", diff.identical}};
  out << j.dump(2) << "\n";
}

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

void WriteMarkdown(const PackageDiff& diff, const DiffSide& launch, const DiffSide& runtime,
                   std::ostream& out) {
  out << "### Package differences: launch vs runtime\n\n";
  std::vector<Row> rows = Rows(diff);
  if (!rows.empty()) {
    out << "| Package | Launch | Runtime | Difference |\n|---|---|---|---|\n";
    for (const Row& r : rows) {
      out << "| `" << r.package << "` | " << MarkdownCell(r.launch) << " | "
          << MarkdownCell(r.runtime) << " | " << r.difference << " |\n";
    }
    out << "\n";
  }
  out << "**" << Summary(diff) << "**\n\n"
      << "Launch: `" << Describe(launch) << "`<br>\nRuntime: `" << Describe(runtime) << "`\n";
  for (const std::string& note : OmissionNotes(diff)) out << "\n> **Note:** " << note << "\n";
}

}  // namespace

void WriteDiff(const PackageDiff& diff, const DiffSide& launch, const DiffSide& runtime,
               DiffFormat format, std::ostream& out) {
  switch (format) {
    case DiffFormat::kText:
      WriteText(diff, launch, runtime, out);
      return;
    case DiffFormat::kJson:
      WriteJson(diff, launch, runtime, out);
      return;
    case DiffFormat::kMarkdown:
      WriteMarkdown(diff, launch, runtime, out);
      return;
  }
}

}  // namespace beamcompat
