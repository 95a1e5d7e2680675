// gitignore-style path patterns for the config's `exclude` and `per-file-ignores`: `*` and
// `?` within one path segment, `**` across segments, `[abc]` classes, a leading `/` (or any
// inner `/`) anchors to the config folder, a trailing `/` matches folders only, a leading `!`
// re-includes. A pattern that matches a folder matches everything below it.
#ifndef BEAMCOMPAT_CONFIG_PATH_PATTERN_H_
#define BEAMCOMPAT_CONFIG_PATH_PATTERN_H_

#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

class PathPattern {
 public:
  explicit PathPattern(std::string_view pattern);

  // `path` is relative to the pattern's base folder, '/'-separated, without "./".
  bool Matches(std::string_view path, bool is_directory) const;
  bool negated() const { return negated_; }
  const std::string& text() const { return text_; }

 private:
  bool MatchesOne(std::string_view candidate) const;

  std::string text_;  // as written
  std::string glob_;  // without '!', leading '/' and trailing '/'
  bool negated_ = false;
  bool anchored_ = false;
  bool directory_only_ = false;
};

// The gitignore rule: the last pattern that matches decides; true when `path` is excluded.
bool IsExcludedBy(const std::vector<PathPattern>& patterns, std::string_view path,
                  bool is_directory);

// Matches `text` against a glob where '*' and '?' stop at '/', and '**' does not.
bool GlobMatch(std::string_view glob, std::string_view text);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CONFIG_PATH_PATTERN_H_
