// Reads CPython bytecode (co_code + co_names of a pickled code object) to find the global
// names a function reads: LOAD_GLOBAL, LOAD_NAME (class bodies, module code),
// LOAD_FROM_DICT_OR_GLOBALS (3.12+) and the modules it imports itself (IMPORT_NAME). Used by
// the pickle reader for dill-pickled __main__ functions, so `json.loads(x)` counts `json` but
// `x.strip()` never counts `strip`. Never executes anything.
#ifndef BEAMCOMPAT_PICKLE_BYTECODE_READER_H_
#define BEAMCOMPAT_PICKLE_BYTECODE_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

// The bytecode formats that differ in what we read. 3.8-3.10 share opcode numbers; 3.11 adds
// inline caches (zero CACHE units) and LOAD_GLOBAL's arg>>1; 3.12 adds
// LOAD_FROM_DICT_OR_GLOBALS; 3.13 renumbers every opcode.
enum class BytecodeFormat { kUnknown, kPy38To310, kPy311, kPy312, kPy313 };

// "3.10" -> kPy38To310, "3.13" -> kPy313; kUnknown for anything outside 3.8-3.13.
BytecodeFormat BytecodeFormatForPython(std::string_view major_minor);
const char* BytecodeFormatName(BytecodeFormat format);  // "3.8-3.10", "3.11", ...

// Views of `names`' strings.
struct BytecodeReads {
  std::vector<std::string_view> globals;  // names read from the globals, in first-use order
  std::vector<std::string_view> imports;  // IMPORT_NAME arguments
  bool ok = true;                    // false: an argument pointed outside co_names
};

// `format` must not be kUnknown. `names` is co_names.
BytecodeReads ReadBytecode(std::string_view code, const std::vector<std::string_view>& names,
                           BytecodeFormat format);

// Guesses the format of a code object when the launch Python is not known: `has_qualname` is
// true for the 3.11+ code-object layout (co_qualname, co_exceptiontable); 3.13 is told apart
// by its RESUME opcode number. 3.11 and 3.12 read the same here, so kPy311 stands for both.
BytecodeFormat InferBytecodeFormat(std::string_view code, bool has_qualname);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_BYTECODE_READER_H_
