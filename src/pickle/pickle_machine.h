// The pickle reader's simulated unpickling machine (internal to src/pickle/): an arena of
// abstract values, the stack, the mark stack and the memo, plus the interpretation of global
// references and reducer calls. pickle_reader.cc runs the opcode loop over it;
// pickle_reducers.cc gives meaning to GLOBAL/STACK_GLOBAL and REDUCE. Nothing is executed:
// a "call" only builds another abstract value.
#ifndef BEAMCOMPAT_PICKLE_PICKLE_MACHINE_H_
#define BEAMCOMPAT_PICKLE_PICKLE_MACHINE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pickle/pickle_reader.h"

namespace beamcompat::pickle_internal {

enum class ValueKind : uint8_t {
  kNone,
  kBool,
  kInt,
  kFloat,
  kStr,
  kBytes,
  kTuple,
  kList,
  kDict,
  kSet,
  kGlobal,         // a class or function looked up by module + name
  kMainNamespace,  // dill's reference to __main__.__dict__
  kCode,           // a code object rebuilt from its constructor arguments
  kFunction,       // a function built from a code object
  kObject,         // anything else a call produced
};

struct Value {
  ValueKind kind = ValueKind::kNone;
  int64_t integer = 0;
  std::string_view text;        // kStr/kBytes contents; kGlobal module
  std::string_view name;        // kGlobal name
  std::vector<uint32_t> items;  // tuple/list/set elements; dict keys and values interleaved
  int32_t ref = -1;             // kCode: index into Machine::codes_; kFunction: main function or -1

  // Back to a fresh value, keeping the capacity of `items` for the next pickle.
  void Reset(ValueKind new_kind) {
    kind = new_kind;
    integer = 0;
    text = {};
    name = {};
    items.clear();
    ref = -1;
  }
};

struct CodeInfo {
  std::string_view name;  // co_qualname when pickled (3.11+), else co_name
  std::vector<std::string_view> globals;
  std::vector<std::string_view> imports;
  BytecodeFormat format = BytecodeFormat::kUnknown;
};

// The memo. Pickles number their memo entries 0, 1, 2, ... (MEMOIZE uses the entry count),
// so a vector indexed by number replaces a hash map and its node allocations; the rare high
// number a PUT may name goes to a map.
class Memo {
 public:
  size_t size() const { return count_; }
  bool Contains(uint64_t index) const { return Get(index) != nullptr; }
  const uint32_t* Get(uint64_t index) const;
  void Put(uint64_t index, uint32_t value);
  void Clear();  // empties it, keeping its storage

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr uint64_t kDenseLimit = uint64_t{1} << 16;
  std::vector<uint32_t> dense_;
  size_t touched_ = 0;  // dense_[touched_, size) are all kEmpty
  std::unordered_map<uint64_t, uint32_t> sparse_;
  size_t count_ = 0;
};

// What a machine allocates, kept per thread and nesting level from one pickle to the next: a
// payload's pickle makes a hundred values, and fresh vectors for each pickle cost more than
// reading it.
struct MachineScratch {
  std::vector<Value> values;  // [0, Machine::used_) in use; the rest wait, with their capacity
  std::vector<uint32_t> stack;
  std::vector<size_t> marks;
  Memo memo;
  std::vector<uint32_t> popped;     // values taken off the stack by APPENDS and the like
  std::vector<uint32_t> call_args;  // the arguments of the call being made

  static MachineScratch& ForThread(int nesting);  // one per nesting level
};

class Machine {
 public:
  Machine(std::string_view input, const PickleReadOptions& options, int nesting);
  ~Machine();
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;
  // Runs to STOP; false with error() on malformed input or an exceeded limit.
  bool Run();
  const std::string& error() const { return error_; }
  PickleContents TakeContents();

 private:
  // pickle_reader.cc: the opcode loop and its stack, memo and argument helpers.
  bool Step(uint8_t op, size_t offset);
  bool StepBinary(uint8_t op, size_t offset, bool* handled);
  bool StepLines(uint8_t op, size_t offset, bool* handled);
  bool StepContainers(uint8_t op, size_t offset, bool* handled);
  bool StepCalls(uint8_t op, size_t offset, bool* handled);
  bool Fail(std::string message);
  // The hot helpers are inline; their failures are out of line, so that formatting an error
  // costs nothing on the way of every opcode.
  [[gnu::always_inline]] bool Need(size_t bytes, uint8_t op, size_t offset) {
    if (input_.size() - pos_ >= bytes) [[likely]] return true;
    return FailTruncated(bytes, op, offset);
  }
  [[gnu::always_inline]] uint64_t ReadUint(size_t bytes) {
    uint64_t value = 0;
    for (size_t i = 0; i < bytes; ++i) {
      value |= uint64_t{static_cast<unsigned char>(input_[pos_ + i])} << (8 * i);
    }
    pos_ += bytes;
    return value;
  }
  bool ReadLine(uint8_t op, size_t offset, std::string_view* line);
  bool ReadSized(uint8_t op, size_t offset, size_t length_bytes, ValueKind kind);
  [[gnu::always_inline]] uint32_t New(ValueKind kind) {
    if (used_ == values_.size()) {
      values_.emplace_back().kind = kind;
    } else {
      values_[used_].Reset(kind);
    }
    return static_cast<uint32_t>(used_++);
  }
  [[gnu::always_inline]] uint32_t NewText(ValueKind kind, std::string_view text) {
    uint32_t index = New(kind);
    values_[index].text = text;
    return index;
  }
  [[gnu::always_inline]] bool Push(uint32_t value) {
    if (stack_.size() >= options_.limits.max_stack) [[unlikely]] return FailStackLimit();
    stack_.push_back(value);
    return true;
  }
  [[gnu::always_inline]] bool Pop(uint8_t op, size_t offset, uint32_t* value) {
    if (stack_.size() <= StackFloor()) [[unlikely]] return FailUnderflow(op, offset);
    *value = stack_.back();
    stack_.pop_back();
    return true;
  }
  [[gnu::always_inline]] bool Top(uint8_t op, size_t offset, uint32_t* value) {
    if (stack_.size() <= StackFloor()) [[unlikely]] return FailUnderflow(op, offset);
    *value = stack_.back();
    return true;
  }
  size_t StackFloor() const { return marks_.empty() ? 0 : marks_.back(); }
  [[gnu::noinline, gnu::cold]] bool FailTruncated(size_t bytes, uint8_t op, size_t offset);
  [[gnu::noinline, gnu::cold]] bool FailStackLimit();
  [[gnu::noinline, gnu::cold]] bool FailUnderflow(uint8_t op, size_t offset);
  [[gnu::noinline, gnu::cold]] bool FailUnknownOpcode(uint8_t op, size_t offset);
  bool PopMark(uint8_t op, size_t offset, std::vector<uint32_t>* items);
  bool MemoPut(uint64_t index, uint8_t op, size_t offset);
  bool MemoGet(uint64_t index, uint8_t op, size_t offset);
  void MaybeNestedPickle(std::string_view bytes);

  // pickle_reducers.cc: what globals and calls mean.
  uint32_t LookUpGlobal(std::string_view module, std::string_view name);
  uint32_t Call(uint32_t callable, const std::vector<uint32_t>& args);
  uint32_t MakeCode(const std::vector<uint32_t>& args);
  uint32_t MakeFunction(const std::vector<uint32_t>& args);
  void NameMethods(uint32_t class_name, uint32_t namespace_dict);
  const Value* Arg(const std::vector<uint32_t>& args, size_t i, ValueKind kind) const;
  std::vector<std::string_view> StrTuple(uint32_t tuple) const;
  void NoteLibrary(std::string_view module);

  std::string_view input_;
  const PickleReadOptions& options_;
  const int nesting_;
  size_t pos_ = 0;
  uint64_t opcodes_ = 0;
  MachineScratch& scratch_;
  std::vector<Value>& values_;  // the scratch's
  size_t used_ = 0;             // values_ in use by this pickle
  std::vector<uint32_t>& stack_;
  std::vector<size_t>& marks_;
  Memo& memo_;
  std::vector<CodeInfo> codes_;
  PickleContents contents_;
  std::string error_;
};

}  // namespace beamcompat::pickle_internal

#endif  // BEAMCOMPAT_PICKLE_PICKLE_MACHINE_H_
