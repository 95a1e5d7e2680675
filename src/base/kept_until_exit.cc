#include "base/kept_until_exit.h"

#include <mutex>
#include <vector>

namespace beamcompat::kept_internal {

void KeepReachable(const void* object) {
  // Allocated once and never freed either: a static vector would be destroyed at exit.
  static auto* kept = new std::vector<const void*>;
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(object);
}

}  // namespace beamcompat::kept_internal
