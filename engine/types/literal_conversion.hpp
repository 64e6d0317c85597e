// Converts a query literal to the value its field compares with, the way MySQL converts it against the column.
#pragma once

#include <string>
#include <string_view>

#include "engine/types/value.hpp"
#include "vtql/ast.hpp"
#include "vtql/schema.hpp"

namespace vtql::types {

struct Conversion {
  Value value;
  // Set when the value differs from what the literal says on its face ("'12abc' is read as the number 12"),
  // or when the literal can never match (a boolean 'on'): the binder reports it as a warning.
  std::string warning;
  // Set when the literal is finer than the field (a time of day against a date, fractional seconds against a
  // datetime or a time): +1 when it lies just after `value`, -1 just before it (a negative time). MySQL compares at
  // the literal's precision, so at the field's: = matches nothing, != every non-null value; just after, < means <=
  // and >= means >; just before, <= means < and > means >=.
  int beyond = 0;
};

// Converts `literal` for comparison with a field of class `target` (anything but kEntityId and kNone),
// following docs/LANGUAGE.md, Literal conversion, for the vtiger dialect:
// - kText: the literal's text as written (an unquoted number is compared as text);
// - kInteger: the longest numeric prefix; an int64 when integral and in range, else the exact Decimal;
// - kDouble: the longest numeric prefix as a double;
// - kDecimal: the longest numeric prefix as an exact Decimal;
// - kBoolean: 1 / 0 / '1' / '0' (spaces around allowed) / TRUE / FALSE as bool; anything else, a quoted 'true' too,
//   is Null (matches nothing);
// - kDate / kDateTime / kTime: MySQL's relaxed readings; an unreadable literal is the zero value.
Conversion convert_literal(ValueClass target, const ast::Literal& literal);

}  // namespace vtql::types
