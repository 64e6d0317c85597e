// A backend that forwards its reads to another but declares fewer capabilities, so that the engine's own operators
// (filter, sort, limit, count) do the work: tests run every query both ways and demand the same answer.
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

  std::string explain(const ScanSpec& spec, bool count) const override { return target_.explain(spec, count); }
  Writer* writer() noexcept override { return target_.writer(); }

 private:
  Backend& target_;
  Capabilities capabilities_;
};

}  // namespace vtql::storage
