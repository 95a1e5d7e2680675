// Wheel file names (PEP 427) and their compatibility tags (PEP 425): what a staged
// `--extra_package` wheel says about the Pythons and platforms it installs on. Pure text
// parsing; the rule that compares these tags with the runtime lives in rules/ as data.
#ifndef BEAMCOMPAT_FACTS_WHEEL_TAGS_H_
#define BEAMCOMPAT_FACTS_WHEEL_TAGS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

struct WheelTags {
  std::string distribution;  // "my_pkg"
  std::string version;       // "1.0.2"
  std::string build;         // optional build tag, "" when none
  // Compressed tag sets expanded: "py2.py3" -> {"py2", "py3"}.
  std::vector<std::string> python_tags;    // "cp310", "py3"
  std::vector<std::string> abi_tags;       // "cp310", "abi3", "none"
  std::vector<std::string> platform_tags;  // "manylinux_2_17_x86_64", "any"
  // For stable-ABI wheels ("cp38-abi3-..."): the lowest CPython they need, "3.8"; else "".
  std::string abi3_min_python;
};

// Parses "{dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl" (a base name; any
// directory part is ignored). nullopt when the name is not a wheel file name.
std::optional<WheelTags> ParseWheelFileName(std::string_view file_name);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_WHEEL_TAGS_H_
