// Planning: what a backend's capabilities let it do, and the operators above the scan for the rest.
#include "engine/planner/plan.hpp"

#include <algorithm>

#include "engine/types/value_ops.hpp"

namespace vtql::planner {
namespace {

std::string field_name(const binder::BoundField& field) { return field.field->name; }

std::string literal_text(const types::Value& value, const FieldDef& field) {
  if (std::holds_alternative<types::Null>(value)) return "NULL";
  const auto text = types::to_webservice_string(value, field);
  if (std::holds_alternative<std::string>(value)) return "'" + text.value_or("") + "'";
  return text.value_or("NULL");
}

std::string order_text(const std::vector<binder::BoundOrder>& order) {
  std::string out;
  for (const binder::BoundOrder& o : order) {
    out += field_name(o.field) + (o.direction == ast::Direction::kAsc ? " ASC" : " DESC") + ", ";
  }
  return out + "id ASC";
}

std::string columns_text(const binder::BoundQuery& q, const std::vector<int>& columns) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += q.module->fields[static_cast<std::size_t>(columns[i])].name;
  }
  return out;
}

}  // namespace

std::string describe(const binder::BoundExpr& expr) {
  return std::visit(
      [](const auto& node) -> std::string {
        using N = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<N, binder::BoundComparison>) {
          return field_name(node.field) + " " + std::string(ast::to_string(node.op)) + " " +
                 literal_text(node.value, *node.field.field);
        } else if constexpr (std::is_same_v<N, binder::BoundLike>) {
          return field_name(node.field) + " LIKE '" + node.pattern + "'";
        } else if constexpr (std::is_same_v<N, binder::BoundIn>) {
          std::string out = field_name(node.field) + " IN (";
          for (std::size_t i = 0; i < node.values.size(); ++i) {
            if (i > 0) out += ", ";
            out += literal_text(node.values[i], *node.field.field);
          }
          return out + ")";
        } else {
          std::string out;
          for (std::size_t i = 0; i < node.operands.size(); ++i) {
            if (i > 0) out += node.op == ast::LogicalOp::kAnd ? " AND " : " OR ";
            const bool nested = std::holds_alternative<binder::BoundLogical>(node.operands[i]);
            out += nested ? "(" + describe(node.operands[i]) + ")" : describe(node.operands[i]);
          }
          return out;
        }
      },
      expr);
}

Plan make_plan(const binder::BoundQuery& query, const storage::Capabilities& capabilities, std::string backend_name) {
  Plan plan;
  plan.query = &query;
  plan.backend_name = std::move(backend_name);
  plan.scan.module = query.module;
  plan.scan.compiled = std::make_shared<storage::CompiledScanSlot>();
  const binder::BoundExpr* where = query.where ? &*query.where : nullptr;

  if (query.count_only) {
    // COUNT(*) counts every matching record; LIMIT applies to its one result row, which the executor handles.
    if (capabilities.count && (where == nullptr || capabilities.filter)) {
      plan.count_in_backend = true;
      plan.scan.filter = where;
      return plan;
    }
    if (where == nullptr || capabilities.filter) {
      plan.scan.filter = where;
      plan.scan.columns = {query.module->field_index("id")};
    } else {
      plan.filter = where;
      for (std::size_t i = 0; i < query.module->fields.size(); ++i) plan.scan.columns.push_back(static_cast<int>(i));
    }
    return plan;
  }

  // Whatever the engine evaluates itself needs the whole record; what the backend evaluates needs only the output.
  const bool push_filter = where == nullptr || capabilities.filter;
  const bool push_order = push_filter && capabilities.order;
  const bool push_limit = push_order && capabilities.limit;
  if (push_filter) plan.scan.filter = where;
  if (!push_filter) plan.filter = where;
  if (push_order) {
    plan.scan.order = query.order_by;
  } else {
    plan.sort = query.order_by;
    plan.sort_by_id = query.order_by.empty();
  }
  if (push_limit) {
    plan.scan.offset = query.offset;
    plan.scan.limit = query.count;
  } else {
    plan.offset = query.offset;
    plan.limit = query.count;
  }
  if (push_filter && push_order) {
    plan.scan.resolve_references =
        capabilities.references && std::any_of(query.columns.begin(), query.columns.end(), [&](int c) {
          return query.module->fields[static_cast<std::size_t>(c)].type == FieldType::kReference;
        });
    plan.scan.columns = query.columns;
    for (std::size_t i = 0; i < query.columns.size(); ++i) plan.project.push_back(static_cast<int>(i));
  } else {
    for (std::size_t i = 0; i < query.module->fields.size(); ++i) plan.scan.columns.push_back(static_cast<int>(i));
    plan.project = query.columns;
  }
  std::vector<std::uint8_t> seen(plan.scan.columns.size(), 0);
  plan.last_use.assign(plan.project.size(), 0);
  for (std::size_t i = plan.project.size(); i-- > 0;) {
    auto& used = seen[static_cast<std::size_t>(plan.project[i])];
    plan.last_use[i] = used == 0 ? 1 : 0;
    used = 1;
  }
  for (const int c : query.columns) {
    plan.output_fields.push_back(&query.module->fields[static_cast<std::size_t>(c)]);
    plan.column_names.push_back(query.module->fields[static_cast<std::size_t>(c)].name);
  }
  return plan;
}

std::string explain(const Plan& plan) {
  const binder::BoundQuery& q = *plan.query;
  std::vector<std::string> lines;
  if (plan.count_in_backend) {
    std::string scan = "Count " + q.module->name + " (" + plan.backend_name + ")";
    if (plan.scan.filter != nullptr) scan += " filter: " + describe(*plan.scan.filter);
    return scan + "\n";
  }
  if (q.count_only) {
    lines.push_back("Count");
  } else {
    lines.push_back("Project " + columns_text(q, q.columns));
  }
  if (plan.limit || plan.offset > 0) {
    lines.push_back("Limit offset " + std::to_string(plan.offset) +
                    (plan.limit ? " count " + std::to_string(*plan.limit) : std::string(" no count")));
  }
  if (!plan.sort.empty() || plan.sort_by_id) {
    std::string sort = "Sort " + order_text(plan.sort);
    if (plan.limit) sort += " (top " + std::to_string(plan.offset + *plan.limit) + ")";
    lines.push_back(sort);
  }
  if (plan.filter != nullptr) lines.push_back("Filter " + describe(*plan.filter));
  std::string scan = "Scan " + q.module->name + " (" + plan.backend_name + ")";
  if (plan.scan.filter != nullptr) scan += " filter: " + describe(*plan.scan.filter) + ";";
  // Rows come in id order unless the engine sorts them; a count needs no order.
  if (!q.count_only && (!plan.scan.order.empty() || (plan.sort.empty() && !plan.sort_by_id))) {
    scan += " order: " + order_text(plan.scan.order) + ";";
  }
  if (plan.scan.limit) {
    scan += " offset " + std::to_string(plan.scan.offset) + " limit " + std::to_string(*plan.scan.limit) + ";";
  }
  scan += plan.scan.columns.size() == q.module->fields.size() ? " all fields"
                                                              : " fields: " + columns_text(q, plan.scan.columns);
  if (plan.scan.resolve_references) scan += "; references resolved";
  lines.push_back(scan);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += std::string(2 * i, ' ') + lines[i] + "\n";
  return out;
}

}  // namespace vtql::planner
