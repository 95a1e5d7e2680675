// Fuzz target for lint's project-file readers: the same bytes are read as a requirements
// file, a setup.py, a setup.cfg and a .python-version (the text readers that do not go
// through a library parser). None may crash, hang or throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/message.h"
#include "lint/project_file_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  beamcompat::Messages messages;
  beamcompat::Declarations declarations;
  beamcompat::ReadRequirementsFile("requirements.txt", text, false, &declarations, &messages);
  beamcompat::ReadSetupPy("setup.py", text, &declarations, &messages);
  beamcompat::ReadSetupCfg("setup.cfg", text, &declarations, &messages);
  beamcompat::ReadPythonVersionFile(".python-version", text, &declarations, &messages);
  return 0;
}
