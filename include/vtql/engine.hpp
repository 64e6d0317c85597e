// vtql's facade: an Engine holds a database (its schema and records) and settings; it checks queries against the
// schema, plans them for the database's backend and runs them.
//
// Thread-safety: an Engine is immutable after construction; every method may be called from many threads at once.
// No method throws: every failure, running out of memory included, is an Error value.
// CheckedQuery is an immutable value that shares its state; copies are cheap and may cross threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vtql/ast.hpp"
#include "vtql/database.hpp"
#include "vtql/result.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql {

struct Settings {
  // The most rows a query returns: no LIMIT means this many, a larger LIMIT count is lowered to it. 0: no cap.
  std::uint64_t max_rows = 100;
  // Resource limits: a query over one of them is a QUERY_SYNTAX_ERROR that names the limit.
  std::uint32_t max_query_bytes = 1 << 20;
  std::uint32_t max_predicates = 10'000;
  std::uint32_t max_in_values = 100'000;
  std::uint32_t max_order_terms = 1'000;  // fields in ORDER BY (SQLite takes at most 2,000 terms)
  // Warnings check() lists; past them, one last warning says how many more there were.
  std::uint32_t max_warnings = 100;
  // Prepared queries Engine::query keeps, by their exact text, so that a query sent again skips parsing, binding
  // and planning (clients repeat their list views and sync polls). 0: none.
  std::uint32_t plan_cache = 512;
  // How long one query may run, in milliseconds, before it stops with DATABASE_QUERY_ERROR (0: no limit). SQLite
  // checks it while it steps; the engine's own operators check it every few thousand rows.
  std::uint32_t max_query_ms = 60'000;
};

struct Internals;
namespace binder {
struct BoundQuery;
}
class PlanCache;
namespace planner {
struct Plan;
}

// A query that parsed and type-checked: its syntax tree, the module it reads, warnings, and its effective shape.
class CheckedQuery {
 public:
  std::string_view text() const noexcept;
  const ast::SelectStatement& syntax() const noexcept;
  const ModuleDef& module() const noexcept;
  const std::vector<Warning>& warnings() const noexcept;
  // The result columns in order (`id` last unless named), or {"count"} for COUNT(*).
  std::vector<std::string> columns() const;
  bool is_count() const noexcept;
  std::uint64_t offset() const noexcept;
  std::optional<std::uint64_t> count() const noexcept;  // after the row cap; nullopt when unlimited

  // The query in the conformance form: {"module","columns","where","logic","order_by","direction","limit"}.
  std::string parsed_json() const;

 private:
  friend struct Internals;
  friend class Engine;
  explicit CheckedQuery(std::shared_ptr<const binder::BoundQuery> bound) : bound_(std::move(bound)) {}

  std::shared_ptr<const binder::BoundQuery> bound_;
};

// A checked query with its plan for the engine's database: run it any number of times.
class PreparedQuery {
 public:
  const CheckedQuery& checked() const noexcept { return checked_; }

 private:
  friend struct Internals;
  friend class Engine;
  PreparedQuery(CheckedQuery checked, std::shared_ptr<const planner::Plan> plan)
      : checked_(std::move(checked)), plan_(std::move(plan)) {}

  CheckedQuery checked_;
  std::shared_ptr<const planner::Plan> plan_;
};

class Engine {
 public:
  // The built-in standard schema over an empty in-memory database, with default settings.
  Engine();
  // The schema over an empty in-memory database.
  explicit Engine(std::shared_ptr<const Schema> schema, Settings settings = {});
  // The database's schema and records.
  explicit Engine(std::shared_ptr<Database> database, Settings settings = {});

  // Parses and type-checks one query. Errors carry the webservice code and the span of the fault.
  Result<CheckedQuery> check(std::string_view query) const;
  // check, then plan the query for the database's backend.
  Result<PreparedQuery> prepare(std::string_view query) const;
  // Runs a prepared query. A storage failure is DATABASE_QUERY_ERROR.
  Result<ResultSet> execute(const PreparedQuery& prepared) const;
  // prepare, then execute.
  Result<ResultSet> query(std::string_view query) const;
  // execute and query with the rows handed to `sink` one at a time (see RowSink) instead of kept. Errors as
  // theirs; on an error after the first row the sink has taken part of the result, which the caller discards.
  Status stream(const PreparedQuery& prepared, RowSink& sink) const;
  Status stream(std::string_view query, RowSink& sink) const;
  // The plan of a query as an indented tree, root first.
  Result<std::string> explain(std::string_view query) const;

  const Schema& schema() const noexcept { return *schema_; }
  const Settings& settings() const noexcept { return settings_; }
  const std::shared_ptr<Database>& database() const noexcept { return database_; }

 private:
  // The query's prepared form: from the plan cache, or prepared (and kept there).
  Result<std::shared_ptr<const PreparedQuery>> prepared_for(std::string_view query) const;

  std::shared_ptr<const Schema> schema_;
  std::shared_ptr<Database> database_;
  Settings settings_;
  std::shared_ptr<PlanCache> plans_;  // null when settings_.plan_cache is 0
};

// Parses one query without a schema: syntax only.
Result<ast::SelectStatement> parse(std::string_view query, const Settings& settings = {});

}  // namespace vtql
