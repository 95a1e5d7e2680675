#include "facts/requirement.h"

#include <cctype>
#include <utility>

#include "base/text.h"
#include "facts/marker.h"
#include "facts/package_name.h"

namespace beamcompat {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

// Takes the leading run of name characters off `rest`.
std::string_view TakeName(std::string_view* rest) {
  size_t end = 0;
  while (end < rest->size() && IsNameChar((*rest)[end])) ++end;
  std::string_view name = rest->substr(0, end);
  *rest = Trim(rest->substr(end));
  return name;
}

bool ParseExtras(std::string_view* rest, std::vector<std::string>* extras, std::string* err) {
  size_t close = rest->find(']');
  if (close == std::string_view::npos) {
    *err = "expected ']' after the extras";
    return false;
  }
  std::string_view list = rest->substr(1, close - 1);
  *rest = Trim(rest->substr(close + 1));
  if (Trim(list).empty()) return true;
  for (std::string_view part : Split(list, ',')) {
    std::string_view extra = Trim(part);
    if (!IsValidPackageName(extra)) {
      *err = "invalid extra name " + Quote(extra);
      return false;
    }
    extras->emplace_back(extra);
  }
  return true;
}

bool CheckMarker(std::string_view marker, std::string* err) {
  std::string why;
  if (EvaluateMarker(marker, MarkerEnvironment(), &why)) return true;
  *err = "invalid marker: " + why;
  return false;
}

// "@ url [; marker]"; PEP 508 wants whitespace between the URL and ';'.
bool ParseUrlPart(std::string_view rest, Requirement* req, std::string* err) {
  rest = Trim(rest.substr(1));
  size_t end = 0;
  while (end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[end]))) ++end;
  req->url = std::string(rest.substr(0, end));
  if (req->url.empty()) {
    *err = "expected a URL after '@'";
    return false;
  }
  rest = Trim(rest.substr(end));
  if (rest.empty()) return true;
  if (rest.front() != ';') {
    *err = "expected ';' and a marker after the URL, found " + Quote(rest);
    return false;
  }
  req->marker = std::string(Trim(rest.substr(1)));
  return CheckMarker(req->marker, err);
}

bool ParseSpecifierPart(std::string_view rest, Requirement* req, std::string* err) {
  size_t semicolon = rest.find(';');
  std::string_view spec = Trim(rest.substr(0, semicolon));
  if (spec.size() >= 2 && spec.front() == '(' && spec.back() == ')') {
    spec = Trim(spec.substr(1, spec.size() - 2));
  }
  std::optional<SpecifierSet> set = SpecifierSet::Parse(spec, err);
  if (!set) return false;
  req->specifiers = std::move(*set);
  if (semicolon == std::string_view::npos) return true;
  req->marker = std::string(Trim(rest.substr(semicolon + 1)));
  return CheckMarker(req->marker, err);
}

}  // namespace

std::optional<Requirement> ParseRequirement(std::string_view text, std::string* err) {
  std::string_view rest = Trim(text);
  Requirement req;
  std::string_view name = TakeName(&rest);
  if (name.empty()) {
    *err = "expected a package name, found " + Quote(rest);
    return std::nullopt;
  }
  if (!IsValidPackageName(name)) {
    *err = "invalid package name " + Quote(name);
    return std::nullopt;
  }
  req.name = std::string(name);
  req.key = NormalizePackageName(name);
  if (!rest.empty() && rest.front() == '[' && !ParseExtras(&rest, &req.extras, err)) {
    return std::nullopt;
  }
  bool ok = !rest.empty() && rest.front() == '@' ? ParseUrlPart(rest, &req, err)
                                                 : ParseSpecifierPart(rest, &req, err);
  if (!ok) return std::nullopt;
  return req;
}

}  // namespace beamcompat
