// Decoding of records given in the webservice's string forms, with an error naming the field for a bad value.
#include "engine/storage/record_codec.hpp"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace vtql::storage {
namespace {

Error bad_value(const FieldDef& field, std::string_view text, std::string_view expected) {
  return Error::invalid_argument("field " + field.name + ": '" + std::string(text) + "' is not " +
                                 std::string(expected));
}

template <typename T>
bool read_integer(std::string_view text, T& out) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

std::optional<types::EntityId> read_entity_id(std::string_view text) {
  const std::size_t x = text.find('x');
  types::EntityId id;
  if (x == std::string_view::npos || !read_integer(text.substr(0, x), id.prefix) ||
      !read_integer(text.substr(x + 1), id.number)) {
    return std::nullopt;
  }
  return id;
}

Result<types::Value> parse_field_value(std::string_view text, const FieldDef& field, const ModuleDef& module,
                                       const Schema& schema) {
  if (catalog::holds_ids(field)) {
    const auto read = read_entity_id(text);
    if (!read) return bad_value(field, text, "an entity id such as 12x34");
    const types::EntityId id = *read;
    if (!catalog::accepts_prefix(catalog::id_targets(schema, module, field), field, id.prefix)) {
      return bad_value(field, text, "an id of a module this field refers to");
    }
    return types::Value{id};
  }
  switch (value_class(field.type)) {
    case ValueClass::kText:
    case ValueClass::kNone:
      return types::Value{std::string(text)};
    case ValueClass::kInteger: {
      std::int64_t v = 0;
      if (!read_integer(text, v)) return bad_value(field, text, "an integer");
      return types::Value{v};
    }
    case ValueClass::kDouble: {
      const auto d = types::Decimal::parse(text);
      if (!d) return bad_value(field, text, "a number");
      return types::Value{d->to_double()};
    }
    case ValueClass::kDecimal: {
      auto d = types::Decimal::parse(text);
      if (!d) return bad_value(field, text, "a decimal number");
      return types::Value{field.scale >= 0 ? d->rescaled(field.scale) : *d};
    }
    case ValueClass::kBoolean:
      if (text == "1") return types::Value{true};
      if (text == "0") return types::Value{false};
      return bad_value(field, text, "a boolean (0 or 1)");
    case ValueClass::kDate: {
      const auto d = types::parse_date(text);
      if (!d) return bad_value(field, text, "a date (YYYY-MM-DD)");
      return types::Value{*d};
    }
    case ValueClass::kDateTime: {
      const auto d = types::parse_datetime(text);
      if (!d) return bad_value(field, text, "a date and time (YYYY-MM-DD HH:MM:SS)");
      return types::Value{*d};
    }
    case ValueClass::kTime: {
      const auto t = types::parse_time(text);
      if (!t) return bad_value(field, text, "a time (HH:MM:SS)");
      return types::Value{*t};
    }
    case ValueClass::kEntityId:
      break;
  }
  return bad_value(field, text, "a value of a known type");
}

Result<DecodedRecord> decode_record(std::string_view json_object, const ModuleDef& module, const Schema& schema) {
  const auto object = nlohmann::json::parse(json_object, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) {
    return Error::invalid_argument("a record must be a JSON object of field names to values");
  }
  DecodedRecord out;
  out.record.assign(module.fields.size(), types::Null{});
  for (const auto& [name, value] : object.items()) {
    const int index = module.field_index(name);
    if (index < 0) return Error::invalid_argument(module.name + " has no field '" + name + "'");
    if (value.is_null()) continue;
    if (!value.is_string()) {
      return Error::invalid_argument("field " + name + ": values are strings in the webservice form");
    }
    const FieldDef& field = module.fields[static_cast<std::size_t>(index)];
    auto parsed = parse_field_value(value.get_ref<const std::string&>(), field, module, schema);
    if (!parsed) return std::move(parsed).error();
    if (field.is_id()) out.id = std::get<types::EntityId>(*parsed).number;
    out.record[static_cast<std::size_t>(index)] = std::move(*parsed);
  }
  return out;
}

}  // namespace vtql::storage
