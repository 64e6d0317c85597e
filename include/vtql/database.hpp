// A database: the records of a schema's modules in a storage backend, in memory or in a SQLite file.
//
// Thread-safety: queries may run concurrently; writes exclude them. Share a Database as std::shared_ptr.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql {

struct Internals;
namespace storage {
class Backend;
}

struct DemoOptions {
  std::uint64_t scale = 1000;  // records across the modules, roughly
  std::uint64_t seed = 1;      // the same scale and seed always give the same data
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // may be empty
};

struct OpenOptions {
  bool read_only = false;          // never write to the file (queries, describe)
  bool create_if_missing = false;  // create a new database when there is no file
  // The schema of a new file (the built-in one when null). For an existing file, modules to add to it, or to
  // give more fields; a field that exists keeps how it is stored.
  std::shared_ptr<const Schema> schema;
};

class Database {
 public:
  // Opens the SQLite database file at `path`, which keeps its schema with its records; ":memory:" is a SQLite
  // database that lives as long as the Database. Errors: IO_ERROR when the file cannot be opened or is not a
  // vtql database, INVALID_METADATA when a schema cannot be used.
  static Result<std::shared_ptr<Database>> open(const std::string& path, const OpenOptions& options = {});
  // An empty database holding the schema's modules, in memory.
  static std::shared_ptr<Database> in_memory(std::shared_ptr<const Schema> schema);
  // The demo CRM generated into memory: accounts, contacts, leads, tickets, ... with connected references.
  static Result<std::shared_ptr<Database>> demo(std::shared_ptr<const Schema> schema, const DemoOptions& options);

  // Writes the demo CRM into this database in one transaction. REQUIRES: the database holds no records.
  Status generate_demo(const DemoOptions& options);
  // A new in-memory database with this one's schema and live records.
  Result<std::shared_ptr<Database>> copy_to_memory() const;

  const std::shared_ptr<const Schema>& schema() const noexcept { return schema_; }

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

 private:
  friend struct Internals;
  Database(std::shared_ptr<const Schema> schema, std::unique_ptr<storage::Backend> backend);
  Result<std::shared_ptr<Database>> copy_records() const;

  std::shared_ptr<const Schema> schema_;
  std::unique_ptr<storage::Backend> backend_;
};

}  // namespace vtql
