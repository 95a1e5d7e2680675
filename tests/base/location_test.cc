#include "base/location.h"

#include <doctest/doctest.h>

#include "base/message.h"

namespace beamcompat {

TEST_CASE("locations print in the one fixed form") {
  CHECK(AtLine("req.txt", 3, 7).ToString() == "req.txt:3:7");
  CHECK(AtLine("req.txt", 3).ToString() == "req.txt:3");
  CHECK(AtPath("pipeline.pb", "components.environments['e']").ToString() ==
        "pipeline.pb: components.environments['e']");
  Message m{MessageLevel::kWarning, AtLine("f", 1, 2), "skipped 'x'"};
  CHECK(m.ToString() == "f:1:2: warning: skipped 'x'");
}

TEST_CASE("Messages counts errors only") {
  Messages messages;
  messages.Warning(AtLine("a", 1), "w");
  CHECK_FALSE(messages.has_errors());
  messages.Error(AtLine("a", 2), "e");
  CHECK(messages.error_count() == 1);
  CHECK(messages.all().size() == 2);
}

}  // namespace beamcompat
