// SQLite connections with vtql's functions, a statement cache per connection, and SQLite errors as vtql errors.
#include "engine/storage/sqlite/connection.hpp"

#include <utility>

#include "engine/storage/sqlite/functions.hpp"

namespace vtql::storage::sqlite {
namespace {

// Statements kept per connection; a workload rarely has more shapes than this.
constexpr std::size_t kCacheSize = 128;

}  // namespace

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  for (auto& [key, stmt] : keyed_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, OpenMode mode) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  flags |= mode.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (mode.create && !mode.read_only) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = Error::io("cannot open the database " + path + ": " +
                            (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db);
    return error;
  }
  std::unique_ptr<Connection> connection(new Connection(db));
  sqlite3_extended_result_codes(db, 1);
  // A double-quoted name is always a name: with SQLite's legacy reading, "lastname" would become the string
  // 'lastname' for every row once the column is gone or renamed, instead of failing.
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  // Writers wait for each other instead of failing at once; readers never wait in WAL mode.
  sqlite3_busy_timeout(db, 10'000);
  if (auto status = register_functions(db); !status) return std::move(status).error();
  // Reads go through a memory map of the file (shared by all connections) and a larger page cache.
  if (auto status = connection->exec("PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384"); !status) {
    return Error::io("cannot open the database " + path + ": " + status.error().message);
  }
  return connection;
}

Status Connection::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = Error::database(message != nullptr ? message : sqlite3_errmsg(db_));
    sqlite3_free(message);
    return error;
  }
  return Ok{};
}

Result<Statement> Connection::prepare(const std::string& sql) {
  if (const auto it = cache_.find(sql); it != cache_.end()) {
    Statement statement(it->second);
    cache_.erase(it);
    return statement;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK) {
    return error("preparing a statement");
  }
  return Statement(stmt);
}

void Connection::recycle(const std::string& sql, Statement statement) {
  sqlite3_stmt* stmt = statement.get();
  if (stmt == nullptr) return;
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (cache_.count(sql) != 0) return;  // `statement` finalizes it
  if (cache_.size() >= kCacheSize) {
    sqlite3_finalize(cache_.begin()->second);  // make room: any entry will do
    cache_.erase(cache_.begin());
  }
  cache_.emplace(sql, statement.release());
}

Result<Statement> Connection::prepare(std::uint64_t key, const std::string& sql) {
  if (key == 0) return prepare(sql);
  // A taken statement leaves its entry empty rather than erased, so that a query run again allocates nothing here.
  if (const auto it = keyed_.find(key); it != keyed_.end() && it->second != nullptr) {
    return Statement(std::exchange(it->second, nullptr));
  }
  return prepare(sql);
}

void Connection::recycle(std::uint64_t key, const std::string& sql, Statement statement) {
  if (key == 0) return recycle(sql, std::move(statement));
  sqlite3_stmt* stmt = statement.get();
  if (stmt == nullptr) return;
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);  // bound text points into the query, which may go before the statement
  auto it = keyed_.find(key);
  if (it != keyed_.end()) {
    if (it->second == nullptr) it->second = statement.release();  // else `statement` finalizes the second copy
    return;
  }
  if (keyed_.size() >= kCacheSize) {
    sqlite3_finalize(keyed_.begin()->second);  // make room: any entry will do (finalizing NULL is a no-op)
    keyed_.erase(keyed_.begin());
  }
  keyed_.emplace(key, statement.release());
}

Error Connection::error(std::string_view what) const { return sqlite_error(db_, what); }

Error sqlite_error(sqlite3* db, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : "no database";
  return Error::database(std::move(message));
}

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace vtql::storage::sqlite
