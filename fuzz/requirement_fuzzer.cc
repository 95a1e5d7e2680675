// Fuzz target for the PEP 440 / PEP 508 grammar: versions, specifier sets, markers and whole
// requirement strings. Checks the ordering's basic laws on what parses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "facts/marker.h"
#include "facts/requirement.h"
#include "facts/specifier.h"
#include "facts/version.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace beamcompat;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string err;
  if (auto version = Version::Parse(text)) {
    // The normal form parses back to an equal version.
    auto again = Version::Parse(version->normalized());
    if (!again || *again != *version || again->normalized() != version->normalized()) {
      std::abort();
    }
    auto spec = SpecifierSet::Parse("==" + version->normalized(), &err);
    if (!spec || !spec->Contains(*version)) std::abort();
  }
  if (auto spec = SpecifierSet::Parse(text, &err)) {
    auto reparsed = SpecifierSet::Parse(spec->ToString(), &err);
    if (!reparsed || reparsed->ToString() != spec->ToString()) std::abort();
  }
  EvaluateMarker(text, WorkerMarkerEnvironment("3.11.4"), &err);
  ParseRequirement(text, &err);
  return 0;
}
