// The storage interfaces: the read side every backend implements (capabilities, scans, counts, lookups) and the
// write side of a writable one (records in transactions, the change log).
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
#include "engine/catalog/record_rules.hpp"
#include "engine/types/value.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql::storage {

// What a backend evaluates itself; the planner adds operators for the rest. Name the flags where a backend states
// them: Capabilities{.filter = true, .count = true}.
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
  // The time `ms` milliseconds from now; no limit (Clock::time_point::max()) for 0.
  static Clock::time_point after_ms(std::uint32_t ms) noexcept {
    return ms == 0 ? Clock::time_point::max() : Clock::now() + std::chrono::milliseconds(ms);
  }
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
  return Error::database("the query ran past its time limit", {},
                         "narrow the condition, or raise the limit (Settings::max_query_ms, --timeout)");
}

class Backend;

// A backend's compiled form of a scan (its SQL statement, say): each backend derives its own.
class CompiledScan {
 public:
  virtual ~CompiledScan() = default;
};

// Where a prepared query keeps the compiled form of its scan, so that a query that runs again is not compiled
// again. Copies of a ScanSpec share it; the backend that compiles the spec first fills it.
class CompiledScanSlot {
 public:
  // The form `owner` compiled for the spec (T, the type that backend derives from CompiledScan), made by
  // `compile` (returning Result<std::shared_ptr<const T>>) the first time.
  template <typename T, typename Compile>
  Result<std::shared_ptr<const T>> get_or_compile(const Backend* owner, Compile&& compile) {
    std::lock_guard lock(mutex_);
    if (owner_ == owner && value_ != nullptr) return std::static_pointer_cast<const T>(value_);
    Result<std::shared_ptr<const T>> made = compile();
    if (made) {
      owner_ = owner;
      value_ = *made;
    }
    return made;
  }

 private:
  std::mutex mutex_;
  const Backend* owner_ = nullptr;  // only `owner_` reads value_, as its own type
  std::shared_ptr<const CompiledScan> value_;
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
  std::shared_ptr<CompiledScanSlot> compiled;
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

class Writer;

// The read side, which every backend implements: what it can evaluate, scans, counts, lookups and its plan.
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

  // What the backend runs for a scan (or a count), for `vtql explain`: its SQL, say; empty when nothing to add.
  virtual std::string explain(const ScanSpec& spec, bool count) const {
    (void)spec;
    (void)count;
    return {};
  }

  // The write side, or nullptr for a backend that cannot be written.
  virtual Writer* writer() noexcept { return nullptr; }
};

// The write side of a writable backend: records in and out, in transactions, and the change log sync reads. Record
// numbers come from catalog::IdAllocator and states are catalog::RecordState, so every backend numbers and retires
// records alike.
class Writer {
 public:
  virtual ~Writer() = default;

  // Runs `writes` (calls of the methods below, on this thread) as one transaction where the backend has them:
  // when `writes` fails, none of its writes is kept. Backends without transactions just run it.
  virtual Status transaction(const std::function<Status()>& writes) = 0;
  // Whether transaction() rolls back a failed `writes`.
  virtual bool rolls_back() const noexcept = 0;

  // Inserts a record and returns its new number; `modifiedtime` and `createdtime` are set by the caller. The
  // backend copies what it keeps: the caller's record is left as it was, to be reused.
  virtual Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) = 0;
  // Inserts with a given number (an import keeps the source's ids). Fails if the module already has it.
  virtual Status insert_with_id(const ModuleDef& module, std::uint64_t id, const Record& record) = 0;
  virtual Status update(const ModuleDef& module, std::uint64_t id, const Record& record) = 0;
  // Takes a live record out of every answer: deleted (reported to sync) or, for a lead, converted (kept stored,
  // never returned nor reported). REQUIRES: state is not kLive
  virtual Status retire(const ModuleDef& module, std::uint64_t id, catalog::RecordState state) = 0;

  // Records of `module` (all modules when empty) modified or deleted after `since`, oldest first.
  virtual Result<std::vector<Change>> changes_since(std::string_view module, types::DateTime since) const = 0;
};

}  // namespace vtql::storage
