// Small text helpers shared by the readers: trimming, line splitting, UTF-8 checks and the
// "did you mean" suggestion used for unknown names everywhere.
#ifndef BEAMCOMPAT_BASE_TEXT_H_
#define BEAMCOMPAT_BASE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

std::string_view Trim(std::string_view text);
std::string ToLower(std::string_view text);
std::vector<std::string_view> Split(std::string_view text, char separator);

// Lines without their terminator ("\n" or "\r\n"); a final line without "\n" is included.
std::vector<std::string_view> SplitLines(std::string_view text);

// Offset of the first byte that breaks UTF-8, or npos when the text is valid.
size_t FindInvalidUtf8(std::string_view text);

// 1-based line and column of a byte offset.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

// Levenshtein distance, capped: returns max_distance + 1 once the distance exceeds it.
size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance);

// The closest candidate within a small edit distance, or "" when none is close.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" when a close candidate exists, else "".
std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates);

// Quotes a token for messages: 'token', with control bytes and bytes that are not UTF-8
// escaped (\xff) so messages stay one valid line.
std::string Quote(std::string_view token);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_BASE_TEXT_H_
