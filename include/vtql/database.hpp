// A database: the records of a schema's modules in a storage backend (in memory today).
//
// Thread-safety: queries may run concurrently; writes exclude them. Share a Database as std::shared_ptr.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql {

namespace storage {
class Backend;
}

struct DemoOptions {
  std::uint64_t scale = 1000;  // records across the modules, roughly
  std::uint64_t seed = 1;      // the same scale and seed always give the same data
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // may be empty
};

class Database {
 public:
  // An empty database holding the schema's modules, in memory.
  static std::shared_ptr<Database> in_memory(std::shared_ptr<const Schema> schema);
  // The demo CRM generated into memory: accounts, contacts, leads, tickets, ... with connected references.
  static Result<std::shared_ptr<Database>> demo(std::shared_ptr<const Schema> schema, const DemoOptions& options);

  const std::shared_ptr<const Schema>& schema() const noexcept { return schema_; }
  storage::Backend& backend() const noexcept { return *backend_; }

  Database(std::shared_ptr<const Schema> schema, std::unique_ptr<storage::Backend> backend);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

 private:
  std::shared_ptr<const Schema> schema_;
  std::unique_ptr<storage::Backend> backend_;
};

}  // namespace vtql
