// PEP 440 versions: parsed leniently, normalised, totally ordered. Used for every package,
// Python and Beam version in the fact model. A string that is not PEP 440 stays text.
#ifndef BEAMCOMPAT_FACTS_VERSION_H_
#define BEAMCOMPAT_FACTS_VERSION_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

class Version {
 public:
  enum class PreKind { kAlpha, kBeta, kRc };

  // Accepts every spelling PEP 440 normalises ("v1.0", "1.0-RC.1", "1.0-1", "1.0+ubuntu-1").
  static std::optional<Version> Parse(std::string_view text);

  const std::string& normalized() const { return normalized_; }  // "1.0rc1", "2.61.0.dev0"
  int64_t epoch() const { return epoch_; }
  const std::vector<int64_t>& release() const { return release_; }
  int64_t major() const { return ComponentOrZero(0); }
  int64_t minor() const { return ComponentOrZero(1); }
  int64_t micro() const { return ComponentOrZero(2); }
  std::optional<PreKind> pre_kind() const { return pre_kind_; }
  std::optional<int64_t> pre_number() const { return pre_number_; }
  std::optional<int64_t> post() const { return post_; }
  std::optional<int64_t> dev() const { return dev_; }
  const std::string& local() const { return local_; }  // "" when none; normalised with '.'

  bool is_prerelease() const { return pre_kind_.has_value() || dev_.has_value(); }
  bool is_devrelease() const { return dev_.has_value(); }
  bool is_postrelease() const { return post_.has_value(); }
  bool has_local() const { return !local_.empty(); }

  std::string BaseVersion() const;    // epoch and release only: "2.50.0rc1" -> "2.50.0"
  std::string PublicVersion() const;  // without the local label
  Version WithoutLocal() const;       // this version with the local label dropped

  friend std::strong_ordering operator<=>(const Version& a, const Version& b);
  friend bool operator==(const Version& a, const Version& b) { return (a <=> b) == 0; }

 private:
  int64_t ComponentOrZero(size_t index) const {
    return index < release_.size() ? release_[index] : 0;
  }

  std::string normalized_;
  int64_t epoch_ = 0;
  std::vector<int64_t> release_;
  std::optional<PreKind> pre_kind_;
  std::optional<int64_t> pre_number_;
  std::optional<int64_t> post_;
  std::optional<int64_t> dev_;
  std::string local_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_VERSION_H_
