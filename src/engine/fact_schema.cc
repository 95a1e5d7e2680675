#include "engine/fact_schema.h"

namespace beamcompat {

const FactSchema& FactSchema::Default() {
  // One line per domain (see the header comment).
  static const FactSchema kSchema({
      &SideFactDomain(),
      &PipelineFactDomain(),
      &PackageFactDomain(),
      &PickleFactDomain(),
      &RepoFactDomain(),
  });
  return kSchema;
}

FactSchema::FactSchema(const std::vector<const FactDomain*>& domains) {
  for (const FactDomain* domain : domains) {
    for (const ScopeFact& fact : domain->scope_facts) scope_facts_.emplace(fact.path, &fact);
    for (const FactCollection& collection : domain->collections) {
      collections_.emplace(collection.name, &collection);
      auto& fields = item_fields_[collection.name];
      for (const ItemField& field : collection.fields) fields.emplace(field.name, &field);
    }
  }
  for (const FactDomain* domain : domains) {
    for (const CollectionFields& extra : domain->collection_fields) {
      auto& fields = item_fields_[extra.collection];
      for (const ItemField& field : extra.fields) fields.emplace(field.name, &field);
    }
  }
}

const ScopeFact* FactSchema::FindScopeFact(std::string_view path) const {
  auto it = scope_facts_.find(path);
  return it == scope_facts_.end() ? nullptr : it->second;
}

const FactCollection* FactSchema::FindCollection(std::string_view name) const {
  auto it = collections_.find(name);
  return it == collections_.end() ? nullptr : it->second;
}

const ItemField* FactSchema::FindItemField(const FactCollection& collection,
                                           std::string_view name) const {
  auto fields = item_fields_.find(std::string_view(collection.name));
  if (fields == item_fields_.end()) return nullptr;
  auto it = fields->second.find(name);
  return it == fields->second.end() ? nullptr : it->second;
}

std::vector<std::string> FactSchema::ScopeFactPaths() const {
  std::vector<std::string> names;
  for (const auto& [name, fact] : scope_facts_) names.push_back(name);
  return names;
}

std::vector<std::string> FactSchema::CollectionNames() const {
  std::vector<std::string> names;
  for (const auto& [name, collection] : collections_) names.push_back(name);
  return names;
}

std::vector<std::string> FactSchema::ItemFieldNames(const FactCollection& collection) const {
  std::vector<std::string> names;
  auto fields = item_fields_.find(std::string_view(collection.name));
  if (fields == item_fields_.end()) return names;
  for (const auto& [name, field] : fields->second) names.push_back(name);
  return names;
}

}  // namespace beamcompat
