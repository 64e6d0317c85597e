// Thin RAII wrappers over SQLite's C API: a connection with vtql's collation and functions, and cached statements.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vtql/status.hpp"

namespace vtql::storage::sqlite {

// The collation SQLite knows vtql's text comparison by (MySQL's utf8_general_ci, engine/types/collation.hpp).
inline constexpr const char* kCollation = "vtql";

// A prepared statement, reset and unbound when it goes back to its connection's cache.
class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite3_stmt* get() const noexcept { return stmt_; }
  sqlite3_stmt* release() noexcept {
    sqlite3_stmt* s = stmt_;
    stmt_ = nullptr;
    return s;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

struct OpenMode {
  bool read_only = false;
  bool create = false;
};

// One connection. Not thread-safe: a connection is used by one thread at a time (see SqliteBackend's pool).
class Connection {
 public:
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Opens `path` (":memory:" for a private in-memory database; "file:...?vfs=memdb" URIs are shared within the
  // process) and registers the collation and functions of functions.hpp.
  static Result<std::unique_ptr<Connection>> open(const std::string& path, OpenMode mode);

  sqlite3* handle() const noexcept { return db_; }

  // Runs SQL with no parameters and no result rows (DDL, PRAGMA, BEGIN/COMMIT).
  Status exec(std::string_view sql);

  // A statement for `sql`, from the connection's cache when it was prepared before. Give it back with
  // recycle() when done so that the next query of the same shape skips preparing.
  Result<Statement> prepare(const std::string& sql);
  void recycle(const std::string& sql, Statement statement);
  // The same for a compiled query known by a key that is never reused for other SQL (SqlQuery::key): no text to
  // hash or copy on the way. Key 0 is no key: the text is.
  Result<Statement> prepare(std::uint64_t key, const std::string& sql);
  void recycle(std::uint64_t key, const std::string& sql, Statement statement);

  // The error of the last failed call on this connection, as a DATABASE_QUERY_ERROR.
  Error error(std::string_view what) const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::unordered_map<std::uint64_t, sqlite3_stmt*> keyed_;
};

// A DATABASE_QUERY_ERROR with SQLite's message.
Error sqlite_error(sqlite3* db, std::string_view what);

// `name` as an SQL identifier: in double quotes, inner quotes doubled.
std::string quote_identifier(std::string_view name);

}  // namespace vtql::storage::sqlite
