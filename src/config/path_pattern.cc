#include "config/path_pattern.h"

namespace beamcompat {
namespace {

// Length of a `[...]` class starting at glob[i] and whether `c` is in it; 0 when the bracket
// is not closed (then '[' is an ordinary byte).
size_t MatchClass(std::string_view glob, size_t i, char c, bool* matched) {
  size_t j = i + 1;
  bool negate = j < glob.size() && (glob[j] == '!' || glob[j] == '^');
  if (negate) ++j;
  bool in = false;
  size_t first = j;
  for (; j < glob.size() && (glob[j] != ']' || j == first); ++j) {
    if (j + 2 < glob.size() && glob[j + 1] == '-' && glob[j + 2] != ']') {
      in = in || (glob[j] <= c && c <= glob[j + 2]);
      j += 2;
    } else {
      in = in || glob[j] == c;
    }
  }
  if (j >= glob.size()) return 0;
  *matched = (in != negate) && c != '/';
  return j - i + 1;
}

}  // namespace

bool GlobMatch(std::string_view glob, std::string_view text) {
  // match[i][j]: glob[i..] matches text[j..]; filled from the end, O(|glob| * |text|).
  const size_t g = glob.size(), t = text.size();
  std::vector<std::vector<char>> match(g + 1, std::vector<char>(t + 1, 0));
  match[g][t] = 1;
  for (size_t i = g; i-- > 0;) {
    bool double_star = glob[i] == '*' && i + 1 < g && glob[i + 1] == '*';
    for (size_t j = t + 1; j-- > 0;) {
      char c = j < t ? text[j] : '\0';
      bool result = false;
      if (double_star) {
        size_t next = i + 2 < g && glob[i + 2] == '/' ? i + 3 : i + 2;
        result = match[next][j] || match[i + 2][j] || (j < t && match[i][j + 1]);
      } else if (glob[i] == '*') {
        result = match[i + 1][j] || (j < t && c != '/' && match[i][j + 1]);
      } else if (glob[i] == '?') {
        result = j < t && c != '/' && match[i + 1][j + 1];
      } else if (glob[i] == '[' && j < t) {
        bool in = false;
        size_t length = MatchClass(glob, i, c, &in);
        result = length == 0 ? (c == '[' && match[i + 1][j + 1]) : (in && match[i + length][j + 1]);
      } else {
        result = j < t && c == glob[i] && match[i + 1][j + 1];
      }
      match[i][j] = result;
    }
  }
  return match[0][0];
}

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
  std::string_view glob = pattern;
  if (!glob.empty() && glob[0] == '!') {
    negated_ = true;
    glob.remove_prefix(1);
  }
  if (!glob.empty() && glob.back() == '/') {
    directory_only_ = true;
    glob.remove_suffix(1);
  }
  if (glob.substr(0, 2) == "./") glob.remove_prefix(2);
  anchored_ = glob.find('/') != std::string_view::npos;
  if (!glob.empty() && glob[0] == '/') glob.remove_prefix(1);
  glob_ = std::string(glob);
}

bool PathPattern::MatchesOne(std::string_view candidate) const {
  if (anchored_) return GlobMatch(glob_, candidate);
  size_t slash = candidate.rfind('/');
  return GlobMatch(glob_, slash == std::string_view::npos ? candidate : candidate.substr(slash + 1));
}

bool PathPattern::Matches(std::string_view path, bool is_directory) const {
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  for (size_t end = path.find('/'); end != std::string_view::npos; end = path.find('/', end + 1)) {
    if (MatchesOne(path.substr(0, end))) return true;  // a folder above the path
  }
  return (is_directory || !directory_only_) && MatchesOne(path);
}

bool IsExcludedBy(const std::vector<PathPattern>& patterns, std::string_view path,
                  bool is_directory) {
  bool excluded = false;
  for (const PathPattern& pattern : patterns) {
    if (pattern.Matches(path, is_directory)) excluded = !pattern.negated();
  }
  return excluded;
}

}  // namespace beamcompat
