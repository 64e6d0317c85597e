// Stored forms of typed values in SQLite, and the order-preserving key of exact decimals.
#include "engine/storage/sqlite/value_codec.hpp"

#include <string>

#include "engine/storage/sqlite/connection.hpp"

namespace vtql::storage::sqlite {
namespace {

ValueClass class_of(const FieldDef& field) noexcept {
  return field.is_id() ? ValueClass::kEntityId : value_class(field.type);
}

std::string text_of(const sqlite3_value* value) {
  const auto* text = sqlite3_value_text(const_cast<sqlite3_value*>(value));
  const int size = sqlite3_value_bytes(const_cast<sqlite3_value*>(value));
  return text == nullptr ? std::string()
                         : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

}  // namespace

Storage storage_of(const FieldDef& field) noexcept {
  switch (class_of(field)) {
    case ValueClass::kText:
    case ValueClass::kNone:
      return Storage::kText;
    case ValueClass::kDouble:
      return Storage::kReal;
    case ValueClass::kDecimal:
      return Storage::kDecimalKey;
    default:
      return Storage::kInteger;
  }
}

std::string declared_type(const FieldDef& field) {
  switch (storage_of(field)) {
    case Storage::kText:
      return std::string("TEXT COLLATE ") + kCollation;
    case Storage::kInteger:
      return stores_null_as_zero(field) ? "INTEGER NOT NULL DEFAULT 0" : "INTEGER";
    case Storage::kReal:
      return "REAL";
    case Storage::kDecimalKey:
      return "BLOB";
  }
  return "TEXT";
}

bool stores_null_as_zero(const FieldDef& field) noexcept {
  return field.type == FieldType::kReference || field.type == FieldType::kOwner;
}

bool has_prefix_column(const FieldDef& field) noexcept { return field.type == FieldType::kOwner; }

SqlValue encode(const types::Value& value, const FieldDef& field) {
  if (std::holds_alternative<types::Null>(value)) {
    return stores_null_as_zero(field) ? SqlValue(std::int64_t{0}) : SqlValue();
  }
  return std::visit(
      [&](const auto& v) -> SqlValue {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, types::Null>) {
          return {};
        } else if constexpr (std::is_same_v<V, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<V, std::int64_t>) {
          return v;
        } else if constexpr (std::is_same_v<V, double>) {
          return v;
        } else if constexpr (std::is_same_v<V, types::Decimal>) {
          return Blob{encode_decimal_key(v)};
        } else if constexpr (std::is_same_v<V, bool>) {
          return std::int64_t{v ? 1 : 0};
        } else if constexpr (std::is_same_v<V, types::Date>) {
          return std::int64_t{v.days};
        } else if constexpr (std::is_same_v<V, types::DateTime>) {
          return std::int64_t{v.seconds};
        } else if constexpr (std::is_same_v<V, types::Time>) {
          return std::int64_t{v.seconds};
        } else {
          static_assert(std::is_same_v<V, types::EntityId>);
          return static_cast<std::int64_t>(v.number);
        }
      },
      value);
}

SqlValue encode_prefix(const types::Value& value) {
  if (const auto* id = std::get_if<types::EntityId>(&value)) return std::int64_t{id->prefix};
  return {};
}

types::Value decode(sqlite3_value* value, const FieldDef& field, std::uint32_t prefix) {
  const int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL) return types::Null{};
  switch (class_of(field)) {
    case ValueClass::kText:
    case ValueClass::kNone:
      return text_of(value);
    case ValueClass::kInteger:
      return static_cast<std::int64_t>(sqlite3_value_int64(value));
    case ValueClass::kDouble:
      return sqlite3_value_double(value);
    case ValueClass::kDecimal: {
      const auto* bytes = static_cast<const char*>(sqlite3_value_blob(value));
      const auto size = static_cast<std::size_t>(sqlite3_value_bytes(value));
      if (auto decimal = decode_decimal_key(std::string_view(bytes == nullptr ? "" : bytes, size))) return *decimal;
      return types::Null{};
    }
    case ValueClass::kBoolean:
      return sqlite3_value_int64(value) != 0;
    case ValueClass::kDate:
      return types::Date{static_cast<std::int32_t>(sqlite3_value_int64(value))};
    case ValueClass::kDateTime:
      return types::DateTime{sqlite3_value_int64(value)};
    case ValueClass::kTime:
      return types::Time{static_cast<std::int32_t>(sqlite3_value_int64(value))};
    case ValueClass::kEntityId: {
      const auto number = static_cast<std::uint64_t>(sqlite3_value_int64(value));
      if (number == 0 && stores_null_as_zero(field)) return types::Null{};
      return types::EntityId{prefix, number};
    }
  }
  return types::Null{};
}

ColumnDecoder column_decoder(const FieldDef& field, std::uint32_t module_prefix) {
  ColumnDecoder decoder;
  decoder.value_class = class_of(field);
  decoder.null_as_zero = stores_null_as_zero(field);
  decoder.fixed_prefix = field.is_id() ? module_prefix : 0;
  return decoder;
}

void decode_column(sqlite3_stmt* stmt, int column, const ColumnDecoder& decoder, std::uint32_t prefix,
                   types::Value& out) {
  if (decoder.value_class == ValueClass::kText || decoder.value_class == ValueClass::kNone) {
    // Text columns hold text or NULL, and sqlite3_column_text tells NULL apart: one call fewer than the others.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    if (text == nullptr) {
      out.emplace<types::Null>();
      return;
    }
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, column));
    if (auto* held = std::get_if<std::string>(&out)) {
      held->assign(text, size);  // reuses the row's buffer
    } else {
      out.emplace<std::string>(text, size);
    }
    return;
  }
  if (sqlite3_column_type(stmt, column) == SQLITE_NULL) {
    out.emplace<types::Null>();
    return;
  }
  switch (decoder.value_class) {
    case ValueClass::kText:
    case ValueClass::kNone:
      break;  // above
    case ValueClass::kInteger:
      out.emplace<std::int64_t>(sqlite3_column_int64(stmt, column));
      return;
    case ValueClass::kDouble:
      out.emplace<double>(sqlite3_column_double(stmt, column));
      return;
    case ValueClass::kDecimal: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, column));
      if (auto decimal = decode_decimal_key(std::string_view(bytes == nullptr ? "" : bytes, size))) {
        out.emplace<types::Decimal>(std::move(*decimal));
      } else {
        out.emplace<types::Null>();
      }
      return;
    }
    case ValueClass::kBoolean:
      out.emplace<bool>(sqlite3_column_int64(stmt, column) != 0);
      return;
    case ValueClass::kDate:
      out.emplace<types::Date>(types::Date{static_cast<std::int32_t>(sqlite3_column_int64(stmt, column))});
      return;
    case ValueClass::kDateTime:
      out.emplace<types::DateTime>(types::DateTime{sqlite3_column_int64(stmt, column)});
      return;
    case ValueClass::kTime:
      out.emplace<types::Time>(types::Time{static_cast<std::int32_t>(sqlite3_column_int64(stmt, column))});
      return;
    case ValueClass::kEntityId: {
      const auto number = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, column));
      if (number == 0 && decoder.null_as_zero) {
        out.emplace<types::Null>();
      } else {
        out.emplace<types::EntityId>(types::EntityId{prefix, number});
      }
      return;
    }
  }
  out.emplace<types::Null>();
}

int bind(sqlite3_stmt* stmt, int index, const SqlValue& value) {
  return std::visit(
      [&](const auto& v) -> int {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>) {
          return sqlite3_bind_null(stmt, index);
        } else if constexpr (std::is_same_v<V, std::int64_t>) {
          return sqlite3_bind_int64(stmt, index, v);
        } else if constexpr (std::is_same_v<V, double>) {
          return sqlite3_bind_double(stmt, index, v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
        } else {
          static_assert(std::is_same_v<V, Blob>);
          return sqlite3_bind_blob64(stmt, index, v.bytes.data(), v.bytes.size(), SQLITE_STATIC);
        }
      },
      value);
}

// The alternatives of types::Value by index, as bind_stored switches on them.
static_assert(std::is_same_v<std::variant_alternative_t<1, types::Value>, std::string> &&
              std::is_same_v<std::variant_alternative_t<4, types::Value>, types::Decimal> &&
              std::is_same_v<std::variant_alternative_t<8, types::Value>, types::Time> &&
              std::variant_size_v<types::Value> == 10);

int bind_stored(sqlite3_stmt* stmt, int index, const types::Value& value, bool null_as_zero) {
  switch (value.index()) {
    case 0:
      return null_as_zero ? sqlite3_bind_int64(stmt, index, 0) : sqlite3_bind_null(stmt, index);
    case 1: {
      const auto& text = *std::get_if<std::string>(&value);
      return sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    case 2:
      return sqlite3_bind_int64(stmt, index, *std::get_if<std::int64_t>(&value));
    case 3:
      return sqlite3_bind_double(stmt, index, *std::get_if<double>(&value));
    case 4: {
      const std::string key = encode_decimal_key(*std::get_if<types::Decimal>(&value));
      return sqlite3_bind_blob64(stmt, index, key.data(), key.size(), SQLITE_TRANSIENT);
    }
    case 5:
      return sqlite3_bind_int64(stmt, index, *std::get_if<bool>(&value) ? 1 : 0);
    case 6:
      return sqlite3_bind_int64(stmt, index, std::get_if<types::Date>(&value)->days);
    case 7:
      return sqlite3_bind_int64(stmt, index, std::get_if<types::DateTime>(&value)->seconds);
    case 8:
      return sqlite3_bind_int64(stmt, index, std::get_if<types::Time>(&value)->seconds);
    default:
      return sqlite3_bind_int64(stmt, index, static_cast<std::int64_t>(std::get_if<types::EntityId>(&value)->number));
  }
}

// Zero is one byte 0x01. A positive number is 0x02, then its exponent E (value = 0.d1d2... × 10^E) biased by
// 128, then its significant digits as ASCII; a prefix of digits is the smaller number, as memcmp has it. A
// negative number is 0x00, then the complements of the biased exponent and of the digits, then 0xFF, so that the
// larger magnitude sorts first and a prefix sorts last.
std::string encode_decimal_key(const types::Decimal& value) {
  const auto& mantissa = value.mantissa();
  if (mantissa == 0) return std::string(1, '\x01');
  const bool negative = mantissa < 0;
  std::string digits = (negative ? types::Decimal::Mantissa(-mantissa) : mantissa).str();
  int scale = value.scale();
  while (digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    --scale;
  }
  const int exponent = static_cast<int>(digits.size()) - scale;
  std::string key;
  key.reserve(digits.size() + 3);
  const auto biased = static_cast<unsigned char>(exponent + 128);
  if (!negative) {
    key += '\x02';
    key += static_cast<char>(biased);
    key += digits;
  } else {
    key += '\x00';
    key += static_cast<char>(255 - biased);
    for (const char d : digits) key += static_cast<char>(255 - static_cast<unsigned char>(d));
    key += '\xFF';
  }
  return key;
}

std::optional<types::Decimal> decode_decimal_key(std::string_view key) {
  if (key.size() == 1 && key[0] == '\x01') return types::Decimal();
  if (key.size() < 3) return std::nullopt;
  const bool negative = key[0] == '\x00';
  if (!negative && key[0] != '\x02') return std::nullopt;
  const int biased = static_cast<unsigned char>(key[1]);
  const int exponent = (negative ? 255 - biased : biased) - 128;
  std::string digits;
  const std::string_view body = negative ? key.substr(2, key.size() - 3) : key.substr(2);
  for (const char c : body) {
    const char d = negative ? static_cast<char>(255 - static_cast<unsigned char>(c)) : c;
    if (d < '0' || d > '9') return std::nullopt;
    digits += d;
  }
  if (digits.empty() || digits.size() > 38) return std::nullopt;
  int scale = static_cast<int>(digits.size()) - exponent;
  if (scale < 0) {
    digits.append(static_cast<std::size_t>(-scale), '0');
    scale = 0;
  }
  if (digits.size() > 38 || scale > types::Decimal::kMaxScale) return std::nullopt;
  types::Decimal::Mantissa mantissa(digits);
  if (negative) mantissa = -mantissa;
  return types::Decimal(std::move(mantissa), scale);
}

}  // namespace vtql::storage::sqlite
