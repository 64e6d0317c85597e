// Operators above the scan (filter, sort with top-k, limit, project, count) and the webservice's string forms.
#include "engine/executor/executor.hpp"

#include <algorithm>

#include "engine/types/collation.hpp"
#include "engine/types/value_ops.hpp"

namespace vtql::executor {
namespace {

// An empty reference or owner is the number 0 in the original's tables, and compares as such.
const types::Value& comparable(const types::Value& value, const binder::BoundField& field) {
  static const types::Value kZero = types::EntityId{0, 0};
  if (std::holds_alternative<types::Null>(value) &&
      (field.field->type == FieldType::kReference || field.field->type == FieldType::kOwner)) {
    return kZero;
  }
  return value;
}

// One output value: text moves out of the row once no other output column needs it.
std::optional<std::string> output_value(types::Value& value, const FieldDef& field, const Schema& schema,
                                        const storage::Backend& backend, bool resolved, bool last_use) {
  if (auto* text = std::get_if<std::string>(&value); text != nullptr && last_use) return std::move(*text);
  return output_string(value, field, schema, backend, resolved);
}

// One output value as a view: text straight from the row, anything else written over `scratch`.
std::optional<std::string_view> output_view(const types::Value& value, const FieldDef& field, const Schema& schema,
                                            const storage::Backend& backend, bool resolved, std::string& scratch) {
  if (field.type != FieldType::kReference) {
    if (const auto* text = std::get_if<std::string>(&value)) return std::string_view(*text);
    if (!types::write_webservice_string(value, field, scratch)) return std::nullopt;
    return std::string_view(scratch);
  }
  auto text = output_string(value, field, schema, backend, resolved);
  if (!text) return std::nullopt;
  scratch = std::move(*text);
  return std::string_view(scratch);
}

// Rows the engine's operators take between two looks at the clock.
constexpr std::uint64_t kDeadlineEvery = 4096;

}  // namespace

std::optional<std::string> output_string(const types::Value& value, const FieldDef& field, const Schema& schema,
                                         const storage::Backend& backend, bool resolved) {
  if (field.type != FieldType::kReference) return types::to_webservice_string(value, field);
  const auto* id = std::get_if<types::EntityId>(&value);
  if (id == nullptr || id->number == 0) return std::nullopt;
  if (resolved) return types::to_webservice_string(value, field);
  for (const std::string& name : field.refers_to) {
    const ModuleDef* target = schema.find_module(name);
    if (target != nullptr && backend.exists(*target, id->number)) {
      return target->id_prefix + "x" + std::to_string(id->number);
    }
  }
  return std::nullopt;
}

bool evaluate(const binder::BoundExpr& expr, const storage::Row& record) {
  return std::visit(
      [&](const auto& node) -> bool {
        using N = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<N, binder::BoundComparison>) {
          const auto& v = record[static_cast<std::size_t>(node.field.index)];
          return types::satisfies(comparable(v, node.field), node.op, node.value);
        } else if constexpr (std::is_same_v<N, binder::BoundLike>) {
          const auto text = types::like_text(record[static_cast<std::size_t>(node.field.index)], *node.field.field);
          return text && types::collation::like(*text, node.pattern);
        } else if constexpr (std::is_same_v<N, binder::BoundIn>) {
          const auto& v = comparable(record[static_cast<std::size_t>(node.field.index)], node.field);
          return std::any_of(node.values.begin(), node.values.end(),
                             [&](const types::Value& c) { return types::satisfies(v, ast::CompareOp::kEq, c); });
        } else {
          if (node.op == ast::LogicalOp::kAnd) {
            return std::all_of(node.operands.begin(), node.operands.end(),
                               [&](const binder::BoundExpr& e) { return evaluate(e, record); });
          }
          return std::any_of(node.operands.begin(), node.operands.end(),
                             [&](const binder::BoundExpr& e) { return evaluate(e, record); });
        }
      },
      expr);
}

Result<ResultSet> execute(const planner::Plan& plan, const storage::Backend& backend) {
  const binder::BoundQuery& q = *plan.query;
  ResultSet result;

  if (q.count_only) {
    std::uint64_t n = 0;
    if (plan.count_in_backend) {
      auto counted = backend.count(plan.scan);
      if (!counted) return std::move(counted).error();
      n = *counted;
    } else {
      auto cursor = backend.scan(plan.scan);
      if (!cursor) return std::move(cursor).error();
      storage::Row row;
      for (std::uint64_t scanned = 1; (*cursor)->next(row); ++scanned) {
        if (plan.filter == nullptr || evaluate(*plan.filter, row)) ++n;
        if (scanned % kDeadlineEvery == 0 && storage::QueryDeadline::passed()) return storage::deadline_error();
      }
      if (auto status = (*cursor)->status(); !status) return std::move(status).error();
    }
    result.columns = {"count"};
    // LIMIT applies to COUNT(*)'s one row, as in MySQL: LIMIT 0 or an offset leaves none.
    if (q.offset == 0 && (!q.count || *q.count > 0)) result.rows.push_back({std::to_string(n)});
    return result;
  }

  result.columns = plan.column_names;
  const auto project = [&](storage::Row& row) {
    std::vector<std::optional<std::string>> out;
    out.reserve(plan.project.size());
    for (std::size_t i = 0; i < plan.project.size(); ++i) {
      out.push_back(output_value(row[static_cast<std::size_t>(plan.project[i])], *plan.output_fields[i], *q.schema,
                                 backend, plan.scan.resolve_references, plan.last_use[i] != 0));
    }
    result.rows.push_back(std::move(out));
  };

  auto cursor = backend.scan(plan.scan);
  if (!cursor) return std::move(cursor).error();
  storage::Row row;
  if (plan.filter == nullptr && plan.sort.empty() && !plan.sort_by_id) {
    // The backend did the filtering and ordering: rows go straight to the output, past the engine's offset.
    if (const auto& most = plan.limit ? plan.limit : plan.scan.limit) {
      result.rows.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(*most, 4096)));
    }
    std::uint64_t skipped = 0;
    for (std::uint64_t scanned = 1; !plan.limit || result.rows.size() < *plan.limit; ++scanned) {
      if (!(*cursor)->next(row)) break;
      if (skipped < plan.offset) {
        ++skipped;
      } else {
        project(row);
      }
      if (scanned % kDeadlineEvery == 0 && storage::QueryDeadline::passed()) return storage::deadline_error();
    }
    if (auto status = (*cursor)->status(); !status) return std::move(status).error();
    return result;
  }

  std::vector<storage::Row> rows;
  for (std::uint64_t scanned = 1; (*cursor)->next(row); ++scanned) {
    if (plan.filter == nullptr || evaluate(*plan.filter, row)) rows.push_back(std::move(row));
    if (scanned % kDeadlineEvery == 0 && storage::QueryDeadline::passed()) return storage::deadline_error();
  }
  if (auto status = (*cursor)->status(); !status) return std::move(status).error();

  if (!plan.sort.empty() || plan.sort_by_id) {
    // Scan rows hold every field here, so a field's index is its position in the row.
    const auto id = static_cast<std::size_t>(q.module->field_index("id"));
    const auto before = [&](const storage::Row& a, const storage::Row& b) {
      for (const binder::BoundOrder& o : plan.sort) {
        const auto i = static_cast<std::size_t>(o.field.index);
        const int c = types::compare_for_order(a[i], b[i]);
        if (c != 0) return o.direction == ast::Direction::kAsc ? c < 0 : c > 0;
      }
      return types::compare_for_order(a[id], b[id]) < 0;
    };
    const std::uint64_t wanted = plan.limit ? plan.offset + *plan.limit : rows.size();
    if (wanted < rows.size()) {
      const auto keep = static_cast<std::ptrdiff_t>(wanted);
      std::partial_sort(rows.begin(), rows.begin() + keep, rows.end(), before);
      rows.resize(static_cast<std::size_t>(keep));
    } else {
      std::sort(rows.begin(), rows.end(), before);
    }
  }

  const std::size_t begin = static_cast<std::size_t>(std::min<std::uint64_t>(plan.offset, rows.size()));
  std::size_t end = rows.size();
  if (plan.limit) end = static_cast<std::size_t>(std::min<std::uint64_t>(end, begin + *plan.limit));
  result.rows.reserve(end - begin);
  for (std::size_t r = begin; r < end; ++r) project(rows[r]);
  return result;
}

Status stream(const planner::Plan& plan, const storage::Backend& backend, RowSink& sink) {
  const binder::BoundQuery& q = *plan.query;
  if (q.count_only || plan.filter != nullptr || !plan.sort.empty() || plan.sort_by_id) {
    auto result = execute(plan, backend);
    if (!result) return std::move(result).error();
    sink.begin(result->columns);
    std::vector<std::optional<std::string_view>> views(result->columns.size());
    for (const auto& row : result->rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        views[i] = row[i] ? std::optional<std::string_view>(*row[i]) : std::nullopt;
      }
      sink.row(views);
    }
    return Ok{};
  }

  auto cursor = backend.scan(plan.scan);
  if (!cursor) return std::move(cursor).error();
  sink.begin(plan.column_names);
  // The row and the strings values are written over stay with the thread, so that a query run again allocates
  // nothing per value. A sink that streams another query from row() gets buffers of its own.
  struct Buffers {
    storage::Row row;
    std::vector<std::string> scratch;
    std::vector<std::optional<std::string_view>> views;
    bool busy = false;
  };
  thread_local Buffers kept;
  Buffers own;
  Buffers& buffers = kept.busy ? own : kept;
  buffers.busy = true;
  struct Release {
    Buffers& buffers;
    ~Release() {
      buffers.busy = false;
      for (std::string& text : buffers.scratch) {
        if (text.capacity() > 4096) std::string().swap(text);  // a long value is not kept for later queries
      }
    }
  } release{buffers};
  storage::Row& row = buffers.row;
  std::vector<std::string>& scratch = buffers.scratch;
  if (scratch.size() < plan.project.size()) scratch.resize(plan.project.size());
  std::vector<std::optional<std::string_view>>& out = buffers.views;
  out.resize(plan.project.size());
  std::uint64_t skipped = 0;
  std::uint64_t sent = 0;
  for (std::uint64_t scanned = 1; !plan.limit || sent < *plan.limit; ++scanned) {
    if (!(*cursor)->next(row)) break;
    if (skipped < plan.offset) {
      ++skipped;
    } else {
      for (std::size_t i = 0; i < plan.project.size(); ++i) {
        out[i] = output_view(row[static_cast<std::size_t>(plan.project[i])], *plan.output_fields[i], *q.schema, backend,
                             plan.scan.resolve_references, scratch[i]);
      }
      sink.row(std::span<const std::optional<std::string_view>>(out.data(), plan.project.size()));
      ++sent;
    }
    if (scanned % kDeadlineEvery == 0 && storage::QueryDeadline::passed()) return storage::deadline_error();
  }
  return (*cursor)->status();
}

}  // namespace vtql::executor
