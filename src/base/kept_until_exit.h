// Objects that live until the process exits and are never destroyed. The facts of a large
// pipeline are millions of small allocations (50k transforms, their payload facts, package
// lists); freeing them one by one at the end of a command took an eighth of a `check` run,
// while the kernel takes the whole address space back at exit for nothing. The objects stay
// reachable from a global list, so leak checkers (LeakSanitizer) do not report them.
#ifndef BEAMCOMPAT_BASE_KEPT_UNTIL_EXIT_H_
#define BEAMCOMPAT_BASE_KEPT_UNTIL_EXIT_H_

#include <utility>

namespace beamcompat {

namespace kept_internal {
void KeepReachable(const void* object);
}  // namespace kept_internal

// A new T that is never deleted; use it for the one big object a command builds.
template <typename T, typename... Args>
T& MakeKeptUntilExit(Args&&... args) {
  T* object = new T(std::forward<Args>(args)...);
  kept_internal::KeepReachable(object);
  return *object;
}

}  // namespace beamcompat

#endif  // BEAMCOMPAT_BASE_KEPT_UNTIL_EXIT_H_
