#include "input/log_prefix.h"

#include <array>
#include <cctype>

namespace beamcompat {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when `s` has `count` digits at `pos`.
bool DigitsAt(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return false;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// "HH:MM:SS" plus an optional [.,]fraction at `pos`; returns the end or 0.
size_t MatchClock(std::string_view s, size_t pos) {
  if (!DigitsAt(s, pos, 2) || pos + 8 > s.size() || s[pos + 2] != ':' || !DigitsAt(s, pos + 3, 2) ||
      s[pos + 5] != ':' || !DigitsAt(s, pos + 6, 2)) {
    return 0;
  }
  pos += 8;
  if (pos + 1 < s.size() && (s[pos] == '.' || s[pos] == ',') && IsDigit(s[pos + 1])) {
    ++pos;
    while (pos < s.size() && IsDigit(s[pos])) ++pos;
  }
  return pos;
}

// "YYYY-MM-DD[ T]HH:MM:SS[.frac][Z|+hh:mm]" or Go's "YYYY/MM/DD HH:MM:SS"; returns the end or 0.
size_t MatchTimestamp(std::string_view s, size_t pos) {
  if (!DigitsAt(s, pos, 4) || pos + 10 >= s.size()) return 0;
  char sep = s[pos + 4];
  if ((sep != '-' && sep != '/') || !DigitsAt(s, pos + 5, 2) || s[pos + 7] != sep ||
      !DigitsAt(s, pos + 8, 2) || (s[pos + 10] != ' ' && s[pos + 10] != 'T')) {
    return 0;
  }
  size_t end = MatchClock(s, pos + 11);
  if (end == 0) return 0;
  if (end < s.size() && s[end] == 'Z') return end + 1;
  if (end < s.size() && (s[end] == '+' || s[end] == '-') && DigitsAt(s, end + 1, 2)) {
    end += 3;
    if (end < s.size() && s[end] == ':') ++end;
    if (DigitsAt(s, end, 2)) end += 2;
  }
  return end;
}

constexpr std::array<std::string_view, 10> kLevels = {
    "DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "FATAL", "SEVERE", "NOTICE", "TRACE"};

// A level word at `pos`, alone or in brackets; returns its length through *end.
std::string_view MatchLevel(std::string_view s, size_t pos, size_t* end) {
  bool bracket = pos < s.size() && s[pos] == '[';
  size_t start = pos + (bracket ? 1 : 0);
  for (std::string_view level : kLevels) {
    if (s.substr(start, level.size()) != level) continue;
    size_t after = start + level.size();
    if (bracket) {
      if (after >= s.size() || s[after] != ']') continue;
      ++after;
    }
    if (after < s.size() && s[after] == ':') ++after;  // "ERROR:" as in "ERROR:root:..."
    if (after < s.size() && s[after] != ' ' && s[after] != '\t' && s[after - 1] != ':') continue;
    *end = after;
    return level;
  }
  return {};
}

// After "LEVEL:", Python's default format continues "logger.name:message".
size_t SkipLoggerName(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == '_' || s[i] == '.')) {
    ++i;
  }
  if (i > pos && i < s.size() && s[i] == ':') return i + 1;
  return pos;
}

// glog: "E0501 12:00:00.123456  1234 file.cc:56] ".
size_t MatchGlog(std::string_view s, std::string_view* severity) {
  if (s.size() < 22 || std::string_view("IWEF").find(s[0]) == std::string_view::npos ||
      !DigitsAt(s, 1, 4) || s[5] != ' ') {
    return 0;
  }
  size_t end = MatchClock(s, 6);
  if (end == 0) return 0;
  size_t bracket = s.find("] ", end);
  if (bracket == std::string_view::npos || bracket > end + 80) return 0;
  static constexpr std::array<std::string_view, 4> kNames = {"INFO", "WARNING", "ERROR", "FATAL"};
  *severity = kNames[std::string_view("IWEF").find(s[0])];
  return bracket + 2;
}

bool ConsumePrefix(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// Dataflow's service wraps worker errors: "Error message from worker: generic::unknown: ...",
// sometimes behind Java exception names.
std::string_view StripWrappers(std::string_view s) {
  if (s.empty() || std::string_view("EgWjo").find(s[0]) == std::string_view::npos) return s;
  bool changed = true;
  while (changed) {
    changed = ConsumePrefix(&s, "Error message from worker: ") ||
              ConsumePrefix(&s, "generic::unknown: ") || ConsumePrefix(&s, "generic::internal: ") ||
              ConsumePrefix(&s, "Workflow failed. Causes: ");
    for (std::string_view java : {"java.lang.RuntimeException: ",
                                  "org.apache.beam.sdk.util.UserCodeException: ",
                                  "java.lang.IllegalStateException: "}) {
      changed = ConsumePrefix(&s, java) || changed;
    }
  }
  return s;
}

void StripStepSuffix(StrippedLine* out) {
  std::string_view s = out->text;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() < 20 || s.substr(s.size() - 2) != "']") return;
  size_t open = s.rfind("[while running '");
  if (open == std::string_view::npos) return;
  out->step = s.substr(open + 16, s.size() - 2 - (open + 16));
  s = s.substr(0, open);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  out->text = s;
}

}  // namespace

StrippedLine StripLogDecorations(std::string_view line) {
  StrippedLine out;
  size_t pos = 0;
  bool bracketed = !line.empty() && line[0] == '[';
  size_t end = MatchTimestamp(line, bracketed ? 1 : 0);
  if (end != 0 && bracketed) end = end < line.size() && line[end] == ']' ? end + 1 : 0;
  if (end != 0) {
    pos = SkipSpaces(line, end);
    size_t level_end = 0;
    out.severity = MatchLevel(line, pos, &level_end);
    if (!out.severity.empty()) {
      pos = line[level_end - 1] == ':' ? SkipLoggerName(line, level_end) : level_end;
      pos = SkipSpaces(line, pos);
    }
    out.had_prefix = true;
  } else if ((end = MatchGlog(line, &out.severity)) != 0) {
    pos = end;
    out.had_prefix = true;
  } else {
    size_t level_end = 0;
    std::string_view level = MatchLevel(line, 0, &level_end);
    if (!level.empty() && line[level_end - 1] == ':' && level_end == level.size() + 1) {
      out.severity = level;
      pos = SkipSpaces(line, SkipLoggerName(line, level_end));
      out.had_prefix = true;
    }
  }
  out.text = StripWrappers(line.substr(pos));
  StripStepSuffix(&out);
  return out;
}

}  // namespace beamcompat
