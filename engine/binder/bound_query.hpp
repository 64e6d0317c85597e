// The bound tree: a query with its module and fields resolved and its literals converted to typed values.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/types/value.hpp"
#include "vtql/ast.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql::binder {

struct BoundField {
  const FieldDef* field = nullptr;
  int index = -1;  // in the module's describe fields
  ValueClass value_class = ValueClass::kText;
  Span span;
};

// field op value, for =, !=, <, <=, >, >=. For entity-id fields the value is a types::EntityId and only its
// number takes part in the comparison, as in the original.
struct BoundComparison {
  BoundField field;
  ast::CompareOp op = ast::CompareOp::kEq;
  types::Value value;
  Span span;
};

// field LIKE pattern. For entity-id fields the pattern is the part after its first `x`, matched against the
// record number.
struct BoundLike {
  BoundField field;
  std::string pattern;
  Span span;
};

struct BoundIn {
  BoundField field;
  std::vector<types::Value> values;
  Span span;
};

struct BoundLogical;
using BoundExpr = std::variant<BoundComparison, BoundLike, BoundIn, BoundLogical>;

struct BoundLogical {
  ast::LogicalOp op = ast::LogicalOp::kAnd;
  std::vector<BoundExpr> operands;
  Span span;
};

struct BoundOrder {
  BoundField field;
  ast::Direction direction = ast::Direction::kAsc;
};

struct BoundQuery {
  std::string text;
  ast::SelectStatement syntax;
  std::shared_ptr<const Schema> schema;  // keeps `module` and the fields alive
  const ModuleDef* module = nullptr;

  bool count_only = false;
  bool select_star = false;
  std::vector<int> columns;  // output fields (indexes into module->fields) in order; `id` is always among them
  std::optional<BoundExpr> where;
  std::vector<BoundOrder> order_by;
  std::uint64_t offset = 0;
  std::optional<std::uint64_t> count;  // after the row cap; nullopt: no limit
  std::vector<Warning> warnings;
};

struct BindOptions {
  std::uint64_t max_rows = 100;
  std::uint32_t max_warnings = 100;  // then one more that counts the rest
};

// Resolves `query.syntax` (parsed from `query.text`) against `query.schema`, filling in the rest of `query`.
// Errors: ACCESS_DENIED for unknown or unreadable modules and fields, INVALID_ID_ATTRIBUTE for values that are not
// entity ids where one is needed.
Status bind(BoundQuery& query, const BindOptions& options);

// The query that reads the live records of `module` in id order, returning the fields `columns` (indexes into
// module.fields), the first `count` of them or all: what an export runs. Its text is the query that would say so.
std::shared_ptr<BoundQuery> all_records(std::shared_ptr<const Schema> schema, const ModuleDef& module,
                                        std::vector<int> columns, std::optional<std::uint64_t> count);

// The query in the form the original parser's recorded outcomes use (tests/conformance/README.md):
// {"module","columns","where","logic","order_by","direction","limit"}.
std::string parsed_json(const BoundQuery& query);

// The ACCESS_DENIED error for a module name the schema does not have.
Error unknown_module_error(const Schema& schema, const ast::Identifier& module);

}  // namespace vtql::binder
