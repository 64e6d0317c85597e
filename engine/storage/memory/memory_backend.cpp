// The in-memory backend: a table of typed columns per module, an id index, and filters evaluated column at a time.
#include "engine/storage/memory/memory_backend.hpp"

#include <algorithm>
#include <mutex>

namespace vtql::storage {

// Rows of one module. Row r's id is ids[r]; live bit r is cleared once the record is deleted or (a lead) converted.
//
// The id index costs nothing beyond the ids while they arrive in ascending order, as the id sequences hand them
// out: the rows whose ids ascend from the first row are found by binary search. Only a record inserted with a
// smaller id than the last one (an import out of order) goes, with every row after it, to a hash map.
struct MemoryBackend::Table {
  const ModuleDef* module = nullptr;
  int id_field = -1;
  int modified_field = -1;
  std::vector<std::unique_ptr<memory::Column>> columns;
  std::vector<std::uint64_t> ids;
  memory::BitVector live;
  std::uint32_t ascending = 0;  // rows [0, ascending) have strictly ascending ids
  std::unordered_map<std::uint64_t, std::uint32_t> out_of_order;
  std::uint32_t live_count = 0;

  std::uint32_t size() const { return static_cast<std::uint32_t>(ids.size()); }
  memory::Selection all() const { return {nullptr, live.words(), 0, size()}; }
  bool ids_ascending() const { return out_of_order.empty(); }

  void add_id(std::uint64_t id) {
    const std::uint32_t row = size();
    if (out_of_order.empty() && (row == 0 || id > ids.back())) {
      ascending = row + 1;
    } else {
      out_of_order.emplace(id, row);
    }
    memory::reserve_one_more(ids);
    ids.push_back(id);
    live.push_back(true);
  }

  // The row holding `id`, live or not.
  std::optional<std::uint32_t> row_of(std::uint64_t id) const {
    const auto end = ids.begin() + ascending;
    const auto it = std::lower_bound(ids.begin(), end, id);
    if (it != end && *it == id) return static_cast<std::uint32_t>(it - ids.begin());
    if (out_of_order.empty()) return std::nullopt;
    const auto other = out_of_order.find(id);
    if (other == out_of_order.end()) return std::nullopt;
    return other->second;
  }

  // The row of the live record `id`.
  std::optional<std::uint32_t> find(std::uint64_t id) const {
    const auto row = row_of(id);
    if (!row || !live.test(*row)) return std::nullopt;
    return row;
  }

  std::size_t memory_bytes() const {
    std::size_t bytes = sizeof(Table) + columns.capacity() * sizeof(void*);
    for (const auto& column : columns) bytes += column->memory_bytes();
    bytes += ids.capacity() * sizeof(std::uint64_t) + live.memory_bytes();
    // A node of the hash map holds a pointer and the pair, rounded up by the allocator.
    bytes += out_of_order.size() * 32 + out_of_order.bucket_count() * sizeof(void*);
    return bytes;
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
      if (in.contains(*row)) out.push_back(*row);
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
        evaluate(table, *order[i], Selection{&current, nullptr, 0, 0}, next);
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

// The rows of the table matching spec.filter, in row order. When rows are wanted in id order (no ORDER BY, ids
// ascending with the rows) and only the first `wanted` count, the rows are filtered in growing blocks until enough
// have matched: a query with the default LIMIT 100 stops early instead of scanning the table.
Rows matching_rows(const MemoryBackend::Table& table, const ScanSpec& spec, std::optional<std::uint64_t> wanted) {
  Rows rows;
  const bool early_stop = wanted && spec.order.empty() && table.ids_ascending();
  if (spec.filter == nullptr) {
    const auto enough =
        static_cast<std::size_t>(early_stop ? std::min<std::uint64_t>(*wanted, table.live_count) : table.live_count);
    rows.reserve(enough);
    for (std::uint32_t begin = 0; begin < table.size() && rows.size() < enough; begin += 4096) {
      const Selection block{nullptr, table.live.words(), begin, std::min(table.size(), begin + 4096)};
      block.for_each([&](std::uint32_t r) { rows.push_back(r); });
    }
    if (rows.size() > enough) rows.resize(enough);
    return rows;
  }
  if (!early_stop) {
    evaluate(table, *spec.filter, table.all(), rows);
    return rows;
  }
  std::uint32_t block = 8192;
  for (std::uint32_t begin = 0; begin < table.size() && rows.size() < *wanted;) {
    const std::uint32_t end = table.size() - begin > block ? begin + block : table.size();
    evaluate(table, *spec.filter, Selection{nullptr, table.live.words(), begin, end}, rows);
    begin = end;
    block = std::min<std::uint32_t>(block * 2, 1U << 20);
  }
  return rows;
}

// Puts the first `keep` rows in the order of `order`, ties by id. Columns that rank their values (dictionaries)
// give a number per row, so that the sort compares integers; a single ranked key with ids ascending with the rows
// sorts packed (key, position) integers.
void order_rows(const MemoryBackend::Table& table, const std::vector<binder::BoundOrder>& order, std::size_t keep,
                Rows& rows) {
  const auto column = [&](std::size_t i) -> const memory::Column& {
    return *table.columns[static_cast<std::size_t>(order[i].field.index)];
  };
  std::vector<std::vector<std::uint32_t>> keys(order.size());
  std::vector<bool> keyed(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) keyed[i] = column(i).sort_keys(rows, keys[i]);
  const auto first = [&](auto& v) { return v.begin() + static_cast<std::ptrdiff_t>(keep); };

  if (order.size() == 1 && keyed[0] && table.ids_ascending()) {
    const bool descending = order[0].direction == ast::Direction::kDesc;
    std::vector<std::uint64_t> packed(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::uint32_t key = descending ? ~keys[0][i] : keys[0][i];
      packed[i] = (std::uint64_t{key} << 32) | i;
    }
    if (keep < packed.size() / 2) {
      std::partial_sort(packed.begin(), first(packed), packed.end());
    } else {
      std::sort(packed.begin(), packed.end());
    }
    Rows sorted(keep);
    for (std::size_t i = 0; i < keep; ++i) sorted[i] = rows[packed[i] & 0xFFFFFFFF];
    rows.swap(sorted);
    return;
  }

  std::vector<std::uint32_t> positions(rows.size());
  for (std::uint32_t i = 0; i < positions.size(); ++i) positions[i] = i;
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      const int c = keyed[i] ? (keys[i][a] < keys[i][b]   ? -1
                                : keys[i][a] > keys[i][b] ? 1
                                                          : 0)
                             : column(i).compare_rows(rows[a], rows[b]);
      if (c != 0) return order[i].direction == ast::Direction::kAsc ? c < 0 : c > 0;
    }
    return table.ids[rows[a]] < table.ids[rows[b]];
  };
  if (keep < positions.size() / 2) {
    std::partial_sort(positions.begin(), first(positions), positions.end(), before);
  } else {
    std::sort(positions.begin(), positions.end(), before);
  }
  Rows sorted(keep);
  for (std::size_t i = 0; i < keep; ++i) sorted[i] = rows[positions[i]];
  rows.swap(sorted);
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
  if (table == nullptr) return Error::database("no table for module " + spec.module->name);

  const std::optional<std::uint64_t> wanted =
      spec.limit ? std::optional<std::uint64_t>(spec.offset + *spec.limit) : std::nullopt;
  Rows rows = matching_rows(*table, spec, wanted);
  const std::size_t keep = static_cast<std::size_t>(std::min<std::uint64_t>(wanted.value_or(rows.size()), rows.size()));
  if (!spec.order.empty()) {
    order_rows(*table, spec.order, keep, rows);
  } else if (!table->ids_ascending()) {
    std::sort(rows.begin(), rows.end(),
              [&](std::uint32_t a, std::uint32_t b) { return table->ids[a] < table->ids[b]; });
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
  if (table == nullptr) return Error::database("no table for module " + spec.module->name);
  if (spec.filter == nullptr) return std::uint64_t{table->live_count};
  if (const auto* c = std::get_if<binder::BoundComparison>(spec.filter);
      c != nullptr && c->field.index != table->id_field) {
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

Result<std::uint64_t> MemoryBackend::insert(const ModuleDef& module, const Record& record) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  if (table == nullptr) return Error::access_denied("unknown module " + module.name);
  std::uint64_t id = ids_.next(module);
  while (table->row_of(id)) id = ids_.next(module);
  lock.unlock();
  if (auto status = insert_with_id(module, id, record); !status) return std::move(status).error();
  return id;
}

Status MemoryBackend::insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  if (table == nullptr) return Error::access_denied("unknown module " + module.name);
  if (record.size() != table->columns.size()) {
    return Error::invalid_argument("a " + module.name + " record has " + std::to_string(table->columns.size()) +
                                   " fields, not " + std::to_string(record.size()));
  }
  if (table->row_of(id)) {
    return Error::invalid_argument(module.name + " already has a record " + std::to_string(id));
  }
  const std::uint32_t prefix = catalog::id_prefix_number(module);
  for (std::size_t i = 0; i < record.size(); ++i) {
    if (static_cast<int>(i) == table->id_field) {
      table->columns[i]->append(types::EntityId{prefix, id});
    } else {
      table->columns[i]->append(record[i]);
    }
  }
  table->add_id(id);
  ++table->live_count;
  ids_.note(module, id);
  return Ok{};
}

Status MemoryBackend::update(const ModuleDef& module, std::uint64_t id, const Record& record) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  const auto row = table == nullptr ? std::nullopt : table->find(id);
  if (!row) return Error::invalid_argument(module.name + " has no record " + std::to_string(id));
  if (record.size() != table->columns.size()) {
    return Error::invalid_argument("the record has the wrong number of fields");
  }
  for (std::size_t i = 0; i < record.size(); ++i) {
    if (static_cast<int>(i) != table->id_field) table->columns[i]->set(*row, record[i]);
  }
  return Ok{};
}

Status MemoryBackend::retire(const ModuleDef& module, std::uint64_t id, catalog::RecordState state) {
  std::unique_lock lock(mutex_);
  Table* table = table_for(module);
  const auto row = table == nullptr ? std::nullopt : table->find(id);
  if (!row) return Error::invalid_argument(module.name + " has no record " + std::to_string(id));
  table->live.set(*row, false);
  --table->live_count;
  if (!catalog::reported_as_deleted(state)) return Ok{};
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
  std::size_t bytes = sizeof(MemoryBackend) + tables_.capacity() * sizeof(void*) + by_module_.size() * 32 +
                      by_module_.bucket_count() * sizeof(void*) + deletions_.capacity() * sizeof(Change);
  for (const Change& d : deletions_) bytes += d.module.capacity() > 15 ? d.module.capacity() + 1 : 0;
  for (const auto& table : tables_) bytes += table->memory_bytes();
  return bytes;
}

std::size_t MemoryBackend::memory_bytes(std::string_view module) const {
  std::shared_lock lock(mutex_);
  for (const auto& table : tables_) {
    if (table->module->name == module) return table->memory_bytes();
  }
  return 0;
}

}  // namespace vtql::storage
