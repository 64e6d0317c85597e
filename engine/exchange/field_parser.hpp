// Values of an imported row: each field's text in the webservice string form checked and turned into a typed value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/backend.hpp"
#include "vtql/schema.hpp"

namespace vtql::exchange {

// How one field's values are read, prepared once per import so that a row costs no name lookups.
class FieldParser {
 public:
  FieldParser(const FieldDef& field, const ModuleDef& module, const Schema& schema);

  // Sets *out from `text`. An empty text is NULL for every type but text, where it is the empty string (a caller
  // passes NULL itself for a CSV field left empty). Returns the empty string, or what is wrong with the value
  // ("'12y5' is not an entity id such as 12x34").
  std::string parse(std::string_view text, types::Value& out) const;

  const FieldDef& field() const noexcept { return *field_; }

 private:
  std::string parse_entity_id(std::string_view text, types::Value& out) const;

  const FieldDef* field_;
  const ModuleDef* module_;
  const Schema* schema_;
  enum class Kind : std::uint8_t { kText, kEntityId, kOther } kind_;
  std::vector<const ModuleDef*> targets_;  // the modules an entity id may name (catalog::id_targets)
  std::string expected_modules_;           // "Accounts (11x…)" for messages
};

// `text` cut to a length fit for a message, in single quotes.
std::string quoted_excerpt(std::string_view text);

}  // namespace vtql::exchange
