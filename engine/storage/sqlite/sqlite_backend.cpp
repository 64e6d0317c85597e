// The SQLite backend: tables per module, schema in the file, pooled readers, one writer, queries pushed down whole.
#include "engine/storage/sqlite/sqlite_backend.hpp"

#include <algorithm>
#include <atomic>
#include <limits>

#include "engine/catalog/describe_writer.hpp"
#include "engine/storage/sqlite/connection.hpp"
#include "engine/storage/sqlite/sql_builder.hpp"

namespace vtql::storage::sqlite {
namespace {

constexpr const char* kFormat = "vtql-sqlite-1";

Error no_record(const ModuleDef& module, std::uint64_t id) {
  return Error::invalid_argument(module.name + " has no record " + std::to_string(id));
}

Error wrong_width(const ModuleDef& module, std::size_t given) {
  return Error::invalid_argument("a " + module.name + " record has " + std::to_string(module.fields.size()) +
                                 " fields, not " + std::to_string(given));
}

// SQLite calls this every few thousand virtual machine steps; a nonzero answer interrupts the statement.
int past_deadline(void* deadline) {
  return QueryDeadline::Clock::now() > *static_cast<const QueryDeadline::Clock::time_point*>(deadline) ? 1 : 0;
}

// Watches the query's deadline (QueryDeadline) while statements of `connection` step, until destroyed.
class DeadlineWatch {
 public:
  explicit DeadlineWatch(Connection& connection) : db_(connection.handle()), deadline_(QueryDeadline::current()) {
    if (deadline_ != QueryDeadline::Clock::time_point::max())
      sqlite3_progress_handler(db_, 4096, past_deadline, &deadline_);
  }
  ~DeadlineWatch() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }
  DeadlineWatch(const DeadlineWatch&) = delete;
  DeadlineWatch& operator=(const DeadlineWatch&) = delete;

 private:
  sqlite3* db_;
  QueryDeadline::Clock::time_point deadline_;
};

constexpr int kPageSize = 32768;
// The most INSERT statements kept per table, one per set of fields given; past it, rows bind every field.
constexpr std::size_t kInsertShapes = 32;

std::string memory_path() {
  static std::atomic<std::uint64_t> counter{0};
  return "file:/vtql-memory-" + std::to_string(++counter) + "?vfs=memdb";
}

std::string create_table_sql(const ModuleDef& module) {
  const TableLayout layout(module);
  std::string sql =
      "CREATE TABLE " + layout.table + " (\"id\" INTEGER PRIMARY KEY, " + kStateColumn + " INTEGER NOT NULL DEFAULT 0";
  for (std::size_t i = 0; i < module.fields.size(); ++i) {
    const FieldDef& field = module.fields[i];
    if (field.is_id()) continue;
    sql += ", " + layout.columns[i] + " " + declared_type(field);
    if (!layout.prefix_columns[i].empty()) sql += ", " + layout.prefix_columns[i] + " INTEGER";
  }
  return sql + ")";
}

// Indexes for what clients look records up by: references (a contact's account) and modifiedtime (sync, lists).
struct SecondaryIndex {
  std::string name;  // quoted
  std::string create_sql;
};

std::vector<SecondaryIndex> secondary_indexes(const ModuleDef& module) {
  const TableLayout layout(module);
  std::vector<SecondaryIndex> out;
  for (std::size_t i = 0; i < module.fields.size(); ++i) {
    const FieldDef& field = module.fields[i];
    if (field.type != FieldType::kReference && field.name != "modifiedtime") continue;
    std::string name = quote_identifier(module.name + "#" + field.name);
    std::string sql = "CREATE INDEX IF NOT EXISTS " + name + " ON " + layout.table + " (" + layout.columns[i] + ")";
    out.push_back({std::move(name), std::move(sql)});
  }
  return out;
}

std::vector<std::string> index_sql(const ModuleDef& module) {
  std::vector<std::string> out;
  for (SecondaryIndex& index : secondary_indexes(module)) out.push_back(std::move(index.create_sql));
  return out;
}

}  // namespace

// A reader connection, or the writer when the calling thread is inside a write transaction (so that it reads
// its own writes).
class SqliteBackend::Lease {
 public:
  Lease(const SqliteBackend* owner, std::unique_ptr<Connection> connection, Connection* borrowed)
      : owner_(owner), connection_(std::move(connection)), borrowed_(borrowed) {}
  Lease(Lease&&) = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (connection_) owner_->release(std::move(connection_));
  }
  Connection* operator->() const { return connection_ ? connection_.get() : borrowed_; }
  Connection& operator*() const { return *operator->(); }
  explicit operator bool() const { return connection_ != nullptr || borrowed_ != nullptr; }

  std::optional<Error> error;  // why there is no connection

 private:
  const SqliteBackend* owner_;
  std::unique_ptr<Connection> connection_;
  Connection* borrowed_;
};

namespace {

// Reads rows of a statement into rows of typed values.
class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(SqliteBackend::Lease lease, Statement statement, std::shared_ptr<const SqlQuery> query,
               const TableLayout& layout);
  ~SqliteCursor() override;

  bool next(Row& row) override;
  Status status() const override { return status_; }

 private:
  SqliteBackend::Lease lease_;
  DeadlineWatch watch_;
  Statement statement_;
  std::shared_ptr<const SqlQuery> query_;
  const TableLayout& layout_;
  Status status_ = Ok{};
  bool done_ = false;
};

SqliteCursor::SqliteCursor(SqliteBackend::Lease lease, Statement statement, std::shared_ptr<const SqlQuery> query,
                           const TableLayout& layout)
    : lease_(std::move(lease)),
      watch_(*lease_),
      statement_(std::move(statement)),
      query_(std::move(query)),
      layout_(layout) {}

SqliteCursor::~SqliteCursor() { lease_->recycle(query_->key, query_->sql, std::move(statement_)); }

bool SqliteCursor::next(Row& row) {
  if (done_) return false;
  sqlite3_stmt* stmt = statement_.get();
  const int rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) {
    done_ = true;
    if (rc == SQLITE_INTERRUPT)
      status_ = deadline_error();
    else if (rc != SQLITE_DONE)
      status_ = lease_->error("reading " + layout_.module->name);
    return false;
  }
  row.resize(query_->decoders.size());
  int position = 0;
  for (std::size_t i = 0; i < query_->decoders.size(); ++i) {
    const ColumnDecoder& decoder = query_->decoders[i];
    std::uint32_t prefix = decoder.fixed_prefix;
    if (decoder.prefixed) prefix = static_cast<std::uint32_t>(sqlite3_column_int64(stmt, position + 1));
    if (decoder.resolved && prefix == 0) {
      row[i].emplace<types::Null>();  // refers to no live record
    } else {
      decode_column(stmt, position, decoder, prefix, row[i]);
    }
    position += decoder.prefixed ? 2 : 1;
  }
  return true;
}

// Runs a statement that returns nothing (or whose rows are ignored) to completion.
Status run(Connection& connection, const std::string& sql, const std::vector<SqlValue>& values) {
  auto statement = connection.prepare(sql);
  if (!statement) return std::move(statement).error();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (bind(statement->get(), static_cast<int>(i) + 1, values[i]) != SQLITE_OK) return connection.error("binding");
  }
  int rc;
  while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
  }
  Status status = Ok{};
  if (rc != SQLITE_DONE) status = connection.error("writing");
  connection.recycle(sql, std::move(*statement));
  return status;
}

}  // namespace

SqliteBackend::SqliteBackend(std::string path, bool read_only) : path_(std::move(path)), read_only_(read_only) {}

SqliteBackend::~SqliteBackend() {
  inserts_.clear();
  pool_.clear();
  writer_.reset();
}

Result<std::unique_ptr<SqliteBackend>> SqliteBackend::open(const std::string& path, const SqliteOptions& options) {
  const bool in_memory = path == ":memory:";
  const std::string target = in_memory ? memory_path() : path;
  std::unique_ptr<SqliteBackend> backend(new SqliteBackend(target, options.read_only && !in_memory));
  auto writer = Connection::open(target, {backend->read_only_, options.create_if_missing || in_memory});
  if (!writer) return std::move(writer).error();
  backend->writer_ = std::move(*writer);
  Connection& db = *backend->writer_;
  backend->max_parameters_ = sqlite3_limit(db.handle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1);

  // A new file has no tables at all; anything else must be a vtql database.
  auto tables = db.prepare("SELECT count(*) FROM sqlite_schema");
  if (!tables) {
    return Error::io(path + " is not a database file: " + tables.error().message);
  }
  const bool empty = sqlite3_step(tables->get()) == SQLITE_ROW && sqlite3_column_int64(tables->get(), 0) == 0;
  tables = Statement();

  if (empty) {
    if (backend->read_only_) {
      return Error::io(path + " holds no vtql database", {}, "create it with vtql demo or vtql import");
    }
    // 32 KiB pages: a CRM row of fifty columns is a few hundred bytes, and larger pages make scans and bulk
    // inserts cheaper (fewer pages to visit, split and write: a full scan of 100k demo contacts takes 27% less time
    // than with 4 KiB pages) at the cost of more bytes logged per single-row write; vtql is read-mostly.
    if (auto status = db.exec("PRAGMA page_size=" + std::to_string(kPageSize)); !status)
      return std::move(status).error();
    auto schema = options.schema ? options.schema : Schema::builtin();
    if (auto status = backend->create_tables(*schema); !status) return std::move(status).error();
    backend->schema_ = std::move(schema);
  } else if (auto status = backend->load_schema(options); !status) {
    return std::move(status).error();
  }
  if (!backend->read_only_ && !in_memory) {
    if (auto status = db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"); !status) {
      return std::move(status).error();
    }
  }
  backend->build_layouts();
  if (auto status = backend->read_sequences(); !status) return std::move(status).error();
  return backend;
}

Status SqliteBackend::create_tables(const Schema& schema) {
  return write([&]() -> Status {
    Connection& db = *writer_;
    if (auto s = db.exec("CREATE TABLE vtql_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "CREATE TABLE vtql_modules (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                         "describe TEXT NOT NULL);"
                         "CREATE TABLE vtql_deleted (seq INTEGER PRIMARY KEY, module TEXT NOT NULL, "
                         "id INTEGER NOT NULL, modifiedtime INTEGER)");
        !s) {
      return s;
    }
    if (auto s = run(db, "INSERT INTO vtql_meta VALUES ('format', ?)", {SqlValue(std::string(kFormat))}); !s) return s;
    for (const ModuleDef& module : schema.modules()) {
      if (auto s = db.exec(create_table_sql(module)); !s) return s;
      for (const std::string& sql : index_sql(module)) {
        if (auto s = db.exec(sql); !s) return s;
      }
    }
    return store_schema(schema);
  });
}

Status SqliteBackend::store_schema(const Schema& schema) {
  Connection& db = *writer_;
  if (auto s = db.exec("DELETE FROM vtql_modules"); !s) return s;
  std::int64_t position = 0;
  for (const ModuleDef& module : schema.modules()) {
    if (auto s = run(db, "INSERT INTO vtql_modules VALUES (?, ?, ?)",
                     {SqlValue(position++), SqlValue(module.name), SqlValue(catalog::describe_with_storage(module))});
        !s) {
      return s;
    }
  }
  return Ok{};
}

Status SqliteBackend::load_schema(const SqliteOptions& options) {
  Connection& db = *writer_;
  auto format = db.prepare("SELECT value FROM vtql_meta WHERE key = 'format'");
  if (!format || sqlite3_step(format->get()) != SQLITE_ROW ||
      std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(format->get(), 0))) != kFormat) {
    return Error::io(path_ + " is not a vtql database (no vtql_meta format " + kFormat + ")");
  }
  format = Statement();
  auto modules = db.prepare("SELECT describe FROM vtql_modules ORDER BY position");
  if (!modules) return std::move(modules).error();
  std::string bundle = "[";
  int rc;
  while ((rc = sqlite3_step(modules->get())) == SQLITE_ROW) {
    if (bundle.size() > 1) bundle += ',';
    bundle += reinterpret_cast<const char*>(sqlite3_column_text(modules->get(), 0));
  }
  if (rc != SQLITE_DONE) return db.error("reading the schema");
  modules = Statement();
  bundle += ']';
  auto stored = Schema::from_json(bundle, path_);
  if (!stored) return std::move(stored).error();
  schema_ = *stored;
  if (options.schema && !options.schema->modules().empty()) {
    if (read_only_) return Error::invalid_argument("cannot add modules to a database opened read-only");
    auto merged = schema_->merged_with(*options.schema);
    if (auto status = write([&] { return extend_tables(*schema_, *options.schema); }); !status) return status;
    schema_ = std::move(merged);
    if (auto status = write([&] { return store_schema(*schema_); }); !status) return status;
  }
  return Ok{};
}

// New modules get a table; a module given again keeps its table and gains columns for its new fields.
Status SqliteBackend::extend_tables(const Schema& old_schema, const Schema& overlay) {
  Connection& db = *writer_;
  for (const ModuleDef& module : overlay.modules()) {
    const ModuleDef* old = old_schema.find_module(module.name);
    if (old == nullptr) {
      if (auto s = db.exec(create_table_sql(module)); !s) return s;
    } else {
      const TableLayout layout(module);
      for (std::size_t i = 0; i < module.fields.size(); ++i) {
        const FieldDef& field = module.fields[i];
        const FieldDef* before = old->find_field(field.name);
        if (before != nullptr) {
          if (storage_of(*before) != storage_of(field) || has_prefix_column(*before) != has_prefix_column(field) ||
              stores_null_as_zero(*before) != stores_null_as_zero(field)) {
            return Error::invalid_metadata(module.name + "." + field.name + " is stored as " +
                                               std::string(to_string(before->type)) + " and cannot become " +
                                               std::string(to_string(field.type)),
                                           {}, "give the field its old type, or a new name");
          }
          continue;
        }
        if (auto s = db.exec("ALTER TABLE " + layout.table + " ADD COLUMN " + layout.columns[i] + " " +
                             declared_type(field));
            !s) {
          return s;
        }
        if (!layout.prefix_columns[i].empty()) {
          if (auto s = db.exec("ALTER TABLE " + layout.table + " ADD COLUMN " + layout.prefix_columns[i] + " INTEGER");
              !s) {
            return s;
          }
        }
      }
    }
    for (const std::string& sql : index_sql(module)) {
      if (auto s = db.exec(sql); !s) return s;
    }
  }
  return Ok{};
}

void SqliteBackend::build_layouts() {
  for (const ModuleDef& module : schema_->modules()) {
    layouts_.push_back(std::make_unique<TableLayout>(module));
    by_module_[&module] = layouts_.back().get();
  }
}

Status SqliteBackend::read_sequences() {
  Connection& db = *writer_;
  for (const auto& layout : layouts_) {
    auto statement = db.prepare("SELECT max(\"id\") FROM " + layout->table);
    if (!statement) return std::move(statement).error();
    if (sqlite3_step(statement->get()) != SQLITE_ROW) return db.error("reading ids of " + layout->module->name);
    ids_.note(*layout->module, static_cast<std::uint64_t>(sqlite3_column_int64(statement->get(), 0)));
  }
  return Ok{};
}

const TableLayout* SqliteBackend::layout_for(const ModuleDef& module) const {
  if (const auto it = by_module_.find(&module); it != by_module_.end()) return it->second;
  // The same module from another copy of the schema: find it by name.
  const ModuleDef* own = schema_->find_module(module.name);
  const auto again = own == nullptr ? by_module_.end() : by_module_.find(own);
  return again == by_module_.end() ? nullptr : again->second;
}

SqliteBackend::Lease SqliteBackend::acquire() const {
  if (transaction_depth_ > 0 && transaction_owner_ == std::this_thread::get_id()) {
    return Lease(this, nullptr, writer_.get());
  }
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto connection = std::move(pool_.back());
      pool_.pop_back();
      return Lease(this, std::move(connection), nullptr);
    }
  }
  auto connection = Connection::open(path_, {read_only_, false});
  if (!connection) {
    Lease lease(this, nullptr, nullptr);
    lease.error = std::move(connection).error();
    return lease;
  }
  return Lease(this, std::move(*connection), nullptr);
}

void SqliteBackend::release(std::unique_ptr<Connection> connection) const {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(connection));
}

// The spec's statement, compiled once per prepared query: its SQL text and parameters do not change between runs.
Result<std::shared_ptr<const SqlQuery>> SqliteBackend::compile(const TableLayout& layout, const ScanSpec& spec,
                                                               bool count) const {
  const auto build = [&]() -> Result<std::shared_ptr<const SqlQuery>> {
    auto built =
        count ? build_count(layout, spec, max_parameters_) : build_select(layout, spec, max_parameters_, *schema_);
    if (!built) return std::move(built).error();
    static std::atomic<std::uint64_t> next_key{0};
    if (spec.compiled) built->key = ++next_key;  // a query compiled for one run keeps no statement by key
    if (!count) {
      for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        ColumnDecoder decoder =
            column_decoder(layout.module->fields[static_cast<std::size_t>(spec.columns[i])], layout.id_prefix);
        decoder.prefixed = built->prefixed[i] != 0;
        decoder.resolved = built->resolved[i] != 0;
        built->decoders.push_back(decoder);
      }
    }
    return std::make_shared<const SqlQuery>(std::move(*built));
  };
  if (spec.compiled == nullptr) return build();
  return spec.compiled->get_or_compile<SqlQuery>(this, build);
}

Result<std::unique_ptr<Cursor>> SqliteBackend::scan(const ScanSpec& spec) const {
  const TableLayout* layout = layout_for(*spec.module);
  if (layout == nullptr) return Error::database("no table for module " + spec.module->name);
  auto query = compile(*layout, spec, false);
  if (!query) return std::move(query).error();
  Lease lease = acquire();
  if (!lease) return *lease.error;
  auto statement = lease->prepare((*query)->key, (*query)->sql);
  if (!statement) return std::move(statement).error();
  if ((*query)->bind(statement->get()) != SQLITE_OK) return lease->error("binding the query's values");
  return std::unique_ptr<Cursor>(
      std::make_unique<SqliteCursor>(std::move(lease), std::move(*statement), std::move(*query), *layout));
}

std::string SqliteBackend::explain(const ScanSpec& spec, bool count) const {
  const TableLayout* layout = layout_for(*spec.module);
  if (layout == nullptr) return {};
  auto query = compile(*layout, spec, count);
  if (!query) return "SQL: " + query.error().message + "\n";
  return "SQL: " + (*query)->sql + "\n";
}

Result<std::uint64_t> SqliteBackend::count(const ScanSpec& spec) const {
  const TableLayout* layout = layout_for(*spec.module);
  if (layout == nullptr) return Error::database("no table for module " + spec.module->name);
  auto query = compile(*layout, spec, true);
  if (!query) return std::move(query).error();
  Lease lease = acquire();
  if (!lease) return *lease.error;
  auto statement = lease->prepare((*query)->key, (*query)->sql);
  if (!statement) return std::move(statement).error();
  Result<std::uint64_t> result = std::uint64_t{0};
  if ((*query)->bind(statement->get()) != SQLITE_OK) {
    result = lease->error("binding the query's values");
  } else {
    const DeadlineWatch watch(*lease);
    const int rc = sqlite3_step(statement->get());
    if (rc == SQLITE_ROW) {
      result = static_cast<std::uint64_t>(sqlite3_column_int64(statement->get(), 0));
    } else if (rc == SQLITE_INTERRUPT) {
      result = deadline_error();
    } else {
      result = lease->error("counting " + spec.module->name);
    }
  }
  lease->recycle((*query)->key, (*query)->sql, std::move(*statement));
  return result;
}

bool SqliteBackend::exists(const ModuleDef& module, std::uint64_t id) const {
  const TableLayout* layout = layout_for(module);
  if (layout == nullptr || id > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
  Lease lease = acquire();
  if (!lease) return false;
  const std::string sql = "SELECT 1 FROM " + layout->table + " WHERE \"id\" = ? AND " + kStateColumn + " = 0";
  auto statement = lease->prepare(sql);
  if (!statement) return false;
  sqlite3_bind_int64(statement->get(), 1, static_cast<std::int64_t>(id));
  const bool found = sqlite3_step(statement->get()) == SQLITE_ROW;
  lease->recycle(sql, std::move(*statement));
  return found;
}

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
