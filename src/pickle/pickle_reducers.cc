// Part of the pickle machine (pickle_machine.h): container and call opcodes, and what global
// references and reducer calls mean. A "call" never runs anything; it builds an abstract
// value, and a few well-known reducers (dill's and cloudpickle's) are understood by name.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "pickle/pickle_machine.h"

namespace beamcompat::pickle_internal {
namespace {

bool IsDillModule(std::string_view module) {
  return module == "dill._dill" || module == "dill.dill" || module == "dill";
}

bool IsCloudpickleModule(std::string_view module) {
  return module == "cloudpickle" || module.starts_with("cloudpickle.") ||
         module.starts_with("apache_beam.internal.cloudpickle");
}

template <typename T>
void SortUnique(std::vector<T>* list) {
  std::sort(list->begin(), list->end());
  list->erase(std::unique(list->begin(), list->end()), list->end());
}

// Names one code object (with its nested code) reads; realistic functions read a few
// dozen, the cap keeps a hostile chain of nested code objects linear.
constexpr size_t kMaxNamesPerCode = 4096;

// A name list that stays unique, in first-use order. Most code objects have no nested code:
// the set of seen names is only built when names are added.
class NameList {
 public:
  explicit NameList(std::vector<std::string_view>* list) : list_(list) {}
  void AddAll(const std::vector<std::string_view>& names) {
    if (seen_.empty()) seen_.insert(list_->begin(), list_->end());
    for (const auto& name : names) {
      if (list_->size() >= kMaxNamesPerCode) return;
      if (seen_.insert(name).second) list_->push_back(name);
    }
  }

 private:
  std::vector<std::string_view>* list_;
  std::unordered_set<std::string_view> seen_;
};

}  // namespace

bool Machine::StepContainers(uint8_t op, size_t offset, bool* handled) {
  *handled = true;
  uint32_t value = 0, target = 0;
  uint32_t popped[2] = {0, 0};
  switch (op) {
    case ']':
      return Push(New(ValueKind::kList));
    case ')':
      return Push(New(ValueKind::kTuple));
    case '}':
      return Push(New(ValueKind::kDict));
    case 0x8f:
      return Push(New(ValueKind::kSet));
    case 'l':
    case 't':
    case 'd':
    case 0x91: {
      value = New(op == 'l'   ? ValueKind::kList
                  : op == 't' ? ValueKind::kTuple
                  : op == 'd' ? ValueKind::kDict
                              : ValueKind::kSet);
      // Into the value's own items, which keep their capacity from earlier pickles.
      if (!PopMark(op, offset, &values_[value].items)) return false;
      return Push(value);
    }
    case 0x85:
    case 0x86:
    case 0x87: {
      size_t count = op - 0x84;
      if (stack_.size() < StackFloor() + count) return FailUnderflow(op, offset);
      value = New(ValueKind::kTuple);
      auto first = stack_.end() - static_cast<ptrdiff_t>(count);
      values_[value].items.assign(first, stack_.end());
      stack_.erase(first, stack_.end());
      return Push(value);
    }
    case 'a':
    case 's': {
      size_t count = op == 'a' ? 1 : 2;
      for (size_t i = count; i > 0; --i) {
        if (!Pop(op, offset, &popped[i - 1])) return false;
      }
      if (!Top(op, offset, &target)) return false;
      values_[target].items.insert(values_[target].items.end(), popped, popped + count);
      return true;
    }
    case 'e':
    case 'u':
    case 0x90: {
      std::vector<uint32_t>& items = scratch_.popped;
      if (!PopMark(op, offset, &items) || !Top(op, offset, &target)) return false;
      values_[target].items.insert(values_[target].items.end(), items.begin(), items.end());
      return true;
    }
    case '0':
      if (!marks_.empty() && stack_.size() == marks_.back()) {
        marks_.pop_back();  // POP of an empty marked stack drops the mark, as CPython does
        return true;
      }
      return Pop(op, offset, &value);
    case '2':
      return Top(op, offset, &value) && Push(value);
    case '(':
      if (marks_.size() >= options_.limits.max_stack) {
        return Fail(fmt::format("pickle marks exceed the limit of {}", options_.limits.max_stack));
      }
      marks_.push_back(stack_.size());
      return true;
    case '1':
      return PopMark(op, offset, &scratch_.popped);
    default:
      *handled = false;
      return true;
  }
}

bool Machine::StepCalls(uint8_t op, size_t offset, bool* handled) {
  *handled = true;
  uint32_t callable = 0, args = 0, kwargs = 0, state = 0, name = 0, module = 0;
  // Copied out of the argument tuple: a call makes values, which may move values_.
  std::vector<uint32_t>& items = scratch_.call_args;
  switch (op) {
    case 'R':
    case 0x81:  // REDUCE, NEWOBJ: callable/class and an argument tuple
      if (!Pop(op, offset, &args) || !Pop(op, offset, &callable)) return false;
      items.assign(values_[args].items.begin(), values_[args].items.end());
      return Push(Call(callable, items));
    case 0x92:  // NEWOBJ_EX
      if (!Pop(op, offset, &kwargs) || !Pop(op, offset, &args) || !Pop(op, offset, &callable)) {
        return false;
      }
      items.assign(values_[args].items.begin(), values_[args].items.end());
      return Push(Call(callable, items));
    case 'o':  // OBJ: class and arguments above a mark
      if (!PopMark(op, offset, &items)) return false;
      if (items.empty()) return Fail(fmt::format("stack underflow at 'OBJ' at offset {}", offset));
      callable = items.front();
      items.erase(items.begin());
      return Push(Call(callable, items));
    case 'b':  // BUILD: sets state on the object below; the object stays
      return Pop(op, offset, &state) && Top(op, offset, &callable);
    case 'Q':  // BINPERSID
      return Pop(op, offset, &state) && Push(New(ValueKind::kObject));
    case 0x93:
      if (!Pop(op, offset, &name) || !Pop(op, offset, &module)) return false;
      if (values_[module].kind != ValueKind::kStr || values_[name].kind != ValueKind::kStr) {
        return Fail(fmt::format("'STACK_GLOBAL' at offset {} needs two strings", offset));
      }
      return Push(LookUpGlobal(values_[module].text, values_[name].text));
    default:
      *handled = false;
      return true;
  }
}

void Machine::NoteLibrary(std::string_view module) {
  PicklerLibrary library;
  if (IsDillModule(module)) {
    library = PicklerLibrary::kDill;
  } else if (module.starts_with("apache_beam.internal.cloudpickle")) {
    library = PicklerLibrary::kVendoredCloudpickle;
  } else if (IsCloudpickleModule(module)) {
    library = PicklerLibrary::kCloudpickle;
  } else {
    return;
  }
  // Every reducer of a library names it; the list keeps each library once.
  auto& libraries = contents_.libraries;
  if (std::find(libraries.begin(), libraries.end(), library) == libraries.end()) {
    libraries.push_back(library);
  }
}

uint32_t Machine::LookUpGlobal(std::string_view module, std::string_view name) {
  NoteLibrary(module);
  if (module == "__builtin__" && name == "__main__") {  // dill: __main__.__dict__
    contents_.uses_main_namespace = true;
    return New(ValueKind::kMainNamespace);
  }
  if (module == "__main__") contents_.main_names.emplace_back(name);
  // A DoFn's pickle names a handful of globals: one allocation instead of growing by doubling.
  if (contents_.globals.empty()) contents_.globals.reserve(8);
  contents_.globals.push_back(GlobalRef{module, name});
  uint32_t value = NewText(ValueKind::kGlobal, module);
  values_[value].name = name;
  return value;
}

const Value* Machine::Arg(const std::vector<uint32_t>& args, size_t i, ValueKind kind) const {
  if (i >= args.size() || values_[args[i]].kind != kind) return nullptr;
  return &values_[args[i]];
}

std::vector<std::string_view> Machine::StrTuple(uint32_t tuple) const {
  std::vector<std::string_view> out;
  out.reserve(values_[tuple].items.size());
  for (uint32_t item : values_[tuple].items) {
    const Value& value = values_[item];
    out.emplace_back(value.kind == ValueKind::kStr ? value.text : std::string_view());
  }
  return out;
}

uint32_t Machine::Call(uint32_t callable, const std::vector<uint32_t>& args) {
  if (values_[callable].kind != ValueKind::kGlobal) return New(ValueKind::kObject);
  std::string_view module = values_[callable].text;
  std::string_view name = values_[callable].name;
  bool dill = IsDillModule(module);
  bool cloud = IsCloudpickleModule(module);
  const Value* first_str = Arg(args, 0, ValueKind::kStr);
  if (((dill && name == "_import_module") || (cloud && name == "subimport")) && first_str) {
    contents_.imported_modules.emplace_back(first_str->text);
  } else if (((dill && name == "_load_type") || (cloud && name == "_builtin_type")) && first_str) {
    uint32_t type = NewText(ValueKind::kGlobal, "types");  // a lookup, not a reference
    values_[type].name = first_str->text;
    return type;
  } else if ((dill && name == "_create_code") || (module == "types" && name == "CodeType")) {
    return MakeCode(args);
  } else if ((dill && name == "_create_function") || (cloud && name == "_make_function") ||
             (module == "types" && name == "FunctionType")) {
    return MakeFunction(args);
  } else if (dill && name == "_create_type" && args.size() >= 4) {
    NameMethods(args[1], args[3]);
  }
  return New(ValueKind::kObject);
}

uint32_t Machine::MakeCode(const std::vector<uint32_t>& args) {
  // Every CodeType layout 3.8-3.13 (and dill's, which may prepend co_lnotab) reads
  // ..., co_flags, co_code, co_consts, co_names, co_varnames, co_filename, co_name,
  // [co_qualname (3.11+)], co_firstlineno, ...
  size_t i = 1;
  while (i < args.size() && !(values_[args[i]].kind == ValueKind::kBytes &&
                              values_[args[i - 1]].kind == ValueKind::kInt)) {
    ++i;
  }
  if (i + 5 >= args.size() || !Arg(args, i + 1, ValueKind::kTuple) ||
      !Arg(args, i + 2, ValueKind::kTuple)) {
    return New(ValueKind::kObject);
  }
  std::string_view code = values_[args[i]].text;
  bool has_qualname = Arg(args, i + 6, ValueKind::kStr) != nullptr;
  const Value* name = Arg(args, has_qualname ? i + 6 : i + 5, ValueKind::kStr);
  BytecodeFormat format = options_.bytecode;
  bool format_has_qualname = format != BytecodeFormat::kPy38To310;
  if (format == BytecodeFormat::kUnknown || format_has_qualname != has_qualname) {
    format = InferBytecodeFormat(code, has_qualname);
  }
  BytecodeReads reads = ReadBytecode(code, StrTuple(args[i + 2]), format);
  CodeInfo info{name ? name->text : std::string_view(), std::move(reads.globals),
                std::move(reads.imports), format};
  NameList globals(&info.globals), imports(&info.imports);
  for (uint32_t constant : values_[args[i + 1]].items) {  // nested functions, lambdas, classes
    if (values_[constant].kind != ValueKind::kCode) continue;
    const CodeInfo& nested = codes_[values_[constant].ref];
    globals.AddAll(nested.globals);
    imports.AddAll(nested.imports);
  }
  codes_.push_back(std::move(info));
  uint32_t value = New(ValueKind::kCode);
  values_[value].ref = static_cast<int32_t>(codes_.size() - 1);
  return value;
}

uint32_t Machine::MakeFunction(const std::vector<uint32_t>& args) {
  uint32_t function = New(ValueKind::kFunction);
  const Value* code = Arg(args, 0, ValueKind::kCode);
  if (code == nullptr || !Arg(args, 1, ValueKind::kMainNamespace)) return function;
  const CodeInfo& info = codes_[code->ref];
  contents_.main_functions.push_back(
      MainFunction{std::string(info.name), info.globals, info.imports, info.format});
  values_[function].ref = static_cast<int32_t>(contents_.main_functions.size() - 1);
  return function;
}

void Machine::NameMethods(uint32_t class_name, uint32_t namespace_dict) {
  if (values_[class_name].kind != ValueKind::kStr) return;
  const auto& items = values_[namespace_dict].items;
  for (size_t i = 1; i < items.size(); i += 2) {
    const Value& value = values_[items[i]];
    if (value.kind != ValueKind::kFunction || value.ref < 0) continue;
    std::string& name = contents_.main_functions[value.ref].name;
    if (name.find('.') == std::string::npos) {
      name = fmt::format("{}.{}", values_[class_name].text, name);
    }
  }
}

PickleContents Machine::TakeContents() {
  SortUnique(&contents_.libraries);
  SortUnique(&contents_.globals);
  SortUnique(&contents_.imported_modules);
  SortUnique(&contents_.main_names);
  return std::move(contents_);
}

}  // namespace beamcompat::pickle_internal
