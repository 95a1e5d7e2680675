// What the pickled payloads of a pipeline refer to, one entry per payload: the pickler that
// made it, the modules it needs importable on the worker, the __main__ names it depends on,
// or why it could not be read. Filled by the payload analyzer (src/pickle/) after the
// pipeline reader, part of the FactSet the rules read. Never obtained by unpickling.
#ifndef BEAMCOMPAT_FACTS_PICKLE_FACTS_H_
#define BEAMCOMPAT_FACTS_PICKLE_FACTS_H_

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

// A function dill pickled by value that looks its globals up in __main__'s namespace.
struct MainFunctionFact {
  std::string name;                  // "AddTaxFn.process", "<lambda>"
  std::vector<std::string> globals;  // non-builtin global names its code reads, sorted
};

// What a payload holds. Read once per distinct payload: identical payloads (a pipeline
// repeats the same functions) share one.
struct PayloadContents {
  bool readable = false;
  std::string error;        // why not readable: "truncated bz2 stream (ends after 52 bytes)"
  std::string compression;  // "bz2", "zlib", "none"
  std::string pickler;      // "dill", "cloudpickle", "apache_beam.internal.cloudpickle", "pickle"
  int protocol = 0;
  std::string bytecode;                 // the bytecode format __main__ code was read as, "" if none
  std::vector<std::string> modules;     // modules it refers to (not __main__), sorted
  std::vector<std::string> main_names;  // names it takes from __main__ by reference, sorted
  bool uses_main_namespace = false;     // a dill function bound to __main__'s globals
  std::vector<MainFunctionFact> main_functions;
};

// One payload of the pipeline: where it is, and what it holds. A pipeline can hold 50k, so the
// texts are views of the PipelineFacts they were found in (its bytes and payload paths), which
// the FactSet keeps beside them and which must stay where it is while they are used.
struct PayloadFacts {
  std::string_view transform_id;    // empty for a windowing strategy's window_fn
  std::string_view transform_name;  // the transform's unique_name (or the strategy id)
  std::string_view environment_id;
  std::string_view urn;
  std::string_view proto_path;
  std::shared_ptr<const PayloadContents> shared;  // null: not read

  const PayloadContents& contents() const;  // an unreadable, empty one when not read
};

// A module pickled code refers to, joined with the package lists: who provides it where.
struct ReferencedModule {
  std::string module;                        // "yaml", "numpy._core.numeric"
  std::vector<std::string_view> transforms;  // unique names of the transforms referring to it
  std::string_view proto_path;               // the first payload referring to it
  bool stdlib = false;                  // in the standard library of the launch Python
  std::vector<std::string> candidates;  // distributions that could provide it (PEP 503 keys)
  std::string launch_provider;          // "PyYAML 6.0.1"; empty when none is installed
  std::string launch_key;               // "pyyaml"
  std::string launch_version;
  std::string runtime_provider;
  std::string runtime_key;
  std::string runtime_version;
  // From the module-version table, when a fact applies: the runtime provider must be in
  // `needs_versions` of `needs_distribution`.
  std::string needs_distribution;
  std::string needs_versions;  // ">=2"
  std::string needs_why;
  bool runtime_outside_needed = false;  // known and outside the range
};

// A pickler library the payloads were made with.
struct PicklerUse {
  std::string library;       // "dill", "cloudpickle", "apache_beam.internal.cloudpickle"
  std::string distribution;  // the distribution shipping it: "dill", "cloudpickle", "apache-beam"
  std::vector<std::string_view> transforms;  // views, as in PayloadFacts
  std::string_view proto_path;               // its first payload
  std::string launch_version;   // of `distribution`, when the launch list has it
  std::string runtime_version;  // of `distribution`, when the runtime list has it
};

// A dill-pickled __main__ function of one transform (one per transform and function). Views,
// as in PayloadFacts; the function is the payload's contents'.
struct MainFunctionUse {
  std::string_view transform;  // unique name
  const MainFunctionFact* function = nullptr;  // its name and the non-builtin globals it reads
  std::string_view proto_path;
  bool main_session_staged = false;  // its environment stages pickled_main_session
};

struct PickleFacts {
  std::vector<PayloadFacts> payloads;  // in pipeline order: transforms by id, then windowing
  size_t distinct = 0;                 // payloads actually decoded (identical ones share)
  uint64_t decompressed_bytes = 0;
  // Joined views for the rules, filled by the pickle resolver; sorted by name.
  std::vector<ReferencedModule> modules;
  std::vector<PicklerUse> pickler_uses;
  std::vector<MainFunctionUse> main_functions;
  std::vector<std::string> referenced_distributions;  // launch keys of module providers
  // The pickler libraries that made the readable payloads, sorted ("pickle" excluded).
  std::vector<std::string> picklers() const;
};

nlohmann::ordered_json PickleFactsToJson(const PickleFacts& facts);
// One line per payload for `beamcompat facts --format text`:
// "pickles['ParseLine']: dill; modules: apache_beam.transforms.core; __main__: parse_line reads
// json"
void WritePickleFactsText(const PickleFacts& facts, std::ostream& out);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_PICKLE_FACTS_H_
