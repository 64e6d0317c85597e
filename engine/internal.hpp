// The engine's own view of the public objects: a database's backend, a query's bound tree and plan. Not part of
// the public API; the library, its tests and benchmarks use it.
#pragma once

#include <memory>

#include "engine/binder/bound_query.hpp"
#include "engine/planner/plan.hpp"
#include "engine/storage/backend.hpp"
#include "vtql/database.hpp"
#include "vtql/engine.hpp"

namespace vtql {

struct Internals {
  // A database over `backend`, which holds the records of `schema`'s modules.
  static std::shared_ptr<Database> database(std::shared_ptr<const Schema> schema,
                                            std::unique_ptr<storage::Backend> backend) {
    return std::shared_ptr<Database>(new Database(std::move(schema), std::move(backend)));
  }
  static storage::Backend& backend(const Database& database) noexcept { return *database.backend_; }
  // The backend's write side, or nullptr when it cannot be written.
  static storage::Writer* writer(const Database& database) noexcept { return database.backend_->writer(); }

  static const binder::BoundQuery& bound(const CheckedQuery& query) noexcept { return *query.bound_; }
  static const planner::Plan& plan(const PreparedQuery& query) noexcept { return *query.plan_; }
};

}  // namespace vtql
