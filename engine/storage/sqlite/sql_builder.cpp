// Writes the WHERE, ORDER BY and LIMIT of a scan spec as SQL text with parameters, never with values in the text.
#include "engine/storage/sqlite/sql_builder.hpp"

#include <limits>

#include "engine/storage/sqlite/connection.hpp"

namespace vtql::storage::sqlite {
namespace {

// IN lists up to this long are written as `col IN (?, ...)`, which SQLite runs natively (and on an index);
// longer ones are a binary search in vtql_in.
constexpr std::size_t kInlineInValues = 1000;

ValueClass class_of(const FieldDef& field) noexcept {
  return field.is_id() ? ValueClass::kEntityId : value_class(field.type);
}

// The literal as a value SQLite compares with the stored column exactly as types::compare() would, or nullopt
// when only vtql_match can compare them.
std::optional<SqlValue> native_literal(const types::Value& literal, const FieldDef& field) {
  switch (class_of(field)) {
    case ValueClass::kText:
      if (const auto* s = std::get_if<std::string>(&literal)) return SqlValue(*s);
      return std::nullopt;
    case ValueClass::kInteger:
      if (const auto* i = std::get_if<std::int64_t>(&literal)) return SqlValue(*i);
      return std::nullopt;
    case ValueClass::kDouble:
      if (const auto* d = std::get_if<double>(&literal)) return SqlValue(*d);
      if (const auto* i = std::get_if<std::int64_t>(&literal)) return SqlValue(static_cast<double>(*i));
      if (const auto* d = std::get_if<types::Decimal>(&literal)) return SqlValue(d->to_double());
      return std::nullopt;
    case ValueClass::kDecimal:
      if (const auto* d = std::get_if<types::Decimal>(&literal)) return SqlValue(Blob{encode_decimal_key(*d)});
      if (const auto* i = std::get_if<std::int64_t>(&literal)) {
        return SqlValue(Blob{encode_decimal_key(types::Decimal::from_int(*i))});
      }
      return std::nullopt;
    case ValueClass::kBoolean:
    case ValueClass::kDate:
    case ValueClass::kDateTime:
    case ValueClass::kTime:
    case ValueClass::kEntityId: {
      const bool same = std::visit(
          [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            switch (class_of(field)) {
              case ValueClass::kBoolean:
                return std::is_same_v<V, bool>;
              case ValueClass::kDate:
                return std::is_same_v<V, types::Date>;
              case ValueClass::kDateTime:
                return std::is_same_v<V, types::DateTime>;
              case ValueClass::kTime:
                return std::is_same_v<V, types::Time>;
              default:
                return std::is_same_v<V, types::EntityId>;
            }
          },
          literal);
      if (!same) return std::nullopt;
      // A record number past the largest INTEGER would be stored negative and compare below every record.
      if (const auto* id = std::get_if<types::EntityId>(&literal);
          id != nullptr && id->number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return std::nullopt;
      }
      return encode(literal, field);
    }
    case ValueClass::kNone:
      return std::nullopt;
  }
  return std::nullopt;
}

const char* sql_operator(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::kEq:
      return " = ";
    case ast::CompareOp::kNe:
      return " <> ";
    case ast::CompareOp::kLt:
      return " < ";
    case ast::CompareOp::kLe:
      return " <= ";
    case ast::CompareOp::kGt:
      return " > ";
    case ast::CompareOp::kGe:
      return " >= ";
    case ast::CompareOp::kLike:
      return " = ";  // never bound as a comparison: LIKE is a BoundLike
  }
  return " = ";
}

class ConditionWriter {
 public:
  ConditionWriter(const TableLayout& layout, SqlQuery& query, bool inline_in)
      : layout_(layout), query_(query), inline_in_(inline_in) {}

  void write(const binder::BoundExpr& expr) {
    std::visit([&](const auto& node) { write_node(node); }, expr);
  }

 private:
  const std::string& column(const binder::BoundField& field) const {
    return layout_.columns[static_cast<std::size_t>(field.index)];
  }

  void parameter(Parameter p) {
    query_.sql += '?';
    query_.parameters.push_back(std::move(p));
  }

  void write_node(const binder::BoundComparison& node) {
    if (std::holds_alternative<types::Null>(node.value)) {
      query_.sql += '0';  // a literal that can never match
      return;
    }
    if (auto literal = native_literal(node.value, *node.field.field)) {
      query_.sql += column(node.field);
      query_.sql += sql_operator(node.op);
      parameter(std::move(*literal));
      return;
    }
    query_.sql += "vtql_match(" + column(node.field) + ", ";
    parameter(PointerArgument{&node, kComparisonPointer});
    query_.sql += ')';
  }

  void write_node(const binder::BoundLike& node) {
    query_.sql += "vtql_like(" + column(node.field) + ", ";
    parameter(SqlValue(node.pattern));
    query_.sql += ", ";
    parameter(PointerArgument{node.field.field, kFieldPointer});
    query_.sql += ')';
  }

  void write_node(const binder::BoundIn& node) {
    std::vector<SqlValue> literals;
    bool native = inline_in_ && node.values.size() <= kInlineInValues;
    for (const types::Value& v : node.values) {
      if (!native) break;
      if (std::holds_alternative<types::Null>(v)) continue;  // never equal to anything
      auto literal = native_literal(v, *node.field.field);
      if (!literal)
        native = false;
      else
        literals.push_back(std::move(*literal));
    }
    if (native && literals.empty()) {
      query_.sql += '0';
      return;
    }
    if (native) {
      query_.sql += column(node.field) + " IN (";
      for (std::size_t i = 0; i < literals.size(); ++i) {
        if (i > 0) query_.sql += ", ";
        parameter(std::move(literals[i]));
      }
      query_.sql += ')';
      return;
    }
    query_.sets.push_back(std::make_unique<InSet>(node));
    query_.sql += "vtql_in(" + column(node.field) + ", ";
    parameter(PointerArgument{query_.sets.back().get(), kInSetPointer});
    query_.sql += ')';
  }

  // AND and OR as a balanced tree, so that thousands of operands stay far below SQLite's expression depth limit.
  void write_node(const binder::BoundLogical& node) { write_operands(node, 0, node.operands.size()); }

  void write_operands(const binder::BoundLogical& node, std::size_t begin, std::size_t end) {
    if (end - begin == 1) {
      write(node.operands[begin]);
      return;
    }
    const std::size_t middle = begin + (end - begin) / 2;
    query_.sql += '(';
    write_operands(node, begin, middle);
    query_.sql += node.op == ast::LogicalOp::kAnd ? " AND " : " OR ";
    write_operands(node, middle, end);
    query_.sql += ')';
  }

  const TableLayout& layout_;
  SqlQuery& query_;
  bool inline_in_;
};

std::size_t inline_parameters(const binder::BoundExpr& expr) {
  return std::visit(
      [](const auto& node) -> std::size_t {
        using N = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<N, binder::BoundLogical>) {
          std::size_t n = 0;
          for (const auto& operand : node.operands) n += inline_parameters(operand);
          return n;
        } else if constexpr (std::is_same_v<N, binder::BoundIn>) {
          return node.values.size() <= kInlineInValues ? node.values.size() : 1;
        } else if constexpr (std::is_same_v<N, binder::BoundLike>) {
          return 2;
        } else {
          return 1;
        }
      },
      expr);
}

Status write_where(const TableLayout& layout, const ScanSpec& spec, int max_parameters, SqlQuery& query) {
  query.sql += " WHERE ";
  query.sql += kStateColumn;
  query.sql += " = 0";
  if (spec.filter == nullptr) return Ok{};
  const std::size_t budget = max_parameters > 8 ? static_cast<std::size_t>(max_parameters) - 8 : 0;
  const bool inline_in = inline_parameters(*spec.filter) <= budget;
  query.sql += " AND ";
  ConditionWriter(layout, query, inline_in).write(*spec.filter);
  if (query.parameters.size() > budget) {
    return Error::database("the condition needs " + std::to_string(query.parameters.size()) +
                               " parameters, more than SQLite takes in one statement (" + std::to_string(budget) + ")",
                           {}, "use fewer predicates");
  }
  return Ok{};
}

// The prefix of the first module `field` refers to that holds the referenced record live, as the executor's
// probing would find it, or 0: CASE WHEN EXISTS (...) THEN 11 WHEN ... ELSE 0 END. The prefixes come from the
// schema, never from a query.
void write_resolution(const TableLayout& layout, const FieldDef& field, const std::string& column, const Schema& schema,
                      std::string& sql) {
  std::string cases;
  for (const std::string& name : field.refers_to) {
    const ModuleDef* target = schema.find_module(name);
    if (target == nullptr) continue;
    cases += " WHEN EXISTS (SELECT 1 FROM " + quote_identifier(target->name) +
             " AS r WHERE r.\"id\" = " + layout.table + "." + column + " AND r." + kStateColumn + " = 0) THEN " +
             std::to_string(std::strtoul(target->id_prefix.c_str(), nullptr, 10));
  }
  sql += cases.empty() ? std::string("0") : "CASE" + cases + " ELSE 0 END";
}

std::int64_t clamp(std::uint64_t n) {
  return n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
             ? std::numeric_limits<std::int64_t>::max()
             : static_cast<std::int64_t>(n);
}

}  // namespace

TableLayout::TableLayout(const ModuleDef& m) : module(&m), table(quote_identifier(m.name)) {
  id_prefix = static_cast<std::uint32_t>(std::strtoul(m.id_prefix.c_str(), nullptr, 10));
  for (const FieldDef& field : m.fields) {
    columns.push_back(quote_identifier(field.name));
    prefix_columns.push_back(has_prefix_column(field) ? quote_identifier(field.name + "#prefix") : std::string());
  }
  for (std::size_t i = 0; i < m.fields.size(); ++i) {
    insert_columns.push_back({m.fields[i].is_id(), stores_null_as_zero(m.fields[i]), !prefix_columns[i].empty()});
  }
}

std::string TableLayout::insert_sql_for(const std::string& given) const {
  std::string sql = "INSERT INTO " + table + " (\"id\"";
  std::string values = "?";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (insert_columns[i].skip || i >= given.size() || given[i] != '1') continue;
    sql += ", " + columns[i];
    values += ", ?";
    if (insert_columns[i].prefixed) {
      sql += ", " + prefix_columns[i];
      values += ", ?";
    }
  }
  return sql + ") VALUES (" + values + ")";
}

int SqlQuery::bind(sqlite3_stmt* stmt) const {
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const int rc = std::visit(
        [&](const auto& p) -> int {
          using P = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<P, PointerArgument>) {
            return sqlite3_bind_pointer(stmt, index, const_cast<void*>(p.pointer), p.type, nullptr);
          } else {
            return sqlite::bind(stmt, index, p);
          }
        },
        parameters[i]);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

Result<SqlQuery> build_select(const TableLayout& layout, const ScanSpec& spec, int max_parameters,
                              const Schema& schema) {
  SqlQuery query;
  query.sql = "SELECT ";
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const auto c = static_cast<std::size_t>(spec.columns[i]);
    const FieldDef& field = layout.module->fields[c];
    if (i > 0) query.sql += ", ";
    query.sql += layout.columns[c];
    const bool resolve = spec.resolve_references && field.type == FieldType::kReference;
    query.prefixed.push_back(resolve || !layout.prefix_columns[c].empty() ? 1 : 0);
    query.resolved.push_back(resolve ? 1 : 0);
    if (resolve) {
      query.sql += ", ";
      write_resolution(layout, field, layout.columns[c], schema, query.sql);
    } else if (!layout.prefix_columns[c].empty()) {
      query.sql += ", ";
      query.sql += layout.prefix_columns[c];
    }
  }
  if (spec.columns.empty()) query.sql += "1";
  query.sql += " FROM ";
  query.sql += layout.table;
  if (auto status = write_where(layout, spec, max_parameters, query); !status) return std::move(status).error();
  query.sql += " ORDER BY ";
  for (const binder::BoundOrder& o : spec.order) {
    query.sql += layout.columns[static_cast<std::size_t>(o.field.index)];
    query.sql += o.direction == ast::Direction::kAsc ? " ASC, " : " DESC, ";
  }
  query.sql += "\"id\" ASC";
  if (spec.limit || spec.offset > 0) {
    query.sql += " LIMIT ";
    if (spec.limit) {
      query.sql += '?';
      query.parameters.emplace_back(std::in_place_type<SqlValue>, std::in_place_type<std::int64_t>, clamp(*spec.limit));
    } else {
      query.sql += "-1";
    }
    query.sql += " OFFSET ?";
    query.parameters.emplace_back(std::in_place_type<SqlValue>, std::in_place_type<std::int64_t>, clamp(spec.offset));
  }
  return query;
}

Result<SqlQuery> build_count(const TableLayout& layout, const ScanSpec& spec, int max_parameters) {
  SqlQuery query;
  query.sql = "SELECT count(*) FROM " + layout.table;
  if (auto status = write_where(layout, spec, max_parameters, query); !status) return std::move(status).error();
  return query;
}

}  // namespace vtql::storage::sqlite
