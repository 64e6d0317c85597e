// A checked query in the conformance form that the original parser's records use (tests/conformance/README.md).
#include <string>

#include <nlohmann/json.hpp>

#include "engine/binder/bound_query.hpp"

namespace vtql {
namespace {

// A value as written, with its quotes removed and '' read as a quote; backslashes stay as written.
std::string as_written(std::string_view text, const ast::Literal& literal) {
  std::string_view raw = text.substr(literal.span.offset, literal.span.length);
  if (literal.kind != ast::LiteralKind::kString) return std::string(raw);
  raw = raw.substr(1, raw.size() - 2);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    out.push_back(raw[i]);
    if (raw[i] == '\'') ++i;
  }
  return out;
}

void flatten(std::string_view text, const ast::Expr& expr, nlohmann::json& where, nlohmann::json& logic) {
  if (const auto* logical = std::get_if<ast::Logical>(&expr)) {
    for (std::size_t i = 0; i < logical->operands.size(); ++i) {
      if (i > 0) logic.push_back(logical->op == ast::LogicalOp::kAnd ? "AND" : "OR");
      flatten(text, logical->operands[i], where, logic);
    }
  } else if (const auto* comparison = std::get_if<ast::Comparison>(&expr)) {
    where.push_back({{"field", comparison->field.name},
                     {"op", std::string(ast::to_string(comparison->op))},
                     {"value", as_written(text, comparison->value)}});
  } else {
    const auto& in = std::get<ast::InList>(expr);
    nlohmann::json values = nlohmann::json::array();
    for (const ast::Literal& literal : in.values) values.push_back(as_written(text, literal));
    where.push_back({{"field", in.field.name}, {"op", "IN"}, {"value", std::move(values)}});
  }
}

}  // namespace

std::string binder::parsed_json(const BoundQuery& q) {
  nlohmann::ordered_json out;
  out["module"] = q.module->name;
  nlohmann::json columns = nlohmann::json::array();
  if (q.count_only) {
    columns.push_back("count(*)");
  } else if (q.select_star) {
    columns.push_back("*");
  } else {
    for (const int c : q.columns) columns.push_back(q.module->fields[static_cast<std::size_t>(c)].name);
  }
  out["columns"] = std::move(columns);
  nlohmann::json where = nlohmann::json::array();
  nlohmann::json logic = nlohmann::json::array();
  if (q.syntax.where) flatten(q.text, *q.syntax.where, where, logic);
  out["where"] = std::move(where);
  out["logic"] = std::move(logic);
  nlohmann::json order_by = nlohmann::json::array();
  for (const ast::OrderItem& item : q.syntax.order_by) order_by.push_back(item.field.name);
  out["order_by"] = std::move(order_by);
  const auto direction = q.syntax.order_by.empty() ? std::nullopt : q.syntax.order_by.back().direction;
  out["direction"] = direction ? nlohmann::json(*direction == ast::Direction::kAsc ? "ASC" : "DESC") : nlohmann::json();
  out["limit"] = {{"offset", q.offset}, {"count", q.count ? nlohmann::json(*q.count) : nlohmann::json()}};
  return out.dump();
}

}  // namespace vtql
