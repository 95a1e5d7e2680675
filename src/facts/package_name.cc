#include "facts/package_name.h"


namespace beamcompat {
namespace {

bool IsNameSeparator(char c) { return c == '-' || c == '_' || c == '.'; }
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string NormalizePackageName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool in_separator_run = false;
  for (char c : name) {
    if (IsNameSeparator(c)) {
      if (!in_separator_run) out += '-';
      in_separator_run = true;
      continue;
    }
    in_separator_run = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;  // as the C locale does
  }
  return out;
}

bool IsValidPackageName(std::string_view name) {
  if (name.empty() || !IsAsciiAlnum(name.front()) || !IsAsciiAlnum(name.back())) return false;
  for (char c : name) {
    if (!IsAsciiAlnum(c) && !IsNameSeparator(c)) return false;
  }
  return true;
}

}  // namespace beamcompat
