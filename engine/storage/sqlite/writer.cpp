// The SQLite backend's write side: transactions on the one writer connection, inserts with prepared statements
// per set of fields, bulk loads that rebuild indexes once, updates, retirements and the change log for sync.
#include <algorithm>
#include <limits>

#include "engine/storage/sqlite/backend_parts.hpp"

namespace vtql::storage::sqlite {

Status SqliteBackend::write(const std::function<Status()>& body) {
  std::lock_guard lock(writer_mutex_);
  if (transaction_depth_ > 0) return body();
  return transaction(body);
}

Status SqliteBackend::transaction(const std::function<Status()>& writes) {
  if (read_only_) return Error::invalid_argument("the database is open read-only");
  std::lock_guard lock(writer_mutex_);
  if (transaction_depth_ > 0) return writes();  // one flat transaction
  if (auto status = writer_->exec("BEGIN IMMEDIATE"); !status) return status;
  // Another process may have added records since this one last looked: numbers are allocated past what the file
  // holds now that the write lock is held, so that two writers never hand out the same number.
  if (auto status = read_sequences(); !status) {
    (void)writer_->exec("ROLLBACK");
    return status;
  }
  transaction_owner_ = std::this_thread::get_id();
  transaction_depth_ = 1;
  Status status = Ok{};
  try {
    status = writes();
  } catch (...) {
    transaction_depth_ = 0;
    bulk_loads_.clear();
    (void)writer_->exec("ROLLBACK");
    throw;
  }
  if (status) status = rebuild_deferred_indexes();
  transaction_depth_ = 0;
  bulk_loads_.clear();
  if (!status) {
    (void)writer_->exec("ROLLBACK");
    return status;
  }
  if (auto committed = writer_->exec("COMMIT"); !committed) {
    (void)writer_->exec("ROLLBACK");
    return committed;
  }
  return Ok{};
}

Result<std::uint64_t> SqliteBackend::insert(const ModuleDef& module, const Record& record) {
  std::lock_guard lock(writer_mutex_);
  if (layout_for(module) == nullptr) return Error::access_denied("unknown module " + module.name);
  // The sequences start past every stored id (read_sequences, insert_with_id), so a new id is free.
  const std::uint64_t id = ids_.next(module);
  if (auto status = insert_with_id(module, id, record); !status) return std::move(status).error();
  return id;
}

Status SqliteBackend::insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) {
  const TableLayout* layout = layout_for(module);
  if (layout == nullptr) return Error::access_denied("unknown module " + module.name);
  if (record.size() != layout->module->fields.size()) return wrong_width(module, record.size());
  if (id == 0 || id > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return Error::invalid_argument("record number " + std::to_string(id) + " is out of range");
  }
  return write([&]() -> Status {
    // The INSERT names only the fields the record has values for (the others take their columns' defaults: NULL,
    // or 0 for references and owners): an import's rows leave most of a module's fields empty, and binding and
    // copying empty values was a good part of each row's cost. One prepared statement per table and set of
    // fields, kept for the life of the backend.
    std::string& given = insert_mask_;
    given.assign(record.size(), '0');
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (!layout->insert_columns[i].skip && !std::holds_alternative<types::Null>(record[i])) given[i] = '1';
    }
    InsertStatements& statements = inserts_[layout];
    auto found = statements.by_fields.find(given);
    if (found == statements.by_fields.end()) {
      if (statements.by_fields.size() >= kInsertShapes) given.assign(record.size(), '1');  // every field, bound
      found = statements.by_fields.find(given);
      if (found == statements.by_fields.end()) {
        const std::string sql = layout->insert_sql_for(given);
        sqlite3_stmt* prepared = nullptr;
        if (sqlite3_prepare_v3(writer_->handle(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &prepared, nullptr) !=
            SQLITE_OK) {
          return writer_->error("preparing the insert into " + module.name);
        }
        found = statements.by_fields.emplace(given, Statement(prepared)).first;
      }
    }
    sqlite3_stmt* stmt = found->second.get();
    sqlite3_reset(stmt);
    int index = 1;
    int rc = sqlite3_bind_int64(stmt, index++, static_cast<std::int64_t>(id));
    for (std::size_t i = 0; i < record.size() && rc == SQLITE_OK; ++i) {
      if (given[i] != '1') continue;
      const TableLayout::InsertColumn column = layout->insert_columns[i];
      if (column.skip) continue;
      rc = bind_stored(stmt, index++, record[i], column.null_as_zero);
      if (rc == SQLITE_OK && column.prefixed) {
        const auto* owner = std::get_if<types::EntityId>(&record[i]);
        rc = owner == nullptr ? sqlite3_bind_null(stmt, index++) : sqlite3_bind_int64(stmt, index++, owner->prefix);
      }
    }
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) {
      if (sqlite3_extended_errcode(writer_->handle()) == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Error::invalid_argument(module.name + " already has a record " + std::to_string(id));
      }
      return writer_->error("inserting into " + module.name);
    }
    ids_.note(module, id);
    return note_insert(*layout);
  });
}

// A transaction that has added at least kBulkCheck rows to a table, and more than the table held before it,
// drops the table's secondary indexes and builds them again before it commits: one sorted pass is several times
// cheaper than keeping four B-trees in order row by row. A rollback brings the old indexes back with the rows.
Status SqliteBackend::note_insert(const TableLayout& layout) {
  BulkLoad& load = bulk_loads_[&layout];
  if (load.deferred || ++load.inserted < load.next_check) return Ok{};
  load.next_check *= 2;
  const std::string sql = "SELECT count(*) FROM " + layout.table;
  auto statement = writer_->prepare(sql);
  if (!statement) return std::move(statement).error();
  if (sqlite3_step(statement->get()) != SQLITE_ROW) return writer_->error("counting " + layout.module->name);
  const auto rows = static_cast<std::uint64_t>(sqlite3_column_int64(statement->get(), 0));
  writer_->recycle(sql, std::move(*statement));
  if (rows - std::min(rows, load.inserted) >= load.inserted) return Ok{};
  for (const SecondaryIndex& index : secondary_indexes(*layout.module)) {
    if (auto status = writer_->exec("DROP INDEX IF EXISTS " + index.name); !status) return status;
  }
  load.deferred = true;
  return Ok{};
}

Status SqliteBackend::rebuild_deferred_indexes() {
  for (const auto& [layout, load] : bulk_loads_) {
    if (!load.deferred) continue;
    for (const std::string& sql : index_sql(*layout->module)) {
      if (auto status = writer_->exec(sql); !status) return status;
    }
  }
  return Ok{};
}

Status SqliteBackend::update(const ModuleDef& module, std::uint64_t id, const Record& record) {
  const TableLayout* layout = layout_for(module);
  if (layout == nullptr) return no_record(module, id);
  if (record.size() != layout->module->fields.size()) return wrong_width(module, record.size());
  std::string sql = "UPDATE " + layout->table + " SET ";
  std::vector<SqlValue> bound;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const FieldDef& field = layout->module->fields[i];
    if (field.is_id()) continue;
    if (!bound.empty()) sql += ", ";
    sql += layout->columns[i] + " = ?";
    bound.push_back(encode(record[i], field));
    if (!layout->prefix_columns[i].empty()) {
      sql += ", " + layout->prefix_columns[i] + " = ?";
      bound.push_back(encode_prefix(record[i]));
    }
  }
  sql += std::string(" WHERE \"id\" = ? AND ") + kStateColumn + " = 0";
  bound.emplace_back(static_cast<std::int64_t>(id));
  return write([&]() -> Status {
    if (auto status = run(*writer_, sql, bound); !status) return status;
    if (sqlite3_changes(writer_->handle()) == 0) return no_record(module, id);
    return Ok{};
  });
}

Status SqliteBackend::retire(const ModuleDef& module, std::uint64_t id, catalog::RecordState state) {
  const TableLayout* layout = layout_for(module);
  if (layout == nullptr) return no_record(module, id);
  const auto number = static_cast<std::int64_t>(id);
  return write([&]() -> Status {
    const std::string sql =
        "UPDATE " + layout->table + " SET " + kStateColumn + " = ? WHERE \"id\" = ? AND " + kStateColumn + " = 0";
    if (auto status = run(*writer_, sql, {SqlValue(static_cast<std::int64_t>(state)), SqlValue(number)}); !status)
      return status;
    if (sqlite3_changes(writer_->handle()) == 0) return no_record(module, id);
    if (!catalog::reported_as_deleted(state)) return Ok{};
    const int modified = layout->module->field_index("modifiedtime");
    const std::string when = modified < 0 ? std::string("NULL") : layout->columns[static_cast<std::size_t>(modified)];
    return run(*writer_,
               "INSERT INTO vtql_deleted (module, id, modifiedtime) SELECT ?, \"id\", " + when + " FROM " +
                   layout->table + " WHERE \"id\" = ?",
               {SqlValue(module.name), SqlValue(number)});
  });
}

Result<std::vector<Change>> SqliteBackend::changes_since(std::string_view module, types::DateTime since) const {
  std::vector<Change> changes;
  Lease lease = acquire();
  if (!lease) return *lease.error;
  const auto collect = [&](const std::string& sql, const std::vector<SqlValue>& values, auto&& on_row) -> Status {
    auto statement = lease->prepare(sql);
    if (!statement) return std::move(statement).error();
    for (std::size_t i = 0; i < values.size(); ++i) bind(statement->get(), static_cast<int>(i) + 1, values[i]);
    int rc;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) on_row(statement->get());
    Status status = rc == SQLITE_DONE ? Status(Ok{}) : Status(lease->error("reading changes"));
    lease->recycle(sql, std::move(*statement));
    return status;
  };
  for (const auto& layout : layouts_) {
    if (!module.empty() && layout->module->name != module) continue;
    const int modified = layout->module->field_index("modifiedtime");
    if (modified < 0) continue;
    const std::string& column = layout->columns[static_cast<std::size_t>(modified)];
    const std::string sql = "SELECT \"id\", " + column + " FROM " + layout->table + " WHERE " + kStateColumn +
                            " = 0 AND " + column + " > ? ORDER BY \"id\"";
    auto status = collect(sql, {SqlValue(since.seconds)}, [&](sqlite3_stmt* stmt) {
      changes.push_back({layout->module->name, static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 0)), false,
                         types::DateTime{sqlite3_column_int64(stmt, 1)}});
    });
    if (!status) return std::move(status).error();
  }
  auto status = collect("SELECT module, id, modifiedtime FROM vtql_deleted WHERE modifiedtime > ? ORDER BY seq",
                        {SqlValue(since.seconds)}, [&](sqlite3_stmt* stmt) {
                          std::string name(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
                          if (!module.empty() && name != module) return;
                          changes.push_back({std::move(name), static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 1)),
                                             true, types::DateTime{sqlite3_column_int64(stmt, 2)}});
                        });
  if (!status) return std::move(status).error();
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.modified < b.modified; });
  return changes;
}

}  // namespace vtql::storage::sqlite
