// How the SQLite backend stores each field's values, and the conversions between typed values and SQLite values.
//
// Every stored form orders in SQLite as vtql orders the values, so comparisons and ORDER BY run natively:
//   text                          TEXT under the `vtql` collation
//   integer, boolean, date (days), datetime (seconds), time (seconds), entity ids (the record number)   INTEGER
//   double                        REAL
//   exact decimal                 BLOB, an order-preserving key (see encode_decimal_key)
// An empty reference or owner is stored as 0, the number the original's tables hold and compare with; an owner
// keeps the prefix of its actor module (catalog::owner_modules) in a second column.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "engine/types/value.hpp"
#include "vtql/schema.hpp"

namespace vtql::storage::sqlite {

enum class Storage : std::uint8_t { kText, kInteger, kReal, kDecimalKey };

Storage storage_of(const FieldDef& field) noexcept;
// The column's declared type in CREATE TABLE.
std::string declared_type(const FieldDef& field);
// Whether a NULL of this field is stored as 0 (references and owners).
bool stores_null_as_zero(const FieldDef& field) noexcept;
// Whether the field has a prefix column beside it (owners: a user or a group).
bool has_prefix_column(const FieldDef& field) noexcept;

struct Blob {
  std::string bytes;
};
// A value as SQLite holds it: NULL, INTEGER, REAL, TEXT or BLOB.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

// The stored form of a value of `field`.
SqlValue encode(const types::Value& value, const FieldDef& field);
// The prefix column's value for an owner value.
SqlValue encode_prefix(const types::Value& value);
// The typed value of a stored `value` of `field`; `prefix` is the module prefix for the `id` field and the prefix
// column's value for owners.
types::Value decode(sqlite3_value* value, const FieldDef& field, std::uint32_t prefix);

// What decode_column needs of a field, kept compact for reading row after row.
struct ColumnDecoder {
  ValueClass value_class = ValueClass::kText;
  bool null_as_zero = false;       // 0 is an empty reference or owner
  bool prefixed = false;           // the module prefix is in the next column (owners; resolved references)
  bool resolved = false;           // ...and 0 there means the reference has no live record
  std::uint32_t fixed_prefix = 0;  // the module's prefix, for the id field
};
ColumnDecoder column_decoder(const FieldDef& field, std::uint32_t module_prefix);
// Sets `out` to the typed value of column `column` of the statement's current row, as decode() reads it.
void decode_column(sqlite3_stmt* stmt, int column, const ColumnDecoder& decoder, std::uint32_t prefix,
                   types::Value& out);

int bind(sqlite3_stmt* stmt, int index, const SqlValue& value);
// Binds the stored form of `value` of `field` straight from the value (text is not copied: `value` must outlive
// the statement's next step).
int bind_stored(sqlite3_stmt* stmt, int index, const types::Value& value, bool null_as_zero);

// A key whose bytes order under memcmp as the decimals order, equal exactly for equal values (1.5 = 1.50):
// a sign byte, the decimal exponent, then the significant digits (all complemented for negative numbers).
std::string encode_decimal_key(const types::Decimal& value);
std::optional<types::Decimal> decode_decimal_key(std::string_view key);

}  // namespace vtql::storage::sqlite
