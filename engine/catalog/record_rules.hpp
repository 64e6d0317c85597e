// vtiger's rules for records, in one place for the binder, every backend, the import and the demo: which modules
// are actors, how record numbers are allocated, which modules an id may name, and which records are live.
//
// Thread-safety: the free functions are pure. An IdAllocator is a plain value; its owner serialises its use (a
// backend's writer lock).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vtql/schema.hpp"

namespace vtql::catalog {

// Users and Groups own records: owner fields (assigned_user_id) name one of them, and they share one sequence of
// record numbers, apart from the entity modules'.
bool is_actor(std::string_view module_name) noexcept;
inline bool is_actor(const ModuleDef& module) noexcept { return is_actor(module.name); }

// The modules an owner field's ids may name, in the order the original probes them.
const std::vector<std::string_view>& owner_modules() noexcept;

// Where a module's new record numbers come from. Entity modules (Contacts, Accounts, ...) share one sequence, as
// vtiger's crmentity table does, so that a number names one record across them; the actors share another; the
// other modules (Currency, DocumentFolders, ...) number their own rows.
enum class IdSequence : std::uint8_t { kEntities, kActors, kOwn };
IdSequence id_sequence(const ModuleDef& module) noexcept;

// The number before the `x` of a module's ids (12 for Contacts' 12x5); 0 for a module without one. The loader
// accepts prefixes of at most nine digits (describe_loader.cpp), so this never truncates.
std::uint32_t id_prefix_number(const ModuleDef& module) noexcept;

// The modules whose ids a field's values carry: the module itself for its `id`, the actors for an owner field,
// the modules a reference refers to; only those the schema holds, in that order. Empty for other fields.
std::vector<const ModuleDef*> id_targets(const Schema& schema, const ModuleDef& module, const FieldDef& field);

// Whether `field` holds entity ids (`id`, references, owners).
inline bool holds_ids(const FieldDef& field) noexcept {
  return field.is_id() || field.type == FieldType::kReference || field.type == FieldType::kOwner;
}

// Whether a value of `field` (which holds ids) may carry `prefix`: one of id_targets' prefixes, or any prefix for a
// reference or owner field none of whose targets the schema holds (its targets are then unknown, not absent).
bool accepts_prefix(const std::vector<const ModuleDef*>& targets, const FieldDef& field, std::uint32_t prefix) noexcept;

// "Accounts (11x...) or Contacts (12x...)": the targets for messages and hints.
std::string describe_targets(const std::vector<const ModuleDef*>& targets, std::string_view ellipsis = "...");

// A stored record's state. Only live records are ever returned; a deleted one is reported to sync as deleted; a
// converted lead stays stored but is never returned nor reported, as in the original (converted = 1).
enum class RecordState : std::uint8_t { kLive = 0, kDeleted = 1, kConverted = 2 };
inline bool reported_as_deleted(RecordState state) noexcept { return state == RecordState::kDeleted; }

// Hands out record numbers by the modules' sequences. A backend notes every number in use (those it holds when it
// opens, those an insert keeps) and asks for the next one for each insert without an id.
class IdAllocator {
 public:
  // `id` is in use in `module`: later numbers of its sequence come after it.
  void note(const ModuleDef& module, std::uint64_t id);
  // A number past every noted one of the module's sequence, noted as in use.
  std::uint64_t next(const ModuleDef& module);

 private:
  std::uint64_t& top_of(const ModuleDef& module);

  std::uint64_t entities_ = 0;
  std::uint64_t actors_ = 0;
  std::unordered_map<std::string, std::uint64_t> own_;  // by module name
};

}  // namespace vtql::catalog
