#include "diagnose/package_facts.h"

#include <cctype>

namespace beamcompat {
namespace {

// PEP 503 key of a distribution name, as PackageList::Find expects.
std::string Pep503Key(std::string_view name) {
  std::string key;
  for (char c : name) {
    bool separator = c == '-' || c == '_' || c == '.';
    if (separator) {
      if (key.empty() || key.back() != '-') key += '-';
    } else {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

struct SideView {
  bool given = false;
  const Package* package = nullptr;
};

SideView Look(const SideFacts& side, const std::string& key) {
  SideView view;
  view.given = side.packages.has_value();
  if (view.given) view.package = side.packages->Find(key);
  return view;
}

std::string VersionOf(const Package& p) {
  return p.version_text.empty() ? std::string("(unpinned)") : p.version_text;
}

std::string Describe(const std::string& name, const std::string& subject, const SideView& launch,
                     const SideView& runtime) {
  if (launch.package && runtime.package) {
    std::string lv = VersionOf(*launch.package), rv = VersionOf(*runtime.package);
    if (lv == rv) return name + " " + lv + " is installed at launch and at runtime";
    return name + " is " + lv + " at launch but " + rv + " at runtime";
  }
  std::string out;
  if (launch.package) {
    out = subject + " " + VersionOf(*launch.package) + " at launch";
  } else if (launch.given) {
    out = "the launch list has no " + name;
  }
  std::string runtime_part;
  if (runtime.package) {
    runtime_part = name + " " + VersionOf(*runtime.package) + " at runtime";
  } else if (runtime.given) {
    runtime_part = "the runtime list has no " + name;
  }
  if (out.empty()) return runtime_part;
  return runtime_part.empty() ? out : out + "; " + runtime_part;
}

}  // namespace

PackageStatement DescribePackage(const FactSet& facts, std::string_view module,
                                 std::string_view distribution) {
  PackageStatement statement;
  std::string name(distribution);
  std::string key = Pep503Key(name);
  SideView launch = Look(facts.launch, key);
  SideView runtime = Look(facts.runtime, key);
  if (!launch.given && !runtime.given) return statement;
  if (launch.package) name = launch.package->name;
  else if (runtime.package) name = runtime.package->name;
  std::string subject = Pep503Key(module) == key || module.empty()
                            ? name
                            : "'" + std::string(module) + "' is provided by " + name;
  statement.sentence = Describe(name, subject, launch, runtime);
  statement.facts.emplace_back("distribution", name);
  if (launch.given) {
    statement.facts.emplace_back("launch.version", launch.package ? VersionOf(*launch.package) : "absent");
  }
  if (runtime.given) {
    statement.facts.emplace_back("runtime.version", runtime.package ? VersionOf(*runtime.package) : "absent");
  }
  return statement;
}

}  // namespace beamcompat
