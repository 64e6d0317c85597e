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

namespace {

// The strings a run writes values over, kept with the thread so that a query run again allocates nothing per
// value. A sink that runs another query from row() gets buffers of its own.
struct Buffers {
  storage::Row row;
  std::vector<std::string> scratch;
  std::vector<std::optional<std::string_view>> views;
  bool busy = false;
};

class BorrowedBuffers {
 public:
  explicit BorrowedBuffers(std::size_t columns) : buffers_(kept_.busy ? own_ : kept_) {
    buffers_.busy = true;
    if (buffers_.scratch.size() < columns) buffers_.scratch.resize(columns);
    buffers_.views.resize(columns);
  }
  ~BorrowedBuffers() {
    buffers_.busy = false;
    for (std::string& text : buffers_.scratch) {
      if (text.capacity() > 4096) std::string().swap(text);  // a long value is not kept for later queries
    }
  }
  BorrowedBuffers(const BorrowedBuffers&) = delete;
  BorrowedBuffers& operator=(const BorrowedBuffers&) = delete;

  Buffers& get() noexcept { return buffers_; }

 private:
  static thread_local inline Buffers kept_;
  Buffers own_;
  Buffers& buffers_;
};

// How rows leave the loop. ViewOutput hands any RowSink the output columns as views over the row (and scratch
// strings for values written out); ResultOutput moves text out of the row into a ResultSet where no later output
// column reads it, so that Engine::query copies no text the backend already allocated.
class ViewOutput {
 public:
  ViewOutput(const planner::Plan& plan, const storage::Backend& backend, RowSink& sink)
      : plan_(plan), backend_(backend), sink_(sink), buffers_(plan.project.size()) {}

  storage::Row& row_buffer() noexcept { return buffers_.get().row; }
  void begin(const std::vector<std::string>& columns) { sink_.begin(columns); }
  void count_row(std::uint64_t n) {
    const std::string text = std::to_string(n);
    const std::optional<std::string_view> value(text);
    sink_.row(std::span<const std::optional<std::string_view>>(&value, 1));
  }
  void row(storage::Row& row) {
    Buffers& buffers = buffers_.get();
    const Schema& schema = *plan_.query->schema;
    for (std::size_t i = 0; i < plan_.project.size(); ++i) {
      buffers.views[i] = output_view(row[static_cast<std::size_t>(plan_.project[i])], *plan_.output_fields[i], schema,
                                     backend_, plan_.scan.resolve_references, buffers.scratch[i]);
    }
    sink_.row(std::span<const std::optional<std::string_view>>(buffers.views.data(), plan_.project.size()));
  }

 private:
  const planner::Plan& plan_;
  const storage::Backend& backend_;
  RowSink& sink_;
  BorrowedBuffers buffers_;
};

class ResultOutput {
 public:
  ResultOutput(const planner::Plan& plan, const storage::Backend& backend, ResultSet& result)
      : plan_(plan), backend_(backend), result_(result) {}

  storage::Row& row_buffer() noexcept { return row_; }
  void begin(const std::vector<std::string>& columns) { result_.columns = columns; }
  void count_row(std::uint64_t n) { result_.rows.push_back({std::to_string(n)}); }
  void row(storage::Row& row) {
    const Schema& schema = *plan_.query->schema;
    std::vector<std::optional<std::string>> out;
    out.reserve(plan_.project.size());
    for (std::size_t i = 0; i < plan_.project.size(); ++i) {
      types::Value& value = row[static_cast<std::size_t>(plan_.project[i])];
      if (auto* text = std::get_if<std::string>(&value); text != nullptr && plan_.last_use[i] != 0) {
        out.emplace_back(std::move(*text));
      } else {
        out.push_back(output_string(value, *plan_.output_fields[i], schema, backend_, plan_.scan.resolve_references));
      }
    }
    result_.rows.push_back(std::move(out));
  }

 private:
  const planner::Plan& plan_;
  const storage::Backend& backend_;
  ResultSet& result_;
  storage::Row row_;
};

template <typename Output>
Status run_count(const planner::Plan& plan, const storage::Backend& backend, Output& output) {
  const binder::BoundQuery& q = *plan.query;
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
  static const std::vector<std::string> kColumns = {"count"};
  output.begin(kColumns);
  // LIMIT applies to COUNT(*)'s one row, as in MySQL: LIMIT 0 or an offset leaves none.
  if (q.offset == 0 && (!q.count || *q.count > 0)) output.count_row(n);
  return Ok{};
}

// The one loop: a count, rows straight from a scan that filtered and ordered, or rows the engine filters and sorts.
template <typename Output>
Status run_plan(const planner::Plan& plan, const storage::Backend& backend, Output& output) {
  if (plan.query->count_only) return run_count(plan, backend, output);

  auto cursor = backend.scan(plan.scan);
  if (!cursor) return std::move(cursor).error();
  storage::Row& row = output.row_buffer();

  if (plan.filter == nullptr && plan.sort.empty() && !plan.sort_by_id) {
    // The backend filtered and ordered: rows go from the scan to the sink one at a time, past the engine's offset.
    output.begin(plan.column_names);
    std::uint64_t skipped = 0;
    std::uint64_t sent = 0;
    for (std::uint64_t scanned = 1; !plan.limit || sent < *plan.limit; ++scanned) {
      if (!(*cursor)->next(row)) break;
      if (skipped < plan.offset) {
        ++skipped;
      } else {
        output.row(row);
        ++sent;
      }
      if (scanned % kDeadlineEvery == 0 && storage::QueryDeadline::passed()) return storage::deadline_error();
    }
    return (*cursor)->status();
  }

  // The engine filters and sorts: the matching rows are kept, then the ones in the limit handed over.
  std::vector<storage::Row> rows;
  for (std::uint64_t scanned = 1; (*cursor)->next(row); ++scanned) {
    if (plan.filter == nullptr || evaluate(*plan.filter, row)) rows.push_back(std::move(row));
    if (scanned % kDeadlineEvery == 0 && storage::QueryDeadline::passed()) return storage::deadline_error();
  }
  if (auto status = (*cursor)->status(); !status) return std::move(status).error();

  if (!plan.sort.empty() || plan.sort_by_id) {
    // Scan rows hold every field here, so a field's index is its position in the row.
    const auto id = static_cast<std::size_t>(plan.query->module->field_index("id"));
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
  output.begin(plan.column_names);
  for (std::size_t r = begin; r < end; ++r) output.row(rows[r]);
  return Ok{};
}

}  // namespace

Status run(const planner::Plan& plan, const storage::Backend& backend, RowSink& sink) {
  ViewOutput output(plan, backend, sink);
  return run_plan(plan, backend, output);
}

Result<ResultSet> execute(const planner::Plan& plan, const storage::Backend& backend) {
  ResultSet result;
  if (!plan.query->count_only) {
    if (const std::uint64_t most = plan.limit ? *plan.limit : plan.scan.limit.value_or(0); most > 0) {
      result.rows.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(most, 4096)));
    }
  }
  ResultOutput output(plan, backend, result);
  if (auto status = run_plan(plan, backend, output); !status) return std::move(status).error();
  return result;
}

}  // namespace vtql::executor
