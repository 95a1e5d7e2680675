// What the pickled payloads of a pipeline refer to, one entry per payload: the pickler that
// made it, the modules it needs importable on the worker, the __main__ names it depends on,
// or why it could not be read. Filled by the payload analyzer (src/pickle/) after the
// pipeline reader, part of the FactSet the rules read. Never obtained by unpickling.
#ifndef BEAMCOMPAT_FACTS_PICKLE_FACTS_H_
#define BEAMCOMPAT_FACTS_PICKLE_FACTS_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace beamcompat {

// A function dill pickled by value that looks its globals up in __main__'s namespace.
struct MainFunctionFact {
  std::string name;                  // "AddTaxFn.process", "<lambda>"
  std::vector<std::string> globals;  // non-builtin global names its code reads, sorted
};

struct PayloadFacts {
  std::string transform_id;    // empty for a windowing strategy's window_fn
  std::string transform_name;  // the transform's unique_name (or the strategy id)
  std::string environment_id;
  std::string urn;
  std::string proto_path;
  bool readable = false;
  std::string error;        // why not readable: "truncated bz2 stream (ends after 52 bytes)"
  std::string compression;  // "bz2", "zlib", "none"
  std::string pickler;      // "dill", "cloudpickle", "apache_beam.internal.cloudpickle", "pickle"
  int protocol = 0;
  std::string bytecode;     // the bytecode format __main__ code was read as, "" if none
  std::vector<std::string> modules;     // modules it refers to (not __main__), sorted
  std::vector<std::string> main_names;  // names it takes from __main__ by reference, sorted
  bool uses_main_namespace = false;     // a dill function bound to __main__'s globals
  std::vector<MainFunctionFact> main_functions;
};

struct PickleFacts {
  std::vector<PayloadFacts> payloads;  // in pipeline order: transforms by id, then windowing
  size_t distinct = 0;                 // payloads actually decoded (identical ones share)
  uint64_t decompressed_bytes = 0;
  // The pickler libraries that made the readable payloads, sorted ("pickle" excluded).
  std::vector<std::string> picklers() const;
};

nlohmann::ordered_json PickleFactsToJson(const PickleFacts& facts);
// One line per payload for `beamcompat facts --format text`:
// "pickles['ParseLine']: dill; modules: apache_beam.transforms.core; __main__: parse_line reads json"
void WritePickleFactsText(const PickleFacts& facts, std::ostream& out);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_PICKLE_FACTS_H_
