#include "facts/wheel_tags.h"

#include <cctype>

#include "base/text.h"

namespace beamcompat {
namespace {

constexpr std::string_view kWheelSuffix = ".whl";

std::vector<std::string> ExpandTagSet(std::string_view field) {
  std::vector<std::string> tags;
  for (std::string_view tag : Split(field, '.')) {
    if (!tag.empty()) tags.push_back(ToLower(tag));
  }
  return tags;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "cp38" -> "3.8", "cp310" -> "3.10"; "" for tags that name no CPython 3 minor.
std::string CPythonMinor(std::string_view tag) {
  if (tag.size() < 4 || tag.substr(0, 3) != "cp3" || !AllDigits(tag.substr(3))) return "";
  return "3." + std::string(tag.substr(3));
}

std::string LowestAbi3Python(const WheelTags& wheel) {
  bool abi3 = false;
  for (const std::string& abi : wheel.abi_tags) abi3 = abi3 || abi == "abi3";
  if (!abi3) return "";
  std::string lowest;
  int lowest_minor = 0;
  for (const std::string& tag : wheel.python_tags) {
    std::string minor = CPythonMinor(tag);
    if (minor.empty()) continue;
    int value = std::stoi(minor.substr(2));
    if (lowest.empty() || value < lowest_minor) {
      lowest = minor;
      lowest_minor = value;
    }
  }
  return lowest;
}

}  // namespace

std::optional<WheelTags> ParseWheelFileName(std::string_view file_name) {
  size_t slash = file_name.find_last_of('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  if (file_name.size() <= kWheelSuffix.size() ||
      ToLower(file_name.substr(file_name.size() - kWheelSuffix.size())) != kWheelSuffix) {
    return std::nullopt;
  }
  file_name.remove_suffix(kWheelSuffix.size());
  std::vector<std::string_view> parts = Split(file_name, '-');
  if (parts.size() != 5 && parts.size() != 6) return std::nullopt;
  for (std::string_view part : parts) {
    if (part.empty()) return std::nullopt;
  }
  WheelTags wheel;
  size_t n = parts.size();
  wheel.distribution = std::string(parts[0]);
  wheel.version = std::string(parts[1]);
  if (n == 6) {
    if (!std::isdigit(static_cast<unsigned char>(parts[2][0]))) return std::nullopt;
    wheel.build = std::string(parts[2]);
  }
  wheel.python_tags = ExpandTagSet(parts[n - 3]);
  wheel.abi_tags = ExpandTagSet(parts[n - 2]);
  wheel.platform_tags = ExpandTagSet(parts[n - 1]);
  if (wheel.python_tags.empty() || wheel.abi_tags.empty() || wheel.platform_tags.empty()) {
    return std::nullopt;
  }
  wheel.abi3_min_python = LowestAbi3Python(wheel);
  return wheel;
}

}  // namespace beamcompat
