// vtiger's record rules: actors, id sequences and prefixes, the modules an id may name.
#include "engine/catalog/record_rules.hpp"

#include <algorithm>
#include <charconv>

namespace vtql::catalog {

const std::vector<std::string_view>& owner_modules() noexcept {
  static const std::vector<std::string_view> kOwners = {"Users", "Groups"};
  return kOwners;
}

bool is_actor(std::string_view module_name) noexcept {
  const auto& owners = owner_modules();
  return std::find(owners.begin(), owners.end(), module_name) != owners.end();
}

IdSequence id_sequence(const ModuleDef& module) noexcept {
  if (is_actor(module)) return IdSequence::kActors;
  return module.is_entity ? IdSequence::kEntities : IdSequence::kOwn;
}

std::uint32_t id_prefix_number(const ModuleDef& module) noexcept {
  std::uint32_t value = 0;
  const std::string& prefix = module.id_prefix;
  std::from_chars(prefix.data(), prefix.data() + prefix.size(), value);
  return value;
}

std::vector<const ModuleDef*> id_targets(const Schema& schema, const ModuleDef& module, const FieldDef& field) {
  std::vector<const ModuleDef*> targets;
  const auto add = [&](std::string_view name) {
    if (const ModuleDef* m = schema.find_module(name)) targets.push_back(m);
  };
  if (field.is_id()) {
    targets.push_back(&module);
  } else if (field.type == FieldType::kOwner) {
    for (const std::string_view name : owner_modules()) add(name);
  } else if (field.type == FieldType::kReference) {
    for (const std::string& name : field.refers_to) add(name);
  }
  return targets;
}

bool accepts_prefix(const std::vector<const ModuleDef*>& targets, const FieldDef& field,
                    std::uint32_t prefix) noexcept {
  if (targets.empty()) return !field.is_id();
  return std::any_of(targets.begin(), targets.end(),
                     [&](const ModuleDef* m) { return id_prefix_number(*m) == prefix && !m->id_prefix.empty(); });
}

std::string describe_targets(const std::vector<const ModuleDef*>& targets, std::string_view ellipsis) {
  std::string out;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (i > 0) out += i + 1 == targets.size() ? " or " : ", ";
    out += targets[i]->name + " (" + targets[i]->id_prefix + "x" + std::string(ellipsis) + ")";
  }
  return out;
}

std::uint64_t& IdAllocator::top_of(const ModuleDef& module) {
  switch (id_sequence(module)) {
    case IdSequence::kEntities:
      return entities_;
    case IdSequence::kActors:
      return actors_;
    case IdSequence::kOwn:
      break;
  }
  return own_[module.name];
}

void IdAllocator::note(const ModuleDef& module, std::uint64_t id) {
  std::uint64_t& top = top_of(module);
  top = std::max(top, id);
}

std::uint64_t IdAllocator::next(const ModuleDef& module) { return ++top_of(module); }

}  // namespace vtql::catalog
