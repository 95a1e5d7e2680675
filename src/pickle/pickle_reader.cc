#include "pickle/pickle_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>

#include "pickle/pickle_machine.h"

namespace beamcompat {
namespace pickle_internal {
namespace {

// Opcode names from CPython's Lib/pickletools.py, for error messages.
struct OpcodeInfo {
  uint8_t op;
  const char* name;
};
// clang-format off
constexpr OpcodeInfo kOpcodeNames[] = {
    {'I', "INT"}, {'J', "BININT"}, {'K', "BININT1"}, {'M', "BININT2"},
    {'L', "LONG"}, {0x8a, "LONG1"}, {0x8b, "LONG4"}, {'S', "STRING"},
    {'T', "BINSTRING"}, {'U', "SHORT_BINSTRING"}, {'B', "BINBYTES"}, {'C', "SHORT_BINBYTES"},
    {0x8e, "BINBYTES8"}, {0x96, "BYTEARRAY8"}, {0x97, "NEXT_BUFFER"}, {0x98, "READONLY_BUFFER"},
    {'N', "NONE"}, {0x88, "NEWTRUE"}, {0x89, "NEWFALSE"}, {'V', "UNICODE"},
    {0x8c, "SHORT_BINUNICODE"}, {'X', "BINUNICODE"}, {0x8d, "BINUNICODE8"}, {'F', "FLOAT"},
    {'G', "BINFLOAT"}, {']', "EMPTY_LIST"}, {'a', "APPEND"}, {'e', "APPENDS"},
    {'l', "LIST"}, {')', "EMPTY_TUPLE"}, {'t', "TUPLE"}, {0x85, "TUPLE1"},
    {0x86, "TUPLE2"}, {0x87, "TUPLE3"}, {'}', "EMPTY_DICT"}, {'d', "DICT"},
    {'s', "SETITEM"}, {'u', "SETITEMS"}, {0x8f, "EMPTY_SET"}, {0x90, "ADDITEMS"},
    {0x91, "FROZENSET"}, {'0', "POP"}, {'2', "DUP"}, {'(', "MARK"},
    {'1', "POP_MARK"}, {'g', "GET"}, {'h', "BINGET"}, {'j', "LONG_BINGET"},
    {'p', "PUT"}, {'q', "BINPUT"}, {'r', "LONG_BINPUT"}, {0x94, "MEMOIZE"},
    {0x82, "EXT1"}, {0x83, "EXT2"}, {0x84, "EXT4"}, {'c', "GLOBAL"},
    {0x93, "STACK_GLOBAL"}, {'R', "REDUCE"}, {'b', "BUILD"}, {'i', "INST"},
    {'o', "OBJ"}, {0x81, "NEWOBJ"}, {0x92, "NEWOBJ_EX"}, {0x80, "PROTO"},
    {'.', "STOP"}, {0x95, "FRAME"}, {'P', "PERSID"}, {'Q', "BINPERSID"},
};
// clang-format on

const char* OpcodeName(uint8_t op) {
  for (const OpcodeInfo& info : kOpcodeNames) {
    if (info.op == op) return info.name;
  }
  return "?";
}

std::string At(uint8_t op, size_t offset) {
  return fmt::format("'{}' at offset {}", OpcodeName(op), offset);
}

bool ParseDecimal(std::string_view text, uint64_t* out) {
  auto result = std::from_chars(text.data(), text.data() + text.size(), *out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

}  // namespace

const uint32_t* Memo::Get(uint64_t index) const {
  if (index < dense_.size()) return dense_[index] == kEmpty ? nullptr : &dense_[index];
  auto found = sparse_.find(index);
  return found == sparse_.end() ? nullptr : &found->second;
}

void Memo::Put(uint64_t index, uint32_t value) {
  if (index < kDenseLimit) {
    if (index >= dense_.size()) {
      // Never past kDenseLimit: Get looks in dense_ for whatever is below its size.
      size_t size = std::min<size_t>(kDenseLimit, std::max<size_t>(index + 1, dense_.size() * 2));
      dense_.resize(size, kEmpty);
    }
    count_ += dense_[index] == kEmpty;
    dense_[index] = value;
    touched_ = std::max<size_t>(touched_, index + 1);
    return;
  }
  count_ += sparse_.insert_or_assign(index, value).second;
}

void Memo::Clear() {
  std::fill(dense_.begin(), dense_.begin() + static_cast<ptrdiff_t>(touched_), kEmpty);
  touched_ = 0;
  sparse_.clear();
  count_ = 0;
}

MachineScratch& MachineScratch::ForThread(int nesting) {
  thread_local std::deque<MachineScratch> levels;  // a deque: growing never moves a level
  while (levels.size() <= static_cast<size_t>(nesting)) levels.emplace_back();
  return levels[static_cast<size_t>(nesting)];
}

Machine::Machine(std::string_view input, const PickleReadOptions& options, int nesting)
    : input_(input),
      options_(options),
      nesting_(nesting),
      scratch_(MachineScratch::ForThread(nesting)),
      values_(scratch_.values),
      stack_(scratch_.stack),
      marks_(scratch_.marks),
      memo_(scratch_.memo) {
  stack_.clear();
  marks_.clear();
  memo_.Clear();
}

Machine::~Machine() {
  // A rare huge pickle does not keep its memory for the rest of the run.
  constexpr size_t kKeptValues = 1 << 14;
  if (values_.size() > kKeptValues) scratch_ = MachineScratch();
}

bool Machine::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return false;
}

bool Machine::Run() {
  if (input_.size() > options_.limits.max_bytes) {
    return Fail(fmt::format("pickle of {} bytes exceeds the limit of {} bytes", input_.size(),
                            options_.limits.max_bytes));
  }
  while (pos_ < input_.size()) {
    if (++opcodes_ > options_.limits.max_opcodes) {
      return Fail(
          fmt::format("pickle exceeds the limit of {} opcodes", options_.limits.max_opcodes));
    }
    size_t offset = pos_;
    auto op = static_cast<uint8_t>(input_[pos_++]);
    if (op == '.') return true;
    if (!Step(op, offset)) return false;
  }
  return Fail(fmt::format("truncated pickle: no 'STOP' opcode in {} bytes", input_.size()));
}

// Each group's switch says whether it knows the opcode; the common ones come first.
bool Machine::Step(uint8_t op, size_t offset) {
  bool handled = false;
  bool ok = StepBinary(op, offset, &handled);
  if (!handled) ok = StepContainers(op, offset, &handled);
  if (!handled) ok = StepCalls(op, offset, &handled);
  if (!handled) ok = StepLines(op, offset, &handled);
  return handled ? ok : FailUnknownOpcode(op, offset);
}

bool Machine::FailUnknownOpcode(uint8_t op, size_t offset) {
  return Fail(fmt::format("unknown pickle opcode 0x{:02x} at offset {}", op, offset));
}

bool Machine::FailTruncated(size_t bytes, uint8_t op, size_t offset) {
  return Fail(fmt::format("truncated pickle: {} needs {} bytes, {} left", At(op, offset), bytes,
                          input_.size() - pos_));
}

bool Machine::FailStackLimit() {
  return Fail(
      fmt::format("pickle stack exceeds the limit of {} values", options_.limits.max_stack));
}

bool Machine::FailUnderflow(uint8_t op, size_t offset) {
  return Fail(fmt::format("stack underflow at {}", At(op, offset)));
}

bool Machine::ReadLine(uint8_t op, size_t offset, std::string_view* line) {
  size_t end = input_.find('\n', pos_);
  if (end == std::string_view::npos) {
    return Fail(fmt::format("truncated pickle: {} has no end of line", At(op, offset)));
  }
  *line = input_.substr(pos_, end - pos_);
  pos_ = end + 1;
  return true;
}

bool Machine::ReadSized(uint8_t op, size_t offset, size_t length_bytes, ValueKind kind) {
  if (!Need(length_bytes, op, offset)) return false;
  uint64_t length = ReadUint(length_bytes);
  if (!Need(length, op, offset)) return false;
  std::string_view text = input_.substr(pos_, length);
  pos_ += length;
  if (kind == ValueKind::kBytes) MaybeNestedPickle(text);
  return Push(NewText(kind, text));
}


bool Machine::PopMark(uint8_t op, size_t offset, std::vector<uint32_t>* items) {
  if (marks_.empty()) return Fail(fmt::format("no 'MARK' before {}", At(op, offset)));
  size_t mark = marks_.back();
  marks_.pop_back();
  items->assign(stack_.begin() + static_cast<ptrdiff_t>(mark), stack_.end());
  stack_.resize(mark);
  return true;
}

bool Machine::MemoPut(uint64_t index, uint8_t op, size_t offset) {
  uint32_t top = 0;
  if (!Top(op, offset, &top)) return false;
  if (memo_.size() >= options_.limits.max_memo && !memo_.Contains(index)) {
    return Fail(
        fmt::format("pickle memo exceeds the limit of {} entries", options_.limits.max_memo));
  }
  memo_.Put(index, top);
  return true;
}

bool Machine::MemoGet(uint64_t index, uint8_t op, size_t offset) {
  const uint32_t* found = memo_.Get(index);
  if (found == nullptr) {
    return Fail(fmt::format("memo entry {} is not defined at {}", index, At(op, offset)));
  }
  return Push(*found);
}

void Machine::MaybeNestedPickle(std::string_view bytes) {
  // dill and cloudpickle keep some objects as pickles inside bytes; read those that look
  // like one (PROTO 2-5 ... STOP). A failed nested read is not an error: plain bytes
  // sometimes look like a pickle.
  if (nesting_ >= options_.limits.max_nesting || bytes.size() < 4) return;
  if (bytes[0] != '\x80' || bytes[1] < 2 || bytes[1] > 5 || bytes.back() != '.') return;
  Machine nested(bytes, options_, nesting_ + 1);
  if (!nested.Run()) return;
  PickleContents inner = nested.TakeContents();
  contents_.nested_pickles += 1 + inner.nested_pickles;
  auto append = [](auto* to, const auto& from) { to->insert(to->end(), from.begin(), from.end()); };
  append(&contents_.libraries, inner.libraries);
  append(&contents_.globals, inner.globals);
  append(&contents_.imported_modules, inner.imported_modules);
  append(&contents_.main_names, inner.main_names);
  append(&contents_.main_functions, inner.main_functions);
  contents_.uses_main_namespace |= inner.uses_main_namespace;
}

bool Machine::StepBinary(uint8_t op, size_t offset, bool* handled) {
  *handled = true;
  uint32_t value = 0;
  switch (op) {
    case 0x80:  // PROTO
      if (!Need(1, op, offset)) return false;
      contents_.protocol = static_cast<int>(ReadUint(1));
      return true;
    case 0x95:  // FRAME: the length only groups opcodes; reading goes on across frames
      if (!Need(8, op, offset)) return false;
      ReadUint(8);
      return true;
    case 'K':
    case 'M':
    case 'J': {
      size_t size = op == 'K' ? 1 : op == 'M' ? 2 : 4;
      if (!Need(size, op, offset)) return false;
      value = New(ValueKind::kInt);
      uint64_t raw = ReadUint(size);
      values_[value].integer = op == 'J' ? static_cast<int32_t>(raw) : static_cast<int64_t>(raw);
      return Push(value);
    }
    case 0x8a:
    case 0x8b:
      return ReadSized(op, offset, op == 0x8a ? 1 : 4, ValueKind::kInt);
    case 'G':
      if (!Need(8, op, offset)) return false;
      pos_ += 8;
      return Push(New(ValueKind::kFloat));
    case 'T':
    case 'X':
      return ReadSized(op, offset, 4, op == 'T' ? ValueKind::kBytes : ValueKind::kStr);
    case 'U':
      return ReadSized(op, offset, 1, ValueKind::kBytes);
    case 'B':
      return ReadSized(op, offset, 4, ValueKind::kBytes);
    case 'C':
      return ReadSized(op, offset, 1, ValueKind::kBytes);
    case 0x8e:
    case 0x96:
      return ReadSized(op, offset, 8, ValueKind::kBytes);
    case 0x8c:
      return ReadSized(op, offset, 1, ValueKind::kStr);
    case 0x8d:
      return ReadSized(op, offset, 8, ValueKind::kStr);
    case 'N':
      return Push(New(ValueKind::kNone));
    case 0x88:
    case 0x89:
      value = New(ValueKind::kBool);
      values_[value].integer = op == 0x88;
      return Push(value);
    case 0x97:
      return Push(New(ValueKind::kObject));  // NEXT_BUFFER: out-of-band data
    case 0x98:
      return true;  // READONLY_BUFFER
    case 'h':
    case 'j':
      if (!Need(op == 'h' ? 1 : 4, op, offset)) return false;
      return MemoGet(ReadUint(op == 'h' ? 1 : 4), op, offset);
    case 'q':
    case 'r':
      if (!Need(op == 'q' ? 1 : 4, op, offset)) return false;
      return MemoPut(ReadUint(op == 'q' ? 1 : 4), op, offset);
    case 0x94:
      return MemoPut(memo_.size(), op, offset);
    case 0x82:
    case 0x83:
    case 0x84: {  // EXT1/2/4: copyreg extension codes we cannot resolve
      size_t size = op == 0x82 ? 1 : op == 0x83 ? 2 : 4;
      if (!Need(size, op, offset)) return false;
      ReadUint(size);
      return Push(New(ValueKind::kObject));
    }
    default:
      *handled = false;
      return true;
  }
}

bool Machine::StepLines(uint8_t op, size_t offset, bool* handled) {
  *handled = true;
  std::string_view line;
  uint64_t index;
  switch (op) {
    case 'I':
    case 'L': {
      if (!ReadLine(op, offset, &line)) return false;
      uint32_t value = New(line == "00" || line == "01" ? ValueKind::kBool : ValueKind::kInt);
      values_[value].integer = line == "01";
      return Push(value);
    }
    case 'F':
      if (!ReadLine(op, offset, &line)) return false;
      return Push(New(ValueKind::kFloat));
    case 'S':
    case 'V': {
      if (!ReadLine(op, offset, &line)) return false;
      if (op == 'S' && line.size() >= 2 && (line[0] == '\'' || line[0] == '"') &&
          line.back() == line[0]) {
        line = line.substr(1, line.size() - 2);
      }
      return Push(NewText(op == 'S' ? ValueKind::kBytes : ValueKind::kStr, line));
    }
    case 'g':
    case 'p':
      if (!ReadLine(op, offset, &line)) return false;
      if (!ParseDecimal(line, &index)) {
        return Fail(fmt::format("bad memo index '{}' at {}", line.substr(0, 20), At(op, offset)));
      }
      return op == 'g' ? MemoGet(index, op, offset) : MemoPut(index, op, offset);
    case 'P':  // PERSID: an id resolved by the unpickler's persistent_load, opaque to us
      if (!ReadLine(op, offset, &line)) return false;
      return Push(New(ValueKind::kObject));
    case 'c':
    case 'i': {
      std::string_view module, name;
      if (!ReadLine(op, offset, &module) || !ReadLine(op, offset, &name)) return false;
      uint32_t global = LookUpGlobal(module, name);
      if (op == 'c') return Push(global);
      std::vector<uint32_t> args;  // INST: class from the lines, args from the mark
      if (!PopMark(op, offset, &args)) return false;
      return Push(Call(global, args));
    }
    default:
      *handled = false;
      return true;
  }
}

}  // namespace pickle_internal

const char* PicklerLibraryName(PicklerLibrary library) {
  switch (library) {
    case PicklerLibrary::kPickle:
      return "pickle";
    case PicklerLibrary::kDill:
      return "dill";
    case PicklerLibrary::kCloudpickle:
      return "cloudpickle";
    case PicklerLibrary::kVendoredCloudpickle:
      return "apache_beam.internal.cloudpickle";
  }
  return "pickle";
}

PicklerLibrary PickleContents::library() const {
  for (PicklerLibrary library : {PicklerLibrary::kDill, PicklerLibrary::kCloudpickle,
                                 PicklerLibrary::kVendoredCloudpickle}) {
    if (std::find(libraries.begin(), libraries.end(), library) != libraries.end()) {
      return library;
    }
  }
  return PicklerLibrary::kPickle;
}

PickleReadResult ReadPickle(std::string_view pickle, const PickleReadOptions& options) {
  pickle_internal::Machine machine(pickle, options, 0);
  PickleReadResult result;
  result.ok = machine.Run();
  result.error = machine.error();
  result.contents = machine.TakeContents();
  return result;
}

}  // namespace beamcompat
