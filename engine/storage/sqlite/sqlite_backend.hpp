// The SQLite backend: one database file holds the modules' records and their describe metadata.
//
// Each module is a table named after it, a column per field (value_codec.hpp says how values are stored), plus a
// state column (live, deleted, converted). Queries are pushed down whole, as one statement whose values are all
// bound parameters, with vtql's collation and LIKE registered so that answers equal the memory backend's.
//
// Thread-safety: scans and lookups may run concurrently, each on a connection from a pool (WAL mode lets them
// read while a write is in progress); writes are serialised on one writer connection.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "engine/storage/backend.hpp"
#include "engine/storage/sqlite/connection.hpp"

namespace vtql::storage::sqlite {

struct TableLayout;
struct SqlQuery;

struct SqliteOptions {
  bool read_only = false;
  bool create_if_missing = false;
  // The schema of a new file (the built-in one when null). For an existing file, modules to add, or to replace
  // with more fields (the fields of an existing module may be added to but not change how they are stored).
  std::shared_ptr<const Schema> schema;
};

class SqliteBackend final : public Backend, public Writer {
 public:
  // Opens (or creates) the database file at `path`; ":memory:" is a new database that lives as long as the
  // backend. Errors: IO_ERROR when the file cannot be opened or is not a vtql database, INVALID_METADATA when
  // its metadata or the given schema cannot be used.
  static Result<std::unique_ptr<SqliteBackend>> open(const std::string& path, const SqliteOptions& options);
  ~SqliteBackend() override;

  // The schema stored in the file (with the options' modules merged in).
  const std::shared_ptr<const Schema>& schema() const noexcept { return schema_; }

  std::string_view name() const noexcept override { return "sqlite"; }
  Capabilities capabilities() const noexcept override {
    return Capabilities{.filter = true, .order = true, .limit = true, .count = true, .references = true};
  }

  Result<std::unique_ptr<Cursor>> scan(const ScanSpec& spec) const override;
  Result<std::uint64_t> count(const ScanSpec& spec) const override;
  bool exists(const ModuleDef& module, std::uint64_t id) const override;
  std::string explain(const ScanSpec& spec, bool count) const override;
  Writer* writer() noexcept override { return this; }

  Status transaction(const std::function<Status()>& writes) override;
  bool rolls_back() const noexcept override { return true; }

  Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) override;
  Status insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) override;
  Status update(const ModuleDef& module, std::uint64_t id, const Record& record) override;
  Status retire(const ModuleDef& module, std::uint64_t id, catalog::RecordState state) override;
  Result<std::vector<Change>> changes_since(std::string_view module, types::DateTime since) const override;

  // A connection for reading, given back when the lease ends. Public for the cursor.
  class Lease;

 private:
  SqliteBackend(std::string path, bool read_only);

  Status create_tables(const Schema& schema);
  Status load_schema(const SqliteOptions& options);
  Status store_schema(const Schema& schema);
  Status extend_tables(const Schema& old_schema, const Schema& overlay);
  void build_layouts();
  Status read_sequences();

  const TableLayout* layout_for(const ModuleDef& module) const;
  Result<std::shared_ptr<const SqlQuery>> compile(const TableLayout& layout, const ScanSpec& spec, bool count) const;
  Lease acquire() const;
  void release(std::unique_ptr<Connection> connection) const;
  // Runs `body` inside the current write transaction, or in one of its own.
  Status write(const std::function<Status()>& body);
  // Bulk loads inside a write transaction (see note_insert).
  Status note_insert(const TableLayout& layout);
  Status rebuild_deferred_indexes();

  std::string path_;
  bool read_only_ = false;
  std::shared_ptr<const Schema> schema_;
  std::vector<std::unique_ptr<TableLayout>> layouts_;  // per module of schema_, same order
  std::unordered_map<const ModuleDef*, const TableLayout*> by_module_;
  int max_parameters_ = 999;

  std::unique_ptr<Connection> writer_;
  // The writer's INSERTs per table, by the fields they name ('1' per field given, in describe order).
  struct InsertStatements {
    std::unordered_map<std::string, Statement> by_fields;
  };
  std::unordered_map<const TableLayout*, InsertStatements> inserts_;
  std::string insert_mask_;
  std::recursive_mutex writer_mutex_;
  // Read by acquire() on any thread: a thread inside a write transaction reads through the writer.
  std::atomic<std::thread::id> transaction_owner_{};
  std::atomic<int> transaction_depth_{0};
  struct BulkLoad {
    static constexpr std::uint64_t kBulkCheck = 4096;
    std::uint64_t inserted = 0;  // by the current transaction
    std::uint64_t next_check = kBulkCheck;
    bool deferred = false;  // the table's secondary indexes are dropped until the commit
  };
  std::unordered_map<const TableLayout*, BulkLoad> bulk_loads_;
  catalog::IdAllocator ids_;

  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Connection>> pool_;
};

}  // namespace vtql::storage::sqlite
