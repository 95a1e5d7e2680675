#include "pickle/bytecode_reader.h"

#include <algorithm>
#include <array>

namespace beamcompat {
namespace {

// Opcode numbers from each CPython's Lib/opcode.py (opcode.opmap); -1 where absent.
struct OpcodeNumbers {
  BytecodeFormat format;
  const char* name;
  int load_global;
  bool load_global_shifted;  // 3.11+: the name index is arg >> 1
  int load_name;
  int load_from_dict_or_globals;
  int import_name;
  int extended_arg;
};

constexpr std::array<OpcodeNumbers, 4> kOpcodes = {{
    {BytecodeFormat::kPy38To310, "3.8-3.10", 116, false, 101, -1, 108, 144},
    {BytecodeFormat::kPy311, "3.11", 116, true, 101, -1, 108, 144},
    {BytecodeFormat::kPy312, "3.12", 116, true, 101, 175, 108, 144},
    {BytecodeFormat::kPy313, "3.13", 91, true, 92, 90, 75, 71},
}};

const OpcodeNumbers* Find(BytecodeFormat format) {
  for (const auto& row : kOpcodes) {
    if (row.format == format) return &row;
  }
  return nullptr;
}

}  // namespace

BytecodeFormat BytecodeFormatForPython(std::string_view major_minor) {
  if (major_minor == "3.8" || major_minor == "3.9" || major_minor == "3.10") {
    return BytecodeFormat::kPy38To310;
  }
  if (major_minor == "3.11") return BytecodeFormat::kPy311;
  if (major_minor == "3.12") return BytecodeFormat::kPy312;
  if (major_minor == "3.13") return BytecodeFormat::kPy313;
  return BytecodeFormat::kUnknown;
}

const char* BytecodeFormatName(BytecodeFormat format) {
  const OpcodeNumbers* row = Find(format);
  return row != nullptr ? row->name : "unknown";
}

BytecodeReads ReadBytecode(std::string_view code, const std::vector<std::string_view>& names,
                           BytecodeFormat format) {
  BytecodeReads reads;
  const OpcodeNumbers* ops = Find(format);
  if (ops == nullptr) {
    reads.ok = false;
    return reads;
  }
  // Seen flags per co_names index (kGlobal, kImport) keep the lists unique in linear time.
  constexpr uint8_t kGlobal = 1, kImport = 2;
  std::vector<uint8_t> seen(names.size());
  uint32_t extended = 0;
  for (size_t i = 0; i + 1 < code.size(); i += 2) {
    int op = static_cast<unsigned char>(code[i]);
    uint32_t arg = extended | static_cast<unsigned char>(code[i + 1]);
    extended = op == ops->extended_arg ? (arg << 8) : 0;
    uint32_t index;
    std::vector<std::string_view>* target = &reads.globals;
    uint8_t flag = kGlobal;
    if (op == ops->load_global) {
      index = ops->load_global_shifted ? arg >> 1 : arg;
    } else if (op == ops->load_name || op == ops->load_from_dict_or_globals) {
      index = arg;
    } else if (op == ops->import_name) {
      index = arg;
      target = &reads.imports;
      flag = kImport;
    } else {
      continue;
    }
    if (index >= names.size()) {
      reads.ok = false;
      continue;
    }
    if (!(seen[index] & flag)) target->push_back(names[index]);
    seen[index] |= flag;
  }
  return reads;
}

BytecodeFormat InferBytecodeFormat(std::string_view code, bool has_qualname) {
  if (!has_qualname) return BytecodeFormat::kPy38To310;
  // 3.11/3.12 reach RESUME = 151 within the first few units (after MAKE_CELL,
  // COPY_FREE_VARS = 149, RETURN_GENERATOR); 3.13 uses 149 for RESUME and never 151.
  bool saw_149 = false;
  for (size_t i = 0; i + 1 < code.size() && i < 16; i += 2) {
    int op = static_cast<unsigned char>(code[i]);
    if (op == 151) return BytecodeFormat::kPy311;
    saw_149 |= op == 149;
  }
  return saw_149 ? BytecodeFormat::kPy313 : BytecodeFormat::kPy311;
}

}  // namespace beamcompat
