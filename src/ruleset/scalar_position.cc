#include "ruleset/scalar_position.h"

#include <vector>

namespace beamcompat {
namespace {

// A run of the value that comes from one source line.
struct Segment {
  size_t value_start;  // offset in the value where this line's content begins
  int line0;
  size_t column0;
  size_t length;
};

size_t Indentation(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// Block scalars: content starts on the line after the indicator, at the block's indentation,
// and each line break or fold adds one character to the value.
std::vector<Segment> BlockSegments(const std::vector<std::string_view>& lines, int line0,
                                   size_t parent_column) {
  std::vector<Segment> segments;
  size_t indent = 0;
  size_t value_offset = 0;
  for (size_t i = static_cast<size_t>(line0) + 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (Trim(line).empty()) {
      value_offset += 1;
      continue;
    }
    size_t this_indent = Indentation(line);
    if (indent == 0) indent = this_indent;
    if (this_indent < indent || this_indent <= parent_column) break;
    segments.push_back({value_offset, static_cast<int>(i), indent, line.size() - indent});
    value_offset += line.size() - indent + 1;
  }
  return segments;
}

// Plain and quoted scalars: the first line from the scalar's start, continuation lines from
// their first non-blank character, folded with one space.
std::vector<Segment> FlowSegments(const std::vector<std::string_view>& lines, int line0,
                                  size_t start_column) {
  std::vector<Segment> segments;
  size_t parent_indent = Indentation(lines[line0]);
  size_t value_offset = 0;
  for (size_t i = static_cast<size_t>(line0); i < lines.size(); ++i) {
    std::string_view line = lines[i];
    bool first = i == static_cast<size_t>(line0);
    if (!first && (Trim(line).empty() || Indentation(line) <= parent_indent)) break;
    size_t begin = first ? start_column : Indentation(line);
    if (begin > line.size()) break;
    std::string_view content = Trim(line.substr(begin));
    segments.push_back({value_offset, static_cast<int>(i), begin, content.size()});
    value_offset += content.size() + 1;
  }
  return segments;
}

}  // namespace

LineColumn ScalarOffsetPosition(std::string_view file_text, int line0, int column0,
                                size_t offset) {
  std::vector<std::string_view> lines = SplitLines(file_text);
  LineColumn fallback{line0 + 1, column0 + 1};
  if (line0 < 0 || static_cast<size_t>(line0) >= lines.size()) return fallback;
  std::string_view first = lines[line0];
  size_t col = static_cast<size_t>(column0);
  char indicator = col < first.size() ? first[col] : ' ';
  std::vector<Segment> segments;
  if (indicator == '|' || indicator == '>') {
    segments = BlockSegments(lines, line0, Indentation(first));
  } else {
    bool quoted = indicator == '\'' || indicator == '"';
    segments = FlowSegments(lines, line0, col + (quoted ? 1 : 0));
  }
  if (segments.empty()) return fallback;
  const Segment* at = &segments.front();
  for (const Segment& segment : segments) {
    if (segment.value_start <= offset) at = &segment;
  }
  return {at->line0 + 1, static_cast<int>(at->column0 + (offset - at->value_start)) + 1};
}

}  // namespace beamcompat
