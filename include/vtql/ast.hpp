// The typed syntax tree of a query, as the grammar reads it, before any schema is consulted.
//
// Every node carries the byte span of the text it was read from. Identifiers and literal texts are owned copies,
// so a tree outlives the query text. `to_string` prints a query that parses back to an equal tree (spans aside).
//
// Thread-safety: the nodes are plain values; distinct trees may be used from distinct threads, and one tree may be
// read from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vtql/status.hpp"

namespace vtql {

namespace ast {

struct Identifier {
  std::string name;
  Span span;
};

enum class LiteralKind : std::uint8_t {
  kString,    // 'quoted' (value holds the text as MySQL reads it: '' and backslash escapes resolved)
  kInteger,   // 42, -5, +5 (value holds the digits with their sign as written)
  kEntityId,  // 12x34 written without quotes
  kBoolean,   // TRUE or FALSE without quotes (value holds "1" or "0")
};

struct Literal {
  LiteralKind kind = LiteralKind::kString;
  std::string value;
  Span span;
};

enum class CompareOp : std::uint8_t { kEq, kNe, kLt, kLe, kGt, kGe, kLike };

std::string_view to_string(CompareOp op) noexcept;  // "=", "!=", "<", "<=", ">", ">=", "LIKE"

// field op value
struct Comparison {
  Identifier field;
  CompareOp op = CompareOp::kEq;
  Literal value;
  Span span;
};

// field IN (value, ...)
struct InList {
  Identifier field;
  std::vector<Literal> values;
  Span span;
};

enum class LogicalOp : std::uint8_t { kAnd, kOr };

struct Logical;

// A boolean condition: a predicate or an AND / OR of conditions. AND binds tighter than OR.
using Expr = std::variant<Comparison, InList, Logical>;

// An n-ary AND or OR: flat, so that long chains of predicates do not make deep trees.
struct Logical {
  LogicalOp op = LogicalOp::kAnd;
  std::vector<Expr> operands;  // two or more
  Span span;
};

struct Star {
  Span span;
};
struct CountStar {
  Span span;
};
struct FieldItem {
  Identifier field;
};
using SelectItem = std::variant<Star, CountStar, FieldItem>;

enum class Direction : std::uint8_t { kAsc, kDesc };

struct OrderItem {
  Identifier field;
  std::optional<Direction> direction;  // in the vtiger dialect only the last item may have one
};

struct Limit {
  std::optional<std::uint64_t> offset;  // LIMIT offset, count
  std::uint64_t count = 0;              // saturates at the largest 64-bit value
  Span span;
};

struct SelectStatement {
  std::vector<SelectItem> select;  // `*`, or COUNT(*) followed by ignored fields, or fields
  Identifier module;
  std::optional<Expr> where;
  std::vector<OrderItem> order_by;
  std::optional<Limit> limit;
  Span span;
};

// Structural equality: kinds, names, operators and values; spans are not compared.
bool equal(const SelectStatement& a, const SelectStatement& b);

// A query text in the canonical spelling of the vtiger dialect, ending in ';'.
std::string to_string(const SelectStatement& statement);

// The span of any condition node.
Span span_of(const Expr& expr) noexcept;

}  // namespace ast
}  // namespace vtql
