// Import throughput: N Contacts rows of an in-memory CSV into a new SQLite file, and the same rows read and checked
// without storage (what the import adds to the backend's inserts).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "engine/internal.hpp"
#include "engine/storage/backend.hpp"
#include "vtql/exchange.hpp"

namespace {

namespace fs = std::filesystem;

// Contacts rows of a realistic width: names, contact data, an owner, a date, a boolean, a picklist value and a
// quoted description with a comma and doubled quotes; with `ids`, an id column first.
std::string contacts_csv(std::int64_t rows, bool ids) {
  std::string out = ids ? "id," : "";
  out +=
      "lastname,firstname,email,phone,assigned_user_id,mailingcity,mailingcountry,birthday,donotcall,leadsource,"
      "title,department,description\n";
  char line[512];
  for (std::int64_t i = 1; i <= rows; ++i) {
    if (ids) out += "12x" + std::to_string(i) + ",";
    std::snprintf(
        line, sizeof line,
        "Lastname%lld,First%lld,user%lld@example.com,+41 44 %07lld,19x1,City %lld,Switzerland,"
        "19%02lld-%02lld-%02lld,%lld,Web Site,Engineer,Sales,\"Met at the fair, asked for \"\"pricing\"\"\"\n",
        static_cast<long long>(i), static_cast<long long>(i % 977), static_cast<long long>(i),
        static_cast<long long>(i), static_cast<long long>(i % 500), static_cast<long long>(50 + i % 50),
        static_cast<long long>(1 + i % 12), static_cast<long long>(1 + i % 28), static_cast<long long>(i % 2));
    out += line;
  }
  return out;
}

void import_into_sqlite_file(benchmark::State& state) {
  const std::int64_t rows = state.range(0);
  const std::string csv = contacts_csv(rows, state.range(1) != 0);
  const fs::path dir = fs::temp_directory_path() / ("vtql-import-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "import.db").string();
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    vtql::OpenOptions open;
    open.create_if_missing = true;
    auto database = vtql::Database::open(path, open);
    if (!database) {
      state.SkipWithError(database.error().message.c_str());
      break;
    }
    std::istringstream in(csv);
    state.ResumeTiming();
    auto report = vtql::import_records(**database, "Contacts", in);
    if (!report || report->imported != static_cast<std::uint64_t>(rows)) {
      state.SkipWithError(report ? "rows were refused" : report.error().message.c_str());
      break;
    }
  }
  fs::remove_all(dir);
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(csv.size()));
}
BENCHMARK(import_into_sqlite_file)
    ->ArgNames({"rows", "ids"})
    ->Args({100'000, 0})
    ->Args({100'000, 1})
    ->Args({300'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// A backend that keeps nothing: what remains is reading, checking and typing the rows.
class DiscardingBackend final : public vtql::storage::Backend, public vtql::storage::Writer {
 public:
  std::string_view name() const noexcept override { return "discarding"; }
  vtql::storage::Capabilities capabilities() const noexcept override { return {}; }
  vtql::Result<std::unique_ptr<vtql::storage::Cursor>> scan(const vtql::storage::ScanSpec&) const override {
    return vtql::Error::internal("nothing stored");
  }
  vtql::Result<std::uint64_t> count(const vtql::storage::ScanSpec&) const override { return std::uint64_t{0}; }
  bool exists(const vtql::ModuleDef&, std::uint64_t) const override { return false; }
  Writer* writer() noexcept override { return this; }
  vtql::Status transaction(const std::function<vtql::Status()>& writes) override { return writes(); }
  // Claims to roll back, so that the import takes its streaming path (rows written as they are checked).
  bool rolls_back() const noexcept override { return true; }
  vtql::Result<std::uint64_t> insert(const vtql::ModuleDef&, const vtql::storage::Record& record) override {
    benchmark::DoNotOptimize(record.data());
    return ++next_;
  }
  vtql::Status insert_with_id(const vtql::ModuleDef&, std::uint64_t, const vtql::storage::Record& record) override {
    benchmark::DoNotOptimize(record.data());
    return vtql::Ok{};
  }
  vtql::Status update(const vtql::ModuleDef&, std::uint64_t, const vtql::storage::Record&) override {
    return vtql::Ok{};
  }
  vtql::Status retire(const vtql::ModuleDef&, std::uint64_t, vtql::catalog::RecordState) override { return vtql::Ok{}; }
  vtql::Result<std::vector<vtql::storage::Change>> changes_since(std::string_view,
                                                                 vtql::types::DateTime) const override {
    return std::vector<vtql::storage::Change>{};
  }

 private:
  std::uint64_t next_ = 0;
};

void read_and_check_only(benchmark::State& state) {
  const std::int64_t rows = state.range(0);
  const std::string csv = contacts_csv(rows, false);
  auto database = vtql::Internals::database(vtql::Schema::builtin(), std::make_unique<DiscardingBackend>());
  for (auto _ : state) {
    std::istringstream in(csv);
    auto report = vtql::import_records(*database, "Contacts", in);
    if (!report || report->imported != static_cast<std::uint64_t>(rows)) {
      state.SkipWithError("rows were refused");
      break;
    }
  }
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(csv.size()));
}
BENCHMARK(read_and_check_only)->ArgName("rows")->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
