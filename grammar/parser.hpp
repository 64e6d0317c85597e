// The parser's entry point: query text in, typed syntax tree or positioned syntax error out.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "vtql/ast.hpp"
#include "vtql/status.hpp"

namespace vtql::grammar {

// Bounds on what one query may hold; exceeding one is a QUERY_SYNTAX_ERROR that names the limit.
struct ParseLimits {
  std::size_t max_query_bytes = 1 << 20;
  std::size_t max_predicates = 10'000;
  std::size_t max_in_values = 100'000;
  std::size_t max_order_terms = 1'000;
};

struct ParseOutput {
  // The module named after FROM, when the parse got that far (also on failure): the original checks the
  // module before the rest of the syntax, so the binder reports an unknown module ahead of a syntax error.
  std::optional<ast::Identifier> module;
};

// Parses one statement of the vtiger dialect. Never throws; bad input of any kind gives an Error.
Result<ast::SelectStatement> parse(std::string_view text, const ParseLimits& limits = {},
                                   ParseOutput* output = nullptr);

// The same, building the tree in place in `out` (which must be empty), so the caller's object holds it with no move.
Status parse_into(std::string_view text, const ParseLimits& limits, ast::SelectStatement& out,
                  ParseOutput* output = nullptr);

}  // namespace vtql::grammar
