// Records in the webservice's string forms (JSON objects of field -> string or null) to typed records and back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/backend.hpp"

namespace vtql::storage {

// The typed value of `text` in the webservice's string form for `field`: integers, decimals ("1500.50000000"),
// booleans ("0"/"1"), dates "YYYY-MM-DD", datetimes "YYYY-MM-DD HH:MM:SS", times, entity ids "<prefix>x<number>"
// whose prefix must name a module the field may refer to. Errors name the field and say what was expected.
Result<types::Value> parse_field_value(std::string_view text, const FieldDef& field, const ModuleDef& module,
                                       const Schema& schema);

// "<prefix>x<number>", both all digits and in range, as an entity id; nullopt for anything else.
std::optional<types::EntityId> read_entity_id(std::string_view text);

// A record decoded from a JSON object of field -> string (or null). Fields not given are NULL; `id`, when given,
// is returned in *id. Unknown fields are an error.
struct DecodedRecord {
  Record record;
  std::optional<std::uint64_t> id;
};
Result<DecodedRecord> decode_record(std::string_view json_object, const ModuleDef& module, const Schema& schema);

}  // namespace vtql::storage
