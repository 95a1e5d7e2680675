// Fuzzes the pickle opcode reader with small limits: any byte string must end in a result
// (contents or an error value), never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pickle/pickle_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  beamcompat::PickleReadOptions options;
  options.limits.max_opcodes = 100000;
  options.limits.max_stack = 10000;
  options.limits.max_memo = 10000;
  std::string_view pickle(reinterpret_cast<const char*>(data), size);
  beamcompat::ReadPickle(pickle, options);
  options.bytecode = beamcompat::BytecodeFormat::kPy313;
  beamcompat::ReadPickle(pickle, options);
  return 0;
}
