// A backend that forwards to another but declares fewer capabilities, so that the engine's own operators (filter,
// sort, limit, count) do the work: tests run every query both ways and demand the same answer.
#pragma once

#include "engine/storage/backend.hpp"

namespace vtql::storage {

class LimitedBackend final : public Backend {
 public:
  LimitedBackend(Backend& target, Capabilities capabilities) : target_(target), capabilities_(capabilities) {}

  std::string_view name() const noexcept override { return "limited"; }
  Capabilities capabilities() const noexcept override { return capabilities_; }

  Result<std::unique_ptr<Cursor>> scan(const ScanSpec& spec) const override {
    // Only what was declared may arrive; the rest must have been planned into the engine's operators.
    if ((spec.filter != nullptr && !capabilities_.filter) || (!spec.order.empty() && !capabilities_.order) ||
        (spec.limit && !capabilities_.limit)) {
      return Error::internal("a scan asked the limited backend for more than its capabilities");
    }
    return target_.scan(spec);
  }
  Result<std::uint64_t> count(const ScanSpec& spec) const override {
    if (!capabilities_.count) return Error::internal("count asked of a backend that cannot count");
    return target_.count(spec);
  }
  bool exists(const ModuleDef& module, std::uint64_t id) const override { return target_.exists(module, id); }

  Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) override {
    return target_.insert(module, record);
  }
  Status insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) override {
    return target_.insert_with_id(module, id, record);
  }
  Status update(const ModuleDef& module, std::uint64_t id, const Record& record) override {
    return target_.update(module, id, record);
  }
  Status remove(const ModuleDef& module, std::uint64_t id) override { return target_.remove(module, id); }
  Status mark_converted(const ModuleDef& module, std::uint64_t id) override {
    return target_.mark_converted(module, id);
  }
  Result<std::vector<Change>> changes_since(std::string_view module, types::DateTime since) const override {
    return target_.changes_since(module, since);
  }
  std::string explain(const ScanSpec& spec, bool count) const override { return target_.explain(spec, count); }
  Status write_transaction(const std::function<Status()>& writes) override { return target_.write_transaction(writes); }

 private:
  Backend& target_;
  Capabilities capabilities_;
};

}  // namespace vtql::storage
