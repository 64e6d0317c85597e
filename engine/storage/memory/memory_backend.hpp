// The in-memory columnar backend: the reference implementation that every other backend is compared with.
#pragma once

#include <memory>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "engine/storage/backend.hpp"
#include "engine/storage/memory/column.hpp"

namespace vtql::storage {

class MemoryBackend final : public Backend, public Writer {
 public:
  explicit MemoryBackend(std::shared_ptr<const Schema> schema);
  ~MemoryBackend() override;

  std::string_view name() const noexcept override { return "memory"; }
  Capabilities capabilities() const noexcept override {
    return Capabilities{.filter = true, .order = true, .limit = true, .count = true};
  }

  Result<std::unique_ptr<Cursor>> scan(const ScanSpec& spec) const override;
  Result<std::uint64_t> count(const ScanSpec& spec) const override;
  bool exists(const ModuleDef& module, std::uint64_t id) const override;
  Writer* writer() noexcept override { return this; }

  // The memory backend has no transactions: `writes` just runs.
  Status transaction(const std::function<Status()>& writes) override { return writes(); }
  bool rolls_back() const noexcept override { return false; }

  Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) override;
  Status update(const ModuleDef& module, std::uint64_t id, const Record& record) override;
  Status retire(const ModuleDef& module, std::uint64_t id, catalog::RecordState state) override;
  Result<std::vector<Change>> changes_since(std::string_view module, types::DateTime since) const override;

  Status insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) override;

  // Bytes held by the stored data and its indexes (capacity included): every table's columns, ids, live bits and
  // id index, and the record of deletions.
  std::size_t memory_bytes() const;
  // The same for one module's table; 0 for a module the backend does not hold.
  std::size_t memory_bytes(std::string_view module) const;

  struct Table;

 private:
  Table* table_for(const ModuleDef& module) const;

  std::shared_ptr<const Schema> schema_;
  std::vector<std::unique_ptr<Table>> tables_;  // one per schema module, same order
  std::unordered_map<const ModuleDef*, Table*> by_module_;
  catalog::IdAllocator ids_;
  std::vector<Change> deletions_;
  mutable std::shared_mutex mutex_;
};

}  // namespace vtql::storage
