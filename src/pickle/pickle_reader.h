// Reads a pickle opcode stream (protocols 0-5) WITHOUT executing it: a simulated stack of
// abstract values (strings, bytes, ints, tuples, lists, dicts, global references, code
// objects, opaque objects) just rich enough to resolve what the payload refers to: global
// references, modules imported by name (dill's _import_module, cloudpickle's subimport),
// references into __main__, dill-pickled __main__ functions and the global names their
// bytecode reads, and the library that produced the pickle. Second step of payload analysis,
// after DecodePayload. Every limit (size, opcodes, stack, memo, nesting) turns into an error.
#ifndef BEAMCOMPAT_PICKLE_PICKLE_READER_H_
#define BEAMCOMPAT_PICKLE_PICKLE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pickle/bytecode_reader.h"

namespace beamcompat {

enum class PicklerLibrary { kPickle, kDill, kCloudpickle, kVendoredCloudpickle };
// "pickle", "dill", "cloudpickle", "apache_beam.internal.cloudpickle"
const char* PicklerLibraryName(PicklerLibrary library);

// Every name below is a view of the pickle bytes given to ReadPickle (or a static string):
// keep those bytes while the contents are used. A payload's pickle makes a dozen names, and
// copying each cost a fifth of reading it.
struct GlobalRef {
  std::string_view module;  // "shop_lib.transforms"
  std::string_view name;    // "ParseOrderFn"
  auto operator<=>(const GlobalRef&) const = default;
};

// A function dill pickled by value whose globals are the __main__ module's namespace: on the
// worker it only finds the names it reads if the main session was loaded.
struct MainFunction {
  std::string name;                       // qualified when known: "AddTaxFn.process"
  std::vector<std::string_view> globals;  // names its code (and nested code) reads as globals
  std::vector<std::string_view> imports;  // modules its code imports itself
  BytecodeFormat format = BytecodeFormat::kUnknown;  // the format the bytecode was read as
};

struct PickleContents {
  int protocol = 0;                           // from PROTO; 0 when absent
  std::vector<PicklerLibrary> libraries;      // every pickler whose reducers appear, sorted
  std::vector<GlobalRef> globals;             // sorted, unique; synthetic lookups excluded
  std::vector<std::string_view> imported_modules;  // _import_module / subimport args, sorted
  std::vector<std::string_view> main_names;        // names looked up in __main__ by reference
  bool uses_main_namespace = false;           // dill referenced __main__'s globals dict
  std::vector<MainFunction> main_functions;   // in pickle order
  int nested_pickles = 0;                     // pickles found inside bytes and read too

  // The pickler: dill over cloudpickle over vendored cloudpickle; kPickle when none appears.
  PicklerLibrary library() const;
};

struct PickleLimits {
  uint64_t max_bytes = uint64_t{64} << 20;
  uint64_t max_opcodes = 2'000'000;  // also bounds the simulated values (~100 bytes each)
  uint64_t max_stack = 1'000'000;
  uint64_t max_memo = 1'000'000;
  int max_nesting = 3;  // pickles inside bytes inside pickles
};

struct PickleReadOptions {
  PickleLimits limits;
  // The launch Python's bytecode format; kUnknown infers it per code object.
  BytecodeFormat bytecode = BytecodeFormat::kUnknown;
};

struct PickleReadResult {
  bool ok = false;
  PickleContents contents;  // what was found, also partially when !ok
  std::string error;        // "truncated pickle: 'BINUNICODE' at offset 40 needs 12 bytes"
};

PickleReadResult ReadPickle(std::string_view pickle, const PickleReadOptions& options);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PICKLE_READER_H_
