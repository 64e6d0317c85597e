// What the SQLite backend's files share: the reader lease, the deadline watch, statements run to completion, the
// tables' DDL and the file's constants. Internal to engine/storage/sqlite/.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/storage/sqlite/connection.hpp"
#include "engine/storage/sqlite/sql_builder.hpp"
#include "engine/storage/sqlite/sqlite_backend.hpp"

namespace vtql::storage::sqlite {

// The value of vtql_meta's format entry in every vtql database file.
inline constexpr const char* kFormat = "vtql-sqlite-1";
inline constexpr int kPageSize = 32768;
// The most INSERT statements kept per table, one per set of fields given; past it, rows bind every field.
inline constexpr std::size_t kInsertShapes = 32;

Error no_record(const ModuleDef& module, std::uint64_t id);
Error wrong_width(const ModuleDef& module, std::size_t given);

// SQLite calls this every few thousand virtual machine steps; a nonzero answer interrupts the statement.
inline int past_deadline(void* deadline) {
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

// A name for a new in-memory database that the backend's connections share (SQLite's memdb VFS).
std::string memory_path();

// CREATE TABLE for a module's table: a column per field, a prefix column where one is needed, the state column.
std::string create_table_sql(const ModuleDef& module);

// Indexes for what clients look records up by: references (a contact's account) and modifiedtime (sync, lists).
struct SecondaryIndex {
  std::string name;  // quoted
  std::string create_sql;
};
std::vector<SecondaryIndex> secondary_indexes(const ModuleDef& module);
std::vector<std::string> index_sql(const ModuleDef& module);

// Runs a statement that returns nothing (or whose rows are ignored) to completion.
Status run(Connection& connection, const std::string& sql, const std::vector<SqlValue>& values);

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

}  // namespace vtql::storage::sqlite
