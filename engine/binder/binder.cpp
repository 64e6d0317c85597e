// The binder: resolves the module and fields of a syntax tree against describe metadata and types its values.
#include "engine/binder/bound_query.hpp"

#include "engine/catalog/record_rules.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <utility>

#include "engine/types/literal_conversion.hpp"

namespace vtql::binder {
namespace {

bool is_digits(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

using catalog::describe_targets;

class Binder {
 public:
  Binder(std::string_view text, const Schema& schema, const BindOptions& options)
      : text_(text), schema_(schema), options_(options) {}

  Result<Ok> bind(BoundQuery& out) {
    const ModuleDef* module = schema_.find_module(out.syntax.module.name);
    if (module == nullptr) return unknown_module_error(schema_, out.syntax.module);
    module_ = module;
    out.module = module;
    warnings_ = &out.warnings;

    if (auto status = bind_select(out); !status) return std::move(status).error();
    if (out.syntax.where) {
      auto where = bind_expr(*out.syntax.where);
      if (!where) return std::move(where).error();
      out.where = std::move(*where);
    }
    for (std::size_t i = 0; i < out.syntax.order_by.size(); ++i) {
      const ast::OrderItem& item = out.syntax.order_by[i];
      auto field = resolve(item.field, "order by");
      if (!field) return std::move(field).error();
      // In the vtiger dialect the one direction belongs to the last field; the others sort ascending.
      out.order_by.push_back({*field, item.direction.value_or(ast::Direction::kAsc)});
    }
    bind_limit(out);
    if (suppressed_ > 0) {
      out.warnings.push_back({"and " + std::to_string(suppressed_) + " more warning" + (suppressed_ == 1 ? "" : "s") +
                                  " (at most " + std::to_string(options_.max_warnings) + " are listed)",
                              Span{static_cast<std::uint32_t>(text_.size()), 0}});
    }
    return Ok{};
  }

 private:
  Result<BoundField> resolve(const ast::Identifier& name, std::string_view role) const {
    const int index = module_->field_index(name.name);
    if (index < 0 || !module_->readable(module_->fields[static_cast<std::size_t>(index)])) {
      std::vector<std::string_view> names;
      for (const FieldDef& f : module_->fields) {
        if (module_->readable(f)) names.push_back(f.name);
      }
      Error error = Error::access_denied(
          index < 0 ? module_->name + " has no field " + in_quotes(name.name) + " to " + std::string(role)
                    : "field " + in_quotes(name.name) + " of " + module_->name + " cannot be read",
          name.span);
      if (index < 0) {
        if (const std::string close = closest_name(name.name, names); !close.empty()) {
          error.hint = "did you mean " + in_quotes(close) + "? (field names are case-sensitive)";
        }
      }
      return error;
    }
    return bound_field(module_->fields[static_cast<std::size_t>(index)], index, name.span);
  }

  static BoundField bound_field(const FieldDef& field, int index, Span span) {
    ValueClass cls = field.is_id() ? ValueClass::kEntityId : value_class(field.type);
    // File and image fields hold file names, which the original compares as text.
    if (cls == ValueClass::kNone) cls = ValueClass::kText;
    return BoundField{&field, index, cls, span};
  }

  Result<Ok> bind_select(BoundQuery& out) {
    const auto& items = out.syntax.select;
    if (std::holds_alternative<ast::CountStar>(items.front())) {
      out.count_only = true;
      for (std::size_t i = 1; i < items.size(); ++i) {
        const ast::Identifier& name = std::get<ast::FieldItem>(items[i]).field;
        std::string message = in_quotes(name.name) + " after COUNT(*) is ignored";
        if (module_->field_index(name.name) < 0) message += " (and " + module_->name + " has no such field)";
        warn(name.span, std::move(message));
      }
      return Ok{};
    }
    if (std::holds_alternative<ast::Star>(items.front())) {
      out.select_star = true;
      out.columns = module_->star_fields();
      return Ok{};
    }
    out.columns.reserve(items.size() + 1);
    bool has_id = false;
    for (const ast::SelectItem& item : items) {
      auto field = resolve(std::get<ast::FieldItem>(item).field, "select");
      if (!field) return std::move(field).error();
      if (std::find(out.columns.begin(), out.columns.end(), field->index) != out.columns.end()) {
        warn(field->span, in_quotes(field->field->name) + " is listed more than once; it appears once in the result");
        continue;
      }
      has_id = has_id || field->field->is_id();
      out.columns.push_back(field->index);
    }
    if (!has_id) {
      const int id = module_->field_index("id");
      if (id < 0) return Error::internal("module " + module_->name + " has no id field");
      out.columns.push_back(id);
    }
    return Ok{};
  }

  Result<BoundExpr> bind_expr(const ast::Expr& expr) {
    return std::visit([&](const auto& node) { return bind_node(node); }, expr);
  }

  Result<BoundExpr> bind_node(const ast::Logical& node) {
    BoundLogical out{node.op, {}, node.span};
    out.operands.reserve(node.operands.size());
    for (const ast::Expr& operand : node.operands) {
      auto bound = bind_expr(operand);
      if (!bound) return std::move(bound).error();
      out.operands.push_back(std::move(*bound));
    }
    return BoundExpr{std::move(out)};
  }

  Result<BoundExpr> bind_node(const ast::Comparison& node) {
    auto field = resolve(node.field, "compare");
    if (!field) return std::move(field).error();
    if (node.op == ast::CompareOp::kLike) {
      auto pattern = like_pattern(*field, node.value);
      if (!pattern) return std::move(pattern).error();
      return BoundExpr{BoundLike{*field, std::move(*pattern), node.span}};
    }
    int beyond = 0;
    auto value = bind_value(*field, node.value, &beyond);
    if (!value) return std::move(value).error();
    ast::CompareOp op = node.op;
    if (beyond != 0) {
      // The literal lies between `value` and the next (or previous) value the field can hold: see
      // Conversion::beyond.
      switch (op) {
        case ast::CompareOp::kEq:
          *value = types::Null{};
          break;                   // matches nothing
        case ast::CompareOp::kNe:  // every non-null value: at least the smallest one
          op = ast::CompareOp::kGe;
          *value = smallest_value(field->value_class);
          break;
        case ast::CompareOp::kLt:
          op = beyond > 0 ? ast::CompareOp::kLe : op;
          break;
        case ast::CompareOp::kLe:
          op = beyond < 0 ? ast::CompareOp::kLt : op;
          break;
        case ast::CompareOp::kGt:
          op = beyond < 0 ? ast::CompareOp::kGe : op;
          break;
        case ast::CompareOp::kGe:
          op = beyond > 0 ? ast::CompareOp::kGt : op;
          break;
        default:
          break;
      }
    }
    return BoundExpr{BoundComparison{*field, op, std::move(*value), node.span}};
  }

  // The value of a date, datetime or time field that every other sorts after.
  static types::Value smallest_value(ValueClass value_class) {
    if (value_class == ValueClass::kDate) return types::Date{};          // the zero date
    if (value_class == ValueClass::kDateTime) return types::DateTime{};  // the zero datetime
    return types::Time{std::numeric_limits<std::int32_t>::min()};
  }

  Result<BoundExpr> bind_node(const ast::InList& node) {
    auto field = resolve(node.field, "compare");
    if (!field) return std::move(field).error();
    BoundIn out{*field, {}, node.span};
    out.values.reserve(node.values.size());
    for (const ast::Literal& literal : node.values) {
      int beyond = 0;
      auto value = bind_value(*field, literal, &beyond);
      if (!value) return std::move(value).error();
      if (beyond != 0) *value = types::Null{};  // equals no value the field can hold
      out.values.push_back(std::move(*value));
    }
    return BoundExpr{std::move(out)};
  }

  // The literal as a value of the field's class; `beyond` as Conversion::beyond.
  Result<types::Value> bind_value(const BoundField& field, const ast::Literal& literal, int* beyond) {
    if (field.value_class == ValueClass::kEntityId) return entity_id(field, literal);
    types::Conversion conversion = types::convert_literal(field.value_class, literal);
    if (!conversion.warning.empty()) warn(literal.span, std::move(conversion.warning));
    *beyond = conversion.beyond;
    return std::move(conversion.value);
  }

  // <prefix>x<number>, quoted or not. The original ignores the prefix; so does the vtiger dialect, with a
  // warning when the prefix names no module the field may hold.
  Result<types::Value> entity_id(const BoundField& field, const ast::Literal& literal) {
    const std::string_view text = literal.value;
    const std::size_t x = text.find('x');
    const std::string_view prefix = x == std::string_view::npos ? std::string_view{} : text.substr(0, x);
    const std::string_view number = x == std::string_view::npos ? std::string_view{} : text.substr(x + 1);
    const auto targets = catalog::id_targets(schema_, *module_, *field.field);
    types::EntityId id;
    const bool number_ok =
        is_digits(number) && std::from_chars(number.data(), number.data() + number.size(), id.number).ec == std::errc{};
    const bool prefix_ok = prefix.empty() || (is_digits(prefix) && prefix.size() <= 9);
    if (literal.kind == ast::LiteralKind::kBoolean || x == std::string_view::npos || !number_ok || !prefix_ok) {
      return Error::invalid_id(
          in_quotes(literal.kind == ast::LiteralKind::kString ? text : span_text(literal.span)) +
              " is not an entity id, which " + field.field->name + " needs",
          literal.span,
          targets.empty() ? "write an id as <prefix>x<number>"
                          : "write an id as <prefix>x<number>, for example " + targets.front()->id_prefix + "x5");
    }
    if (!prefix.empty()) std::from_chars(prefix.data(), prefix.data() + prefix.size(), id.prefix);
    check_prefix(field, literal.span, prefix, targets);
    return types::Value{id};
  }

  void check_prefix(const BoundField& field, Span span, std::string_view prefix,
                    const std::vector<const ModuleDef*>& targets) {
    if (targets.empty()) return;
    for (const ModuleDef* target : targets) {
      if (target->id_prefix == prefix) return;
    }
    warn(span,
         (prefix.empty() ? std::string("the id has no module prefix")
                         : "prefix " + std::string(prefix) + " names no module that " + field.field->name + " holds") +
             " (expected " + describe_targets(targets) + "); only the record number is compared");
  }

  // LIKE compares text; on entity ids the original matches the part of the pattern after its first `x`
  // against the record number.
  Result<std::string> like_pattern(const BoundField& field, const ast::Literal& literal) {
    if (field.value_class != ValueClass::kEntityId) return literal.value;
    const std::string_view text = literal.value;
    const std::size_t x = text.find('x');
    if (x == std::string_view::npos || literal.kind == ast::LiteralKind::kBoolean) {
      return Error::invalid_id(in_quotes(text) + " is not an entity id pattern, which " + field.field->name + " needs",
                               literal.span, "write <prefix>x<pattern>, for example '" + module_->id_prefix + "x1%'");
    }
    const std::string_view prefix = text.substr(0, x);
    if (prefix.find_first_of("%_") == std::string_view::npos) {
      check_prefix(field, literal.span, prefix, catalog::id_targets(schema_, *module_, *field.field));
    }
    return std::string(text.substr(x + 1));
  }

  void bind_limit(BoundQuery& out) {
    const std::uint64_t cap = options_.max_rows;
    if (!out.syntax.limit) {
      out.count = cap == 0 ? std::nullopt : std::optional<std::uint64_t>(cap);
      return;
    }
    const ast::Limit& limit = *out.syntax.limit;
    out.offset = limit.offset.value_or(0);
    out.count = limit.count;
    if (cap != 0 && limit.count > cap) {
      out.count = cap;
      // The count as written: a huge one was saturated when it was read.
      const std::string_view written = span_text(limit.span);
      const std::size_t digits = written.find_last_not_of("0123456789");
      warn(limit.span, "LIMIT asks for " + std::string(written.substr(digits + 1)) + " rows; at most " +
                           std::to_string(cap) + " are returned (the max_rows setting)");
    }
  }

  std::string_view span_text(Span span) const { return text_.substr(span.offset, span.length); }

  // Keeps the first max_warnings warnings and counts the rest, so that a query of a thousand doubtful values costs
  // no more to report than one of a hundred.
  void warn(Span span, std::string message) {
    if (warnings_->size() < options_.max_warnings) {
      warnings_->push_back({std::move(message), span});
    } else {
      ++suppressed_;
    }
  }

  std::string_view text_;
  const Schema& schema_;
  const BindOptions& options_;
  const ModuleDef* module_ = nullptr;
  std::vector<Warning>* warnings_ = nullptr;
  std::uint64_t suppressed_ = 0;  // warnings past max_warnings
};

}  // namespace

Error unknown_module_error(const Schema& schema, const ast::Identifier& module) {
  std::vector<std::string_view> names;
  names.reserve(schema.modules().size());
  for (const ModuleDef& m : schema.modules()) names.push_back(m.name);
  Error error = Error::access_denied("unknown module " + in_quotes(module.name), module.span);
  if (const std::string close = closest_name(module.name, names); !close.empty()) {
    error.hint = "did you mean " + in_quotes(close) + "? (module names are case-sensitive)";
  }
  return error;
}

Status bind(BoundQuery& query, const BindOptions& options) {
  Binder binder(query.text, *query.schema, options);
  return binder.bind(query);
}

std::shared_ptr<BoundQuery> all_records(std::shared_ptr<const Schema> schema, const ModuleDef& module,
                                        std::vector<int> columns, std::optional<std::uint64_t> count) {
  auto query = std::make_shared<BoundQuery>();
  query->text = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    query->text += (i > 0 ? ", " : "") + module.fields[static_cast<std::size_t>(columns[i])].name;
  }
  query->text += " FROM " + module.name;
  if (count) query->text += " LIMIT " + std::to_string(*count);
  query->text += ";";
  query->count = count;
  query->schema = std::move(schema);
  query->module = &module;
  query->columns = std::move(columns);
  return query;
}

}  // namespace vtql::binder
