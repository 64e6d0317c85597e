// Field values of imported rows: entity ids checked against the modules a field refers to, other types through
// the record codec, and messages that say what was expected.
#include "engine/exchange/field_parser.hpp"

#include <algorithm>
#include <cstdlib>

#include "engine/storage/record_codec.hpp"

namespace vtql::exchange {
namespace {

constexpr std::size_t kExcerptBytes = 40;

std::string_view expected_form(FieldType type) {
  switch (value_class(type)) {
    case ValueClass::kInteger:
      return "an integer";
    case ValueClass::kDouble:
      return "a number";
    case ValueClass::kDecimal:
      return "a decimal number such as 1500.50";
    case ValueClass::kBoolean:
      return "a boolean (0 or 1)";
    case ValueClass::kDate:
      return "a date (YYYY-MM-DD)";
    case ValueClass::kDateTime:
      return "a date and time (YYYY-MM-DD HH:MM:SS)";
    case ValueClass::kTime:
      return "a time (HH:MM:SS)";
    case ValueClass::kEntityId:
      return "an entity id such as 12x34";
    case ValueClass::kText:
    case ValueClass::kNone:
      break;
  }
  return "text";
}

}  // namespace

std::string quoted_excerpt(std::string_view text) {
  if (text.size() <= kExcerptBytes) return "'" + std::string(text) + "'";
  std::size_t cut = kExcerptBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return "'" + std::string(text.substr(0, cut)) + "…' (" + std::to_string(text.size()) + " bytes)";
}

FieldParser::FieldParser(const FieldDef& field, const ModuleDef& module, const Schema& schema)
    : field_(&field), module_(&module), schema_(&schema), kind_(Kind::kOther) {
  const ValueClass cls = value_class(field.type);
  if (catalog::holds_ids(field)) {
    kind_ = Kind::kEntityId;
    targets_ = catalog::id_targets(schema, module, field);
    expected_modules_ = catalog::describe_targets(targets_, "…");
  } else if (cls == ValueClass::kText || cls == ValueClass::kNone) {
    kind_ = Kind::kText;
  }
}

std::string FieldParser::parse_entity_id(std::string_view text, types::Value& out) const {
  const auto read = storage::read_entity_id(text);
  if (!read) return quoted_excerpt(text) + " is not an entity id such as 12x34";
  const types::EntityId id = *read;
  const std::size_t x = text.find('x');
  if (!catalog::accepts_prefix(targets_, *field_, id.prefix)) {
    const ModuleDef* named = schema_->find_module_by_prefix(text.substr(0, x));
    std::string message = quoted_excerpt(text) + ": prefix " + std::string(text.substr(0, x));
    message += named == nullptr ? " names no module" : " is " + named->name;
    return message + "; expected an id of " + (expected_modules_.empty() ? module_->name : expected_modules_);
  }
  if (field_->is_id() && id.number == 0) return quoted_excerpt(text) + " is not a record number (ids start at 1)";
  out = id;
  return {};
}

std::string FieldParser::parse(std::string_view text, types::Value& out) const {
  if (kind_ == Kind::kText) {
    out = std::string(text);
    return {};
  }
  if (text.empty()) {
    out = types::Null{};
    return {};
  }
  if (kind_ == Kind::kEntityId) return parse_entity_id(text, out);
  auto parsed = storage::parse_field_value(text, *field_, *module_, *schema_);
  if (!parsed) return quoted_excerpt(text) + " is not " + std::string(expected_form(field_->type));
  out = std::move(*parsed);
  return {};
}

}  // namespace vtql::exchange
