// The syntax tree's printing back to query text, structural equality and spans.
#include <string>
#include <type_traits>

#include "vtql/ast.hpp"

namespace vtql {

namespace ast {

std::string_view to_string(CompareOp op) noexcept {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
    case CompareOp::kLike:
      return "LIKE";
  }
  return "?";
}

Span span_of(const Expr& expr) noexcept {
  return std::visit([](const auto& node) { return node.span; }, expr);
}

namespace {

// Writes a string value so that the grammar reads it back to the same text: quotes doubled, and the characters
// MySQL would read as escapes written as escapes. \% and \_ are stored with their backslash and print as is.
void print_string(std::string& out, std::string_view value) {
  out.push_back('\'');
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    switch (c) {
      case '\'':
        out += "''";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\x1A':
        out += "\\Z";
        break;
      case '\\':
        if (i + 1 < value.size() && (value[i + 1] == '%' || value[i + 1] == '_')) {
          out.push_back('\\');
          out.push_back(value[++i]);
        } else {
          out += "\\\\";
        }
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  out.push_back('\'');
}

void print_literal(std::string& out, const Literal& literal) {
  switch (literal.kind) {
    case LiteralKind::kString:
      print_string(out, literal.value);
      break;
    case LiteralKind::kBoolean:
      out += literal.value == "1" ? "TRUE" : "FALSE";
      break;
    case LiteralKind::kInteger:
    case LiteralKind::kEntityId:
      out += literal.value;
      break;
  }
}

void print_expr(std::string& out, const Expr& expr, bool inside_and);

void print_node(std::string& out, const Comparison& node, bool /*inside_and*/) {
  out += node.field.name;
  out += node.op == CompareOp::kLike ? " LIKE " : " " + std::string(to_string(node.op)) + " ";
  print_literal(out, node.value);
}

void print_node(std::string& out, const InList& node, bool /*inside_and*/) {
  out += node.field.name;
  out += " IN (";
  for (std::size_t i = 0; i < node.values.size(); ++i) {
    if (i > 0) out += ", ";
    print_literal(out, node.values[i]);
  }
  out += ")";
}

void print_node(std::string& out, const Logical& node, bool inside_and) {
  // The vtiger dialect has no parentheses; its trees are an OR of ANDs, which print flat. A nested OR inside an
  // AND (a tree built by hand) needs them.
  const bool parenthesize = inside_and && node.op == LogicalOp::kOr;
  if (parenthesize) out += "(";
  for (std::size_t i = 0; i < node.operands.size(); ++i) {
    if (i > 0) out += node.op == LogicalOp::kAnd ? " AND " : " OR ";
    print_expr(out, node.operands[i], node.op == LogicalOp::kAnd);
  }
  if (parenthesize) out += ")";
}

void print_expr(std::string& out, const Expr& expr, bool inside_and) {
  std::visit([&](const auto& node) { print_node(out, node, inside_and); }, expr);
}

bool equal_literal(const Literal& a, const Literal& b) { return a.kind == b.kind && a.value == b.value; }

bool equal_expr(const Expr& a, const Expr& b);

bool equal_node(const Comparison& a, const Comparison& b) {
  return a.field.name == b.field.name && a.op == b.op && equal_literal(a.value, b.value);
}
bool equal_node(const InList& a, const InList& b) {
  if (a.field.name != b.field.name || a.values.size() != b.values.size()) return false;
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    if (!equal_literal(a.values[i], b.values[i])) return false;
  }
  return true;
}
bool equal_node(const Logical& a, const Logical& b) {
  if (a.op != b.op || a.operands.size() != b.operands.size()) return false;
  for (std::size_t i = 0; i < a.operands.size(); ++i) {
    if (!equal_expr(a.operands[i], b.operands[i])) return false;
  }
  return true;
}

bool equal_expr(const Expr& a, const Expr& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using Node = std::decay_t<decltype(x)>;
        return equal_node(x, std::get<Node>(b));
      },
      a);
}

bool equal_item(const SelectItem& a, const SelectItem& b) {
  if (a.index() != b.index()) return false;
  if (const auto* field = std::get_if<FieldItem>(&a)) return field->field.name == std::get<FieldItem>(b).field.name;
  return true;
}

}  // namespace

bool equal(const SelectStatement& a, const SelectStatement& b) {
  if (a.module.name != b.module.name || a.select.size() != b.select.size() || a.order_by.size() != b.order_by.size() ||
      a.where.has_value() != b.where.has_value() || a.limit.has_value() != b.limit.has_value()) {
    return false;
  }
  for (std::size_t i = 0; i < a.select.size(); ++i) {
    if (!equal_item(a.select[i], b.select[i])) return false;
  }
  for (std::size_t i = 0; i < a.order_by.size(); ++i) {
    if (a.order_by[i].field.name != b.order_by[i].field.name || a.order_by[i].direction != b.order_by[i].direction) {
      return false;
    }
  }
  if (a.where && !equal_expr(*a.where, *b.where)) return false;
  return !a.limit || (a.limit->offset == b.limit->offset && a.limit->count == b.limit->count);
}

std::string to_string(const SelectStatement& statement) {
  std::string out = "SELECT ";
  for (std::size_t i = 0; i < statement.select.size(); ++i) {
    if (i > 0) out += ", ";
    const SelectItem& item = statement.select[i];
    if (std::holds_alternative<Star>(item)) {
      out += "*";
    } else if (std::holds_alternative<CountStar>(item)) {
      out += "COUNT(*)";
    } else {
      out += std::get<FieldItem>(item).field.name;
    }
  }
  out += " FROM ";
  out += statement.module.name;
  if (statement.where) {
    out += " WHERE ";
    print_expr(out, *statement.where, false);
  }
  if (!statement.order_by.empty()) {
    out += " ORDER BY ";
    for (std::size_t i = 0; i < statement.order_by.size(); ++i) {
      if (i > 0) out += ", ";
      out += statement.order_by[i].field.name;
      if (statement.order_by[i].direction) {
        out += *statement.order_by[i].direction == Direction::kAsc ? " ASC" : " DESC";
      }
    }
  }
  if (statement.limit) {
    out += " LIMIT ";
    if (statement.limit->offset) out += std::to_string(*statement.limit->offset) + ", ";
    out += std::to_string(statement.limit->count);
  }
  out += ";";
  return out;
}

}  // namespace ast
}  // namespace vtql
