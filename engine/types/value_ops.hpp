// Operations on typed values that every backend shares: comparison under the field's class, LIKE, and the
// webservice's string form of a stored value.
#pragma once

#include <compare>
#include <optional>
#include <string>

#include "engine/types/value.hpp"
#include "vtql/ast.hpp"
#include "vtql/schema.hpp"

namespace vtql::types {

// Orders two non-null values of one field: a stored value and a bound literal (which the binder has converted to
// the field's class, except that an integer field may compare with an exact Decimal). Text compares under the
// collation; entity ids compare by record number only, as the original does.
std::partial_ordering compare(const Value& stored, const Value& literal);

// Orders two stored values of one field for ORDER BY: NULL before everything, then compare(). -1, 0 or 1.
int compare_for_order(const Value& a, const Value& b);

// Whether an ordering of a stored value against a literal satisfies `op` (unordered never does).
bool holds(std::partial_ordering order, ast::CompareOp op) noexcept;

// Whether a stored value satisfies `op literal`. NULL never does, whatever the operator (NULL != 'x' is not
// true), and neither does a literal that can never match (a Null from an unreadable boolean).
bool satisfies(const Value& stored, ast::CompareOp op, const Value& literal);

// The text LIKE sees for a stored value: text as is, numbers and dates in their string forms, an entity id's
// record number (0 for an empty reference); nullopt for NULL.
std::optional<std::string> like_text(const Value& stored, const FieldDef& field);

// The webservice's string form of a stored value of `field`, or nullopt for NULL: booleans "0"/"1", decimals with
// the column's scale, dates "YYYY-MM-DD", datetimes "YYYY-MM-DD HH:MM:SS", times "HH:MM:SS", entity ids
// "<prefix>x<number>" (references are resolved by the caller, who knows which records are live).
std::optional<std::string> to_webservice_string(const Value& stored, const FieldDef& field);
// The same form written over `out` (its memory reused); false, leaving `out` as it was, for null.
bool write_webservice_string(const Value& stored, const FieldDef& field, std::string& out);

}  // namespace vtql::types
