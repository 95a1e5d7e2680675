#include "report/color.h"

#include "base/text.h"

namespace beamcompat {
namespace {

bool NonEmpty(const std::map<std::string, std::string>& env, const char* name) {
  auto it = env.find(name);
  return it != env.end() && !it->second.empty();
}

}  // namespace

bool ResolveColor(const std::string& flag, const std::map<std::string, std::string>& env,
                  bool out_is_tty, bool* color, std::string* error) {
  if (flag == "always" || flag == "never") {
    *color = flag == "always";
    return true;
  }
  if (flag != "auto" && !flag.empty()) {
    *error = "unknown --color value " + Quote(flag) +
             DidYouMeanSuffix(flag, {"auto", "always", "never"}) +
             "; expected auto, always or never";
    return false;
  }
  if (NonEmpty(env, "NO_COLOR")) {
    *color = false;
  } else if (NonEmpty(env, "FORCE_COLOR")) {
    *color = true;
  } else {
    *color = out_is_tty;
  }
  return true;
}

}  // namespace beamcompat
