#include "facts/version.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <utility>

namespace beamcompat {
namespace {

// A cursor over the lowercased text. Every Parse* step either consumes its whole form or
// nothing, which is all the backtracking PEP 440's grammar needs.
class Scanner {
 public:
  explicit Scanner(std::string text) : text_(std::move(text)) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool IsDigitAt(size_t ahead) const {
    return std::isdigit(static_cast<unsigned char>(Peek(ahead)));
  }
  static bool IsSeparator(char c) { return c == '.' || c == '-' || c == '_'; }
  size_t pos() const { return pos_; }
  void Reset(size_t pos) { pos_ = pos; }

  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  bool ConsumeWord(std::string_view word) {
    if (text_.compare(pos_, word.size(), word) != 0) return false;
    pos_ += word.size();
    return true;
  }
  // Digits as an integer; false (and nothing consumed) on no digit or overflow past 10^18.
  bool ConsumeNumber(int64_t* value) {
    size_t start = pos_;
    int64_t n = 0;
    while (IsDigitAt(0)) {
      if (n > 99999999999999999) {
        pos_ = start;
        return false;
      }
      n = n * 10 + (text_[pos_++] - '0');
    }
    *value = n;
    return pos_ > start;
  }
  // "[sep]digits" -> the number; "" -> nullopt. A separator not followed by a digit is left.
  std::optional<int64_t> ConsumeOptionalNumber() {
    size_t start = pos_;
    if (IsSeparator(Peek())) ++pos_;
    int64_t n = 0;
    if (ConsumeNumber(&n)) return n;
    pos_ = start;
    return std::nullopt;
  }
  // An optional separator followed by one of `words` (tried in order); returns its index.
  std::optional<size_t> ConsumeLabel(std::initializer_list<std::string_view> words) {
    size_t start = pos_;
    if (IsSeparator(Peek())) ++pos_;
    size_t index = 0;
    for (std::string_view word : words) {
      if (ConsumeWord(word)) return index;
      ++index;
    }
    pos_ = start;
    return std::nullopt;
  }
  std::string_view Rest() const { return std::string_view(text_).substr(pos_); }

 private:
  std::string text_;
  size_t pos_ = 0;
};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "ubuntu-1_2" -> "ubuntu.1.2"; empty when the label is malformed.
std::string NormalizeLocal(std::string_view label) {
  std::string out;
  bool expect_alnum = true;
  for (char c : label) {
    if (IsAlnum(c)) {
      out += c;
      expect_alnum = false;
    } else if (Scanner::IsSeparator(c) && !expect_alnum) {
      out += '.';
      expect_alnum = true;
    } else {
      return "";
    }
  }
  return expect_alnum ? "" : out;
}

bool IsAllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

// Integer comparison of two digit strings of any length.
std::strong_ordering CompareDigits(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() <=> b.size();
  return a.compare(b) <=> 0;
}

// PEP 440 local ordering: segment by segment; numbers as integers and above words; a label
// that extends the other sorts after it.
std::strong_ordering CompareLocal(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    size_t ea = a.find('.'), eb = b.find('.');
    std::string_view sa = a.substr(0, ea), sb = b.substr(0, eb);
    bool na = IsAllDigits(sa), nb = IsAllDigits(sb);
    std::strong_ordering c = std::strong_ordering::equal;
    if (na && nb) {
      c = CompareDigits(sa, sb);
    } else if (na != nb) {
      c = na ? std::strong_ordering::greater : std::strong_ordering::less;
    } else {
      c = sa.compare(sb) <=> 0;
    }
    if (c != 0) return c;
    a = ea == std::string_view::npos ? std::string_view() : a.substr(ea + 1);
    b = eb == std::string_view::npos ? std::string_view() : b.substr(eb + 1);
  }
  return a.size() <=> b.size();
}

std::strong_ordering CompareRelease(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int64_t x = i < a.size() ? a[i] : 0;
    int64_t y = i < b.size() ? b[i] : 0;
    if (x != y) return x <=> y;
  }
  return std::strong_ordering::equal;
}

// The pre-release key: a dev release of a final (no pre, no post) sorts before every
// pre-release; a final or post-release sorts after them.
std::pair<int, int64_t> PreKey(const Version& v) {
  if (v.pre_kind()) return {static_cast<int>(*v.pre_kind()), *v.pre_number()};
  if (!v.post() && v.dev()) return {-1, 0};
  return {3, 0};
}

const char* PreLabel(Version::PreKind kind) {
  switch (kind) {
    case Version::PreKind::kAlpha:
      return "a";
    case Version::PreKind::kBeta:
      return "b";
    case Version::PreKind::kRc:
      return "rc";
  }
  return "rc";
}

}  // namespace

std::optional<Version> Version::Parse(std::string_view text) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && IsAsciiSpace(trimmed.front())) trimmed.remove_prefix(1);
  while (!trimmed.empty() && IsAsciiSpace(trimmed.back())) trimmed.remove_suffix(1);
  std::string lowered(trimmed);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  Scanner s(std::move(lowered));

  Version v;
  s.Consume('v');
  int64_t number = 0;
  size_t start = s.pos();
  if (s.ConsumeNumber(&number) && s.Consume('!')) {
    v.epoch_ = number;
  } else {
    s.Reset(start);
  }
  if (!s.ConsumeNumber(&number)) return std::nullopt;
  v.release_.push_back(number);
  while (s.Peek() == '.' && s.IsDigitAt(1)) {
    s.Consume('.');
    if (!s.ConsumeNumber(&number)) return std::nullopt;
    v.release_.push_back(number);
  }
  if (auto label = s.ConsumeLabel({"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"})) {
    static constexpr PreKind kKinds[] = {PreKind::kAlpha, PreKind::kAlpha, PreKind::kBeta,
                                         PreKind::kBeta,  PreKind::kRc,    PreKind::kRc,
                                         PreKind::kRc,    PreKind::kRc};
    v.pre_kind_ = kKinds[*label];
    v.pre_number_ = s.ConsumeOptionalNumber().value_or(0);
  }
  if (s.Peek() == '-' && s.IsDigitAt(1)) {
    s.Consume('-');
    s.ConsumeNumber(&number);
    v.post_ = number;
  } else if (s.ConsumeLabel({"post", "rev", "r"})) {
    v.post_ = s.ConsumeOptionalNumber().value_or(0);
  }
  if (s.ConsumeLabel({"dev"})) v.dev_ = s.ConsumeOptionalNumber().value_or(0);
  if (s.Consume('+')) {
    v.local_ = NormalizeLocal(s.Rest());
    if (v.local_.empty()) return std::nullopt;
  } else if (!s.AtEnd()) {
    return std::nullopt;
  }

  v.normalized_ = v.PublicVersion();
  if (!v.local_.empty()) v.normalized_ += "+" + v.local_;
  return v;
}

std::string Version::BaseVersion() const {
  std::string out = epoch_ != 0 ? std::to_string(epoch_) + "!" : "";
  for (size_t i = 0; i < release_.size(); ++i) {
    if (i > 0) out += '.';
    out += std::to_string(release_[i]);
  }
  return out;
}

std::string Version::PublicVersion() const {
  std::string out = BaseVersion();
  if (pre_kind_) out += PreLabel(*pre_kind_) + std::to_string(*pre_number_);
  if (post_) out += ".post" + std::to_string(*post_);
  if (dev_) out += ".dev" + std::to_string(*dev_);
  return out;
}

Version Version::WithoutLocal() const {
  Version v = *this;
  v.local_.clear();
  v.normalized_ = PublicVersion();
  return v;
}

std::strong_ordering operator<=>(const Version& a, const Version& b) {
  if (a.epoch_ != b.epoch_) return a.epoch_ <=> b.epoch_;
  if (auto c = CompareRelease(a.release_, b.release_); c != 0) return c;
  if (auto c = PreKey(a) <=> PreKey(b); c != 0) return c;
  // No post-release sorts before any post-release.
  if (auto c = a.post_.value_or(-1) <=> b.post_.value_or(-1); c != 0) return c;
  // No dev-release sorts after any dev-release.
  constexpr int64_t kNoDev = INT64_MAX;
  if (auto c = a.dev_.value_or(kNoDev) <=> b.dev_.value_or(kNoDev); c != 0) return c;
  if (a.local_.empty() || b.local_.empty()) return !a.local_.empty() <=> !b.local_.empty();
  return CompareLocal(a.local_, b.local_);
}

}  // namespace beamcompat
