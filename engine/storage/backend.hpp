// The storage backend interface: what a backend can do (capabilities), scans with a spec, lookups, and writes.
//
// Thread-safety: a backend must allow concurrent scans and lookups; writes may exclude them (the memory backend
// takes a shared lock per scan and an exclusive lock per write).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/binder/bound_query.hpp"
#include "engine/types/value.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql::storage {

// What a backend evaluates itself; the planner adds operators for the rest.
struct Capabilities {
  bool filter = false;      // evaluates ScanSpec::filter
  bool order = false;       // returns rows in ScanSpec::order (ties by id ascending)
  bool limit = false;       // applies offset and limit (only requested together with order)
  bool count = false;       // answers count() for a filter
  bool references = false;  // resolves reference fields for output when ScanSpec::resolve_references
};

// One record: a value per field of its module, in describe order. On insert the `id` slot is ignored.
using Record = std::vector<types::Value>;

// A row of a scan: the values of ScanSpec::columns, in that order.
using Row = std::vector<types::Value>;

// The time by which the query running on this thread must finish. The executor sets it for the scans it starts;
// backends that run long (SQLite) stop there with deadline_error().
class QueryDeadline {
 public:
  using Clock = std::chrono::steady_clock;
  explicit QueryDeadline(Clock::time_point when) : previous_(current_) { current_ = when; }
  ~QueryDeadline() { current_ = previous_; }
  QueryDeadline(const QueryDeadline&) = delete;
  QueryDeadline& operator=(const QueryDeadline&) = delete;

  // Clock::time_point::max() when no query on this thread has a limit.
  static Clock::time_point current() noexcept { return current_; }
  static bool passed() noexcept { return current_ != Clock::time_point::max() && Clock::now() > current_; }

 private:
  Clock::time_point previous_;
  static thread_local inline Clock::time_point current_ = Clock::time_point::max();
};

inline Error deadline_error() {
  return Error{ErrorCode::kDatabaseQueryError,
               "the query ran past its time limit",
               {},
               "narrow the condition, or raise the limit (Settings::max_query_ms, --timeout)"};
}

// Where a backend keeps its compiled form of a scan spec (its SQL, say), so that a prepared query that runs again
// is not compiled again. `owner` says which backend compiled it.
struct CompiledSpec {
  std::mutex mutex;
  const void* owner = nullptr;
  std::shared_ptr<const void> value;
};

struct ScanSpec {
  const ModuleDef* module = nullptr;
  std::vector<int> columns;                   // field indexes to return
  const binder::BoundExpr* filter = nullptr;  // pushed down only when capabilities().filter
  std::vector<binder::BoundOrder> order;      // pushed down only when capabilities().order; ties by id
  std::uint64_t offset = 0;                   // pushed down only when capabilities().limit
  std::optional<std::uint64_t> limit;
  // Reference fields come back resolved for output, as the executor would resolve them with exists(): the id
  // with the prefix of the first module the field refers to that holds it live, or NULL when none does. Set by the
  // planner only for a backend with capabilities().references, when the rows go straight to the output.
  bool resolve_references = false;
  // Set by the planner; copies share it, so a spec is not changed once a backend has seen it. May be null.
  std::shared_ptr<CompiledSpec> compiled;
};

class Cursor {
 public:
  virtual ~Cursor() = default;
  // Fills `row` with the next row; false at the end, or when reading failed (see status()).
  virtual bool next(Row& row) = 0;
  // Why next() stopped early, once it has returned false; Ok at the real end.
  virtual Status status() const { return Ok{}; }
};

// A record changed or deleted since a time, for the webservice's sync operation.
struct Change {
  std::string module;
  std::uint64_t id = 0;
  bool deleted = false;
  types::DateTime modified;
};

class Backend {
 public:
  virtual ~Backend() = default;

  virtual std::string_view name() const noexcept = 0;
  virtual Capabilities capabilities() const noexcept = 0;

  // Rows of live records of spec.module (deleted records and converted leads are never returned).
  virtual Result<std::unique_ptr<Cursor>> scan(const ScanSpec& spec) const = 0;
  // The number of live records matching spec.filter. REQUIRES: capabilities().count
  virtual Result<std::uint64_t> count(const ScanSpec& spec) const = 0;

  // Whether `module` has a live record `id`. The original resolves a reference for output by probing each module
  // the field refers to in turn; so does the engine.
  virtual bool exists(const ModuleDef& module, std::uint64_t id) const = 0;

  // Writes. insert returns the new record's id; `modifiedtime` and `createdtime` are set by the caller. The
  // backend copies what it keeps: the caller's record is left as it was, to be reused.
  virtual Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) = 0;
  // Inserts with a given id (an import keeps the source's ids). Fails if the module already has that id.
  virtual Status insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) = 0;
  virtual Status update(const ModuleDef& module, std::uint64_t id, const Record& record) = 0;
  virtual Status remove(const ModuleDef& module, std::uint64_t id) = 0;
  // A converted lead stays stored but is never returned, as in the original (converted = 1).
  virtual Status mark_converted(const ModuleDef& module, std::uint64_t id) = 0;
  // Records of `module` (all modules when empty) modified or deleted after `since`, oldest first.
  virtual Result<std::vector<Change>> changes_since(std::string_view module, types::DateTime since) const = 0;

  // What the backend runs for a scan (or a count), for `vtql explain`: its SQL, say; empty when nothing to add.
  virtual std::string explain(const ScanSpec& spec, bool count) const {
    (void)spec;
    (void)count;
    return {};
  }

  // Runs `writes` (calls of the write methods above, on this thread) as one transaction where the backend has
  // them: when `writes` fails, none of its writes is kept. Backends without transactions just run it.
  virtual Status write_transaction(const std::function<Status()>& writes) { return writes(); }
};

}  // namespace vtql::storage
