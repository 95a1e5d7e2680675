// The fact schema: every name a rule may read, mapped to a typed accessor over a const
// FactSet. Rules name scope facts by path (`launch.beam_version`, `runtime.image.python`)
// and, inside `for_each: <collection>`, the current item's fields (`item.key`). The rule
// loader validates every name against this schema at load time; the evaluator only calls
// the accessors.
//
// Extending it (how another domain contributes facts): write one file
// `src/engine/<domain>_facts.cc` that defines a `const FactDomain& <Domain>FactDomain()`
// returning constant tables —
//   - `scope_facts`: ScopeFact rows, each a full path ("repo.dockerfile_count"), the kind of
//     value, a help text, what is missing when absent and how to supply it, and accessors;
//   - `collections`: new FactCollection rows (an enumerator over the FactSet that yields
//     ItemRefs, and the item's fields);
//   - `collection_fields`: extra ItemField rows for a collection defined elsewhere
//     (e.g. pickle facts on `transforms`);
// declare it in this header and add it to the domain list in fact_schema.cc (one line).
// Data a domain needs that the FactSet does not hold yet (decoded pickles, parsed
// Dockerfiles) belongs in the FactSet, filled when it is built, not computed by accessors.
// Accessors must be cheap (they run once per item for 50k transforms): no allocation beyond
// the returned Value, no parsing that could be done when the FactSet was built. `where`
// accessors run only when a diagnostic is produced.
#ifndef BEAMCOMPAT_ENGINE_FACT_SCHEMA_H_
#define BEAMCOMPAT_ENGINE_FACT_SCHEMA_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/location.h"
#include "engine/value.h"

namespace beamcompat {

struct FactSet;

// One element of a collection: pointers into the FactSet (which outlives it); what they point
// to is private to the collection that made it (e.g. launch and runtime Package for a pair).
struct ItemRef {
  const void* primary = nullptr;
  const void* secondary = nullptr;
};

// A fact outside any collection: `runtime.python`.
struct ScopeFact {
  const char* path;     // "runtime.python"
  ValueKind kind;
  const char* help;     // what the fact is
  const char* missing;  // why a rule needing it is not evaluated: "no runtime Python version known"
  const char* supply;   // how to give it: "give --runtime-python, --runtime-image or ..."
  Value (*get)(const FactSet& facts);
  SourceLocation (*where)(const FactSet& facts);
};

// A field of a collection's item: `item.launch_version` in `for_each: package_pairs`.
struct ItemField {
  const char* name;  // "launch_version" (may contain dots: "image.python")
  ValueKind kind;
  const char* help;
  Value (*get)(const FactSet& facts, const ItemRef& item);
  SourceLocation (*where)(const FactSet& facts, const ItemRef& item);
};

// Something a rule iterates over with `for_each`.
struct FactCollection {
  const char* name;  // "package_pairs"
  const char* help;
  const char* missing;  // "no launch and runtime package lists given"
  const char* supply;   // "give --launch and --runtime"
  bool (*available)(const FactSet& facts);
  // Appends the items in a stable order (the order diagnostics are reported in).
  void (*enumerate)(const FactSet& facts, std::vector<ItemRef>* items);
  std::span<const ItemField> fields;
};

struct CollectionFields {
  const char* collection;  // the name of a collection defined by some domain
  std::span<const ItemField> fields;
};

// What one domain contributes; see the header comment.
struct FactDomain {
  std::span<const ScopeFact> scope_facts;
  std::span<const FactCollection> collections;
  std::span<const CollectionFields> collection_fields;
};

// The domains beamcompat ships, one file each.
const FactDomain& SideFactDomain();      // engine/side_facts.cc: launch.*, runtime.*
const FactDomain& PipelineFactDomain();  // engine/pipeline_facts_domain.cc: pipeline.*,
                                         // environments, artifacts, transforms
const FactDomain& PackageFactDomain();   // engine/package_facts_domain.cc: package_pairs,
                                         // launch_packages, runtime_packages
const FactDomain& PickleFactDomain();    // engine/pickle_facts_domain.cc: pickles.*,
                                         // pickled_payloads, picklers, main_functions,
                                         // referenced_modules
const FactDomain& RepoFactDomain();      // engine/repo_facts_domain.cc: lint's repository
                                         // collections (beam_images, docker_stages, ...)

// The composed schema: lookups by name. Built once from the domain list; immutable.
class FactSchema {
 public:
  // The schema of every domain beamcompat ships.
  static const FactSchema& Default();
  explicit FactSchema(const std::vector<const FactDomain*>& domains);

  const ScopeFact* FindScopeFact(std::string_view path) const;
  const FactCollection* FindCollection(std::string_view name) const;
  const ItemField* FindItemField(const FactCollection& collection, std::string_view name) const;

  // Every name, sorted, for did-you-mean suggestions and `beamcompat facts --schema`.
  std::vector<std::string> ScopeFactPaths() const;
  std::vector<std::string> CollectionNames() const;
  std::vector<std::string> ItemFieldNames(const FactCollection& collection) const;

 private:
  std::map<std::string, const ScopeFact*, std::less<>> scope_facts_;
  std::map<std::string, const FactCollection*, std::less<>> collections_;
  // collection name -> field name -> field
  std::map<std::string, std::map<std::string, const ItemField*, std::less<>>, std::less<>>
      item_fields_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_ENGINE_FACT_SCHEMA_H_
