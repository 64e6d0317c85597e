// The in-memory backend: a table of typed columns per module, an id index, and filters evaluated column at a time.
#include "engine/storage/memory/memory_backend.hpp"

#include <algorithm>
#include <mutex>

namespace vtql::storage {

// Rows of one module. Row r's id is ids[r]; live[r] is 0 once the record is deleted or (a lead) converted.
struct MemoryBackend::Table {
  const ModuleDef* module = nullptr;
  int id_field = -1;
  int modified_field = -1;
  std::vector<std::unique_ptr<memory::Column>> columns;
  std::vector<std::uint64_t> ids;
  std::vector<std::uint8_t> live;
  std::unordered_map<std::uint64_t, std::uint32_t> row_of;
  bool ids_ascending = true;
  std::uint32_t live_count = 0;

  std::uint32_t size() const { return static_cast<std::uint32_t>(ids.size()); }
  memory::Selection all() const { return {nullptr, &live, size()}; }

  std::optional<std::uint32_t> find(std::uint64_t id) const {
    const auto it = row_of.find(id);
    if (it == row_of.end() || live[it->second] == 0) return std::nullopt;
    return it->second;
  }
};

namespace {

using memory::Selection;
using Rows = std::vector<std::uint32_t>;

void merge_union(Rows& into, const Rows& other) {
  Rows merged;
  merged.reserve(into.size() + other.size());
  std::set_union(into.begin(), into.end(), other.begin(), other.end(), std::back_inserter(merged));
  into.swap(merged);
}

// Evaluates `expr` over the rows of `in`, appending matches to `out` in row order.
void evaluate(const MemoryBackend::Table& table, const binder::BoundExpr& expr, const Selection& in, Rows& out);

// id = X and id IN (...) use the id index instead of a scan.
bool try_id_lookup(const MemoryBackend::Table& table, const binder::BoundExpr& expr, const Selection& in, Rows& out) {
  auto add = [&](const types::Value& v) {
    const auto* id = std::get_if<types::EntityId>(&v);
    if (id == nullptr) return;
    if (const auto row = table.find(id->number)) {
      if (in.rows == nullptr || std::binary_search(in.rows->begin(), in.rows->end(), *row)) out.push_back(*row);
    }
  };
  if (const auto* c = std::get_if<binder::BoundComparison>(&expr)) {
    if (c->field.index != table.id_field || c->op != ast::CompareOp::kEq) return false;
    add(c->value);
    return true;
  }
  if (const auto* in_list = std::get_if<binder::BoundIn>(&expr)) {
    if (in_list->field.index != table.id_field) return false;
    for (const types::Value& v : in_list->values) add(v);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return true;
  }
  return false;
}

void evaluate(const MemoryBackend::Table& table, const binder::BoundExpr& expr, const Selection& in, Rows& out) {
  if (try_id_lookup(table, expr, in, out)) return;
  if (const auto* c = std::get_if<binder::BoundComparison>(&expr)) {
    table.columns[static_cast<std::size_t>(c->field.index)]->select(c->op, c->value, in, out);
  } else if (const auto* like = std::get_if<binder::BoundLike>(&expr)) {
    table.columns[static_cast<std::size_t>(like->field.index)]->select_like(like->pattern, in, out);
  } else if (const auto* in_list = std::get_if<binder::BoundIn>(&expr)) {
    table.columns[static_cast<std::size_t>(in_list->field.index)]->select_in(in_list->values, in, out);
  } else {
    const auto& logical = std::get<binder::BoundLogical>(expr);
    if (logical.op == ast::LogicalOp::kAnd) {
      // Index lookups first: they shrink the rows the other predicates look at to a handful.
      std::vector<const binder::BoundExpr*> order;
      for (const auto& operand : logical.operands) order.push_back(&operand);
      std::stable_partition(order.begin(), order.end(), [&](const binder::BoundExpr* e) {
        const auto* c = std::get_if<binder::BoundComparison>(e);
        return (c != nullptr && c->field.index == table.id_field && c->op == ast::CompareOp::kEq) ||
               (std::holds_alternative<binder::BoundIn>(*e) &&
                std::get<binder::BoundIn>(*e).field.index == table.id_field);
      });
      Rows current;
      evaluate(table, *order.front(), in, current);
      for (std::size_t i = 1; i < order.size() && !current.empty(); ++i) {
        Rows next;
        evaluate(table, *order[i], Selection{&current, nullptr, 0}, next);
        current.swap(next);
      }
      out.insert(out.end(), current.begin(), current.end());
    } else {
      Rows result;
      for (const auto& operand : logical.operands) {
        Rows part;
        evaluate(table, operand, in, part);
        merge_union(result, part);
      }
      out.insert(out.end(), result.begin(), result.end());
    }
  }
}

class RowsCursor final : public Cursor {
 public:
  explicit RowsCursor(std::vector<Row> rows) : rows_(std::move(rows)) {}
  bool next(Row& row) override {
    if (position_ == rows_.size()) return false;
    row = std::move(rows_[position_++]);
    return true;
  }

 private:
  std::vector<Row> rows_;
  std::size_t position_ = 0;
};

bool is_actor(const ModuleDef& module) { return module.name == "Users" || module.name == "Groups"; }

}  // namespace

MemoryBackend::MemoryBackend(std::shared_ptr<const Schema> schema) : schema_(std::move(schema)) {
  for (const ModuleDef& module : schema_->modules()) {
    auto table = std::make_unique<Table>();
    table->module = &module;
    table->id_field = module.field_index("id");
    table->modified_field = module.field_index("modifiedtime");
    for (const FieldDef& field : module.fields) table->columns.push_back(memory::make_column(field));
    by_module_[&module] = table.get();
    tables_.push_back(std::move(table));
  }
}

MemoryBackend::~MemoryBackend() = default;

MemoryBackend::Table* MemoryBackend::table_for(const ModuleDef& module) const {
  const auto it = by_module_.find(&module);
  if (it != by_module_.end()) return it->second;
  // The same module from another copy of the schema: find it by name.
  const ModuleDef* own = schema_->find_module(module.name);
  const auto again = own == nullptr ? by_module_.end() : by_module_.find(own);
  return again == by_module_.end() ? nullptr : again->second;
}

Result<std::unique_ptr<Cursor>> MemoryBackend::scan(const ScanSpec& spec) const {
  std::shared_lock lock(mutex_);
  const Table* table = table_for(*spec.module);
  if (table == nullptr) return Error{ErrorCode::kDatabaseQueryError, "no table for module " + spec.module->name, {}, {}};

  Rows rows;
  if (spec.filter != nullptr) {
    evaluate(*table, *spec.filter, table->all(), rows);
  } else {
    rows.reserve(table->live_count);
    table->all().for_each([&](std::uint32_t r) { rows.push_back(r); });
  }

  // ORDER BY the requested fields, then by id; without ORDER BY, by id.
  const auto by_id = [&](std::uint32_t a, std::uint32_t b) { return table->ids[a] < table->ids[b]; };
  const auto by_order = [&](std::uint32_t a, std::uint32_t b) {
    for (const binder::BoundOrder& o : spec.order) {
      const int c = table->columns[static_cast<std::size_t>(o.field.index)]->compare_rows(a, b);
      if (c != 0) return o.direction == ast::Direction::kAsc ? c < 0 : c > 0;
    }
    return by_id(a, b);
  };
  const std::uint64_t wanted = spec.limit ? spec.offset + *spec.limit : rows.size();
  const std::size_t keep = static_cast<std::size_t>(std::min<std::uint64_t>(wanted, rows.size()));
  if (!spec.order.empty()) {
    if (keep < rows.size() / 2) {
      std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(keep), rows.end(), by_order);
    } else {
      std::sort(rows.begin(), rows.end(), by_order);
    }
  } else if (!table->ids_ascending) {
    std::sort(rows.begin(), rows.end(), by_id);
  }

  const std::size_t begin = static_cast<std::size_t>(std::min<std::uint64_t>(spec.offset, rows.size()));
  std::vector<Row> out;
  out.reserve(keep > begin ? keep - begin : 0);
  for (std::size_t i = begin; i < keep; ++i) {
    Row row;
    row.reserve(spec.columns.size());
    for (const int c : spec.columns) row.push_back(table->columns[static_cast<std::size_t>(c)]->get(rows[i]));
    out.push_back(std::move(row));
  }
  return std::unique_ptr<Cursor>(std::make_unique<RowsCursor>(std::move(out)));
}

Result<std::uint64_t> MemoryBackend::count(const ScanSpec& spec) const {
  std::shared_lock lock(mutex_);
  const Table* table = table_for(*spec.module);
  if (table == nullptr) return Error{ErrorCode::kDatabaseQueryError, "no table for module " + spec.module->name, {}, {}};
  if (spec.filter == nullptr) return std::uint64_t{table->live_count};
  if (const auto* c = std::get_if<binder::BoundComparison>(spec.filter); c != nullptr && c->field.index != table->id_field) {
    return table->columns[static_cast<std::size_t>(c->field.index)]->count(c->op, c->value, table->all());
  }
  Rows rows;
  evaluate(*table, *spec.filter, table->all(), rows);
  return std::uint64_t{rows.size()};
}

bool MemoryBackend::exists(const ModuleDef& module, std::uint64_t id) const {
  std::shared_lock lock(mutex_);
  const Table* table = table_for(module);
  return table != nullptr && table->find(id).has_value();
}

std::uint64_t MemoryBackend::next_id(const ModuleDef& module) {
  if (is_actor(module)) return next_actor_id_++;
  if (!module.is_entity) {
    const Table* table = table_for(module);
    return table->ids.empty() ? 1 : *std::max_element(table->ids.begin(), table->ids.end()) + 1;
  }
  return next_entity_id_++;
}

Result<std::uint64_t> MemoryBackend::insert(const ModuleDef& module, Record record) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  if (table == nullptr) return Error{ErrorCode::kAccessDenied, "unknown module " + module.name, {}, {}};
  std::uint64_t id = next_id(module);
  while (table->row_of.count(id) != 0) id = next_id(module);
  lock.unlock();
  if (auto status = insert_with_id(module, id, std::move(record)); !status) return std::move(status).error();
  return id;
}

Status MemoryBackend::insert_with_id(const ModuleDef& module, std::uint64_t id, Record record) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  if (table == nullptr) return Error{ErrorCode::kAccessDenied, "unknown module " + module.name, {}, {}};
  if (record.size() != table->columns.size()) {
    return Error{ErrorCode::kInvalidArgument,
                 "a " + module.name + " record has " + std::to_string(table->columns.size()) + " fields, not " +
                     std::to_string(record.size()),
                 {}, {}};
  }
  if (table->row_of.count(id) != 0) {
    return Error{ErrorCode::kInvalidArgument, module.name + " already has a record " + std::to_string(id), {}, {}};
  }
  const auto prefix = static_cast<std::uint32_t>(std::stoul(module.id_prefix.empty() ? "0" : module.id_prefix));
  if (table->id_field >= 0) record[static_cast<std::size_t>(table->id_field)] = types::EntityId{prefix, id};
  const auto row = table->size();
  if (!table->ids.empty() && id < table->ids.back()) table->ids_ascending = false;
  for (std::size_t i = 0; i < record.size(); ++i) table->columns[i]->append(record[i]);
  table->ids.push_back(id);
  table->live.push_back(1);
  table->row_of.emplace(id, row);
  ++table->live_count;
  if (is_actor(module)) next_actor_id_ = std::max(next_actor_id_, id + 1);
  else if (module.is_entity) next_entity_id_ = std::max(next_entity_id_, id + 1);
  return Ok{};
}

Status MemoryBackend::update(const ModuleDef& module, std::uint64_t id, Record record) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  const auto row = table == nullptr ? std::nullopt : table->find(id);
  if (!row) return Error{ErrorCode::kInvalidArgument, module.name + " has no record " + std::to_string(id), {}, {}};
  if (record.size() != table->columns.size()) {
    return Error{ErrorCode::kInvalidArgument, "the record has the wrong number of fields", {}, {}};
  }
  for (std::size_t i = 0; i < record.size(); ++i) {
    if (static_cast<int>(i) != table->id_field) table->columns[i]->set(*row, record[i]);
  }
  return Ok{};
}

Status MemoryBackend::remove(const ModuleDef& module, std::uint64_t id) { return retire(module, id, true); }

Status MemoryBackend::mark_converted(const ModuleDef& module, std::uint64_t id) { return retire(module, id, false); }

// Deleting and converting both take a record out of every answer; only a deletion is reported to sync.
Status MemoryBackend::retire(const ModuleDef& module, std::uint64_t id, bool deleted) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  const auto row = table == nullptr ? std::nullopt : table->find(id);
  if (!row) return Error{ErrorCode::kInvalidArgument, module.name + " has no record " + std::to_string(id), {}, {}};
  table->live[*row] = 0;
  --table->live_count;
  if (!deleted) return Ok{};
  types::DateTime when;
  if (table->modified_field >= 0) {
    const auto v = table->columns[static_cast<std::size_t>(table->modified_field)]->get(*row);
    if (const auto* t = std::get_if<types::DateTime>(&v)) when = *t;
  }
  deletions_.push_back({module.name, id, true, when});
  return Ok{};
}

Result<std::vector<Change>> MemoryBackend::changes_since(std::string_view module, types::DateTime since) const {
  std::shared_lock lock(mutex_);
  std::vector<Change> changes;
  for (const auto& table : tables_) {
    if (!module.empty() && table->module->name != module) continue;
    if (table->modified_field < 0) continue;
    const auto& column = *table->columns[static_cast<std::size_t>(table->modified_field)];
    table->all().for_each([&](std::uint32_t r) {
      const auto v = column.get(r);
      const auto* t = std::get_if<types::DateTime>(&v);
      if (t != nullptr && *t > since) changes.push_back({table->module->name, table->ids[r], false, *t});
    });
  }
  for (const Change& d : deletions_) {
    if ((module.empty() || d.module == module) && d.modified > since) changes.push_back(d);
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.modified < b.modified; });
  return changes;
}

std::size_t MemoryBackend::memory_bytes() const {
  std::shared_lock lock(mutex_);
  std::size_t bytes = 0;
  for (const auto& table : tables_) {
    for (const auto& column : table->columns) bytes += column->memory_bytes();
    bytes += table->ids.capacity() * sizeof(std::uint64_t) + table->live.capacity();
    bytes += table->row_of.size() * (sizeof(std::uint64_t) + sizeof(std::uint32_t) + 2 * sizeof(void*));
    bytes += table->row_of.bucket_count() * sizeof(void*);
  }
  return bytes;
}

}  // namespace vtql::storage
