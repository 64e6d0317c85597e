// The `vtql` collation and the vtql_like, vtql_match and vtql_in functions of the SQLite backend.
#include "engine/storage/sqlite/functions.hpp"

#include <algorithm>
#include <string_view>

#include "engine/storage/sqlite/connection.hpp"
#include "engine/storage/sqlite/value_codec.hpp"
#include "engine/types/collation.hpp"
#include "engine/types/value_ops.hpp"

namespace vtql::storage::sqlite {
namespace {

int collate(void*, int size_a, const void* a, int size_b, const void* b) {
  return types::collation::compare(std::string_view(static_cast<const char*>(a), static_cast<std::size_t>(size_a)),
                                   std::string_view(static_cast<const char*>(b), static_cast<std::size_t>(size_b)));
}

// A stored value as the engine compares it: an empty reference or owner is the number 0.
types::Value comparable(sqlite3_value* value, const FieldDef& field) {
  types::Value v = decode(value, field, 0);
  if (std::holds_alternative<types::Null>(v) && stores_null_as_zero(field)) return types::EntityId{0, 0};
  return v;
}

std::string_view text_view(sqlite3_value* value) {
  const auto* text = sqlite3_value_text(value);
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text),
                                            static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

void like_function(sqlite3_context* context, int, sqlite3_value** argv) {
  const auto* field = static_cast<const FieldDef*>(sqlite3_value_pointer(argv[2], kFieldPointer));
  if (field == nullptr) return sqlite3_result_error(context, "vtql_like: no field", -1);
  const std::string_view pattern = text_view(argv[1]);
  if (storage_of(*field) == Storage::kText) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_int(context, 0);
    return sqlite3_result_int(context, types::collation::like(text_view(argv[0]), pattern) ? 1 : 0);
  }
  const auto text = types::like_text(decode(argv[0], *field, 0), *field);
  sqlite3_result_int(context, text && types::collation::like(*text, pattern) ? 1 : 0);
}

void match_function(sqlite3_context* context, int, sqlite3_value** argv) {
  const auto* comparison =
      static_cast<const binder::BoundComparison*>(sqlite3_value_pointer(argv[1], kComparisonPointer));
  if (comparison == nullptr) return sqlite3_result_error(context, "vtql_match: no comparison", -1);
  const FieldDef& field = *comparison->field.field;
  sqlite3_result_int(context, types::satisfies(comparable(argv[0], field), comparison->op, comparison->value) ? 1 : 0);
}

void in_function(sqlite3_context* context, int, sqlite3_value** argv) {
  const auto* set = static_cast<const InSet*>(sqlite3_value_pointer(argv[1], kInSetPointer));
  if (set == nullptr) return sqlite3_result_error(context, "vtql_in: no list", -1);
  sqlite3_result_int(context, set->contains(comparable(argv[0], set->field())) ? 1 : 0);
}

}  // namespace

InSet::InSet(const binder::BoundIn& in) : field_(in.field.field), values_(in.values) {
  // A Null literal never matches; the rest sort by the field's comparison so that a binary search finds them.
  std::erase_if(values_, [](const types::Value& v) { return std::holds_alternative<types::Null>(v); });
  std::sort(values_.begin(), values_.end(),
            [](const types::Value& a, const types::Value& b) { return types::compare_for_order(a, b) < 0; });
}

bool InSet::contains(const types::Value& value) const {
  if (std::holds_alternative<types::Null>(value)) return false;
  const auto it =
      std::lower_bound(values_.begin(), values_.end(), value,
                       [](const types::Value& c, const types::Value& v) { return types::compare(v, c) > 0; });
  return it != values_.end() && types::satisfies(value, ast::CompareOp::kEq, *it);
}

Status register_functions(sqlite3* db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  if (sqlite3_create_collation_v2(db, kCollation, SQLITE_UTF8, nullptr, collate, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db, "vtql_like", 3, flags, nullptr, like_function, nullptr, nullptr, nullptr) !=
          SQLITE_OK ||
      sqlite3_create_function_v2(db, "vtql_match", 2, flags, nullptr, match_function, nullptr, nullptr, nullptr) !=
          SQLITE_OK ||
      sqlite3_create_function_v2(db, "vtql_in", 2, flags, nullptr, in_function, nullptr, nullptr, nullptr) !=
          SQLITE_OK) {
    return sqlite_error(db, "registering vtql's collation and functions");
  }
  return Ok{};
}

}  // namespace vtql::storage::sqlite
