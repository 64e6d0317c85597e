// The in-memory columnar backend: the reference implementation that every other backend is compared with.
#pragma once

#include <memory>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "engine/storage/backend.hpp"
#include "engine/storage/memory/column.hpp"

namespace vtql::storage {

class MemoryBackend final : public Backend {
 public:
  explicit MemoryBackend(std::shared_ptr<const Schema> schema);
  ~MemoryBackend() override;

  std::string_view name() const noexcept override { return "memory"; }
  Capabilities capabilities() const noexcept override { return {true, true, true, true}; }

  Result<std::unique_ptr<Cursor>> scan(const ScanSpec& spec) const override;
  Result<std::uint64_t> count(const ScanSpec& spec) const override;
  bool exists(const ModuleDef& module, std::uint64_t id) const override;

  Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) override;
  Status update(const ModuleDef& module, std::uint64_t id, const Record& record) override;
  Status remove(const ModuleDef& module, std::uint64_t id) override;
  Status mark_converted(const ModuleDef& module, std::uint64_t id) override;
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
  std::uint64_t next_id(const ModuleDef& module);
  Status retire(const ModuleDef& module, std::uint64_t id, bool deleted);

  std::shared_ptr<const Schema> schema_;
  std::vector<std::unique_ptr<Table>> tables_;  // one per schema module, same order
  std::unordered_map<const ModuleDef*, Table*> by_module_;
  // Entity records share one id sequence, as vtiger_crmentity's crmid; users and groups share another.
  std::uint64_t next_entity_id_ = 1;
  std::uint64_t next_actor_id_ = 1;
  std::vector<Change> deletions_;
  mutable std::shared_mutex mutex_;
};

}  // namespace vtql::storage
