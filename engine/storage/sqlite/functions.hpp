// The collation and SQL functions through which SQLite evaluates vtql's predicates exactly as the engine does.
//
//   COLLATE vtql                   text comparison of engine/types/collation.hpp (utf8_general_ci, PAD SPACE)
//   vtql_like(value, pattern, F)   value LIKE pattern, on the text LIKE sees for field F (types::like_text)
//   vtql_match(value, C)           the comparison C, for the literals SQLite cannot compare natively
//   vtql_in(value, S)              membership in a large IN list S, by binary search
// F, C and S are pointers bound with sqlite3_bind_pointer, so no value ever becomes SQL text.
#pragma once

#include <sqlite3.h>

#include <vector>

#include "engine/binder/bound_query.hpp"
#include "engine/types/value.hpp"
#include "vtql/status.hpp"

namespace vtql::storage::sqlite {

inline constexpr const char* kFieldPointer = "vtql.field";
inline constexpr const char* kComparisonPointer = "vtql.comparison";
inline constexpr const char* kInSetPointer = "vtql.in";

// The values of an IN list, sorted so that membership is a binary search.
class InSet {
 public:
  explicit InSet(const binder::BoundIn& in);
  bool contains(const types::Value& value) const;
  const FieldDef& field() const noexcept { return *field_; }

 private:
  const FieldDef* field_;
  std::vector<types::Value> values_;
};

// Registers the collation and the functions on a connection.
Status register_functions(sqlite3* db);

}  // namespace vtql::storage::sqlite
