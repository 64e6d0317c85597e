// Queries through vtql's SQLite backend against SQLite running the very statement the backend generates, over
// the demo CRM in a database file: the difference is vtql's overhead (parse, bind, plan, SQL, result strings).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <stdexcept>

#include <sqlite3.h>

#include "engine/internal.hpp"
#include "engine/planner/plan.hpp"
#include "engine/storage/sqlite/functions.hpp"
#include "engine/storage/sqlite/sql_builder.hpp"
#include "vtql/engine.hpp"

namespace vtql {
namespace {

struct Shape {
  const char* name;
  std::string query;
};

std::vector<Shape> shapes(std::uint64_t some_id) {
  const std::string id = std::to_string(some_id);
  return {
      {"filter_order_limit",
       "SELECT firstname, lastname, email FROM Contacts WHERE mailingcity = 'Zürich' ORDER BY lastname LIMIT 100;"},
      {"count_two_predicates", "SELECT count(*) FROM Contacts WHERE leadsource = 'Partner' AND donotcall = 1;"},
      {"in_list",
       "SELECT lastname FROM Contacts WHERE mailingcity IN ('Zürich', 'Paris', 'Praha') ORDER BY lastname LIMIT 100;"},
      {"like_substring", "SELECT lastname, email FROM Contacts WHERE email LIKE '%gmail%' LIMIT 100;"},
      {"point_lookup", "SELECT * FROM Contacts WHERE id = '12x" + id + "';"},
      {"list_view", "SELECT firstname, lastname, modifiedtime FROM Contacts ORDER BY modifiedtime DESC LIMIT 20;"},
  };
}

// The demo CRM written into a SQLite file once per size, about `contacts` Contacts records.
struct Fixture {
  std::string path;
  std::shared_ptr<Database> database;
  std::uint64_t some_id = 0;
};

const Fixture& fixture(std::int64_t contacts) {
  static std::map<std::int64_t, Fixture> made;
  auto it = made.find(contacts);
  if (it != made.end()) return it->second;
  Fixture f;
  f.path = (std::filesystem::temp_directory_path() /
            ("vtql-sqlite-bench-" + std::to_string(::getpid()) + "-" + std::to_string(contacts) + ".db"))
               .string();
  std::filesystem::remove(f.path);
  OpenOptions options;
  options.create_if_missing = true;
  auto database = Database::open(f.path, options);
  if (!database) throw std::runtime_error(database.error().message);
  DemoOptions demo;
  demo.scale = static_cast<std::uint64_t>(contacts) * 100 / 35;  // Contacts are about 35% of the demo
  demo.seed = 1;
  if (auto status = (*database)->generate_demo(demo); !status) throw std::runtime_error(status.error().message);
  f.database = *database;
  auto middle = Engine(f.database).query("SELECT id FROM Contacts ORDER BY lastname LIMIT 1;");
  if (!middle || middle->rows.empty()) throw std::runtime_error("no contacts");
  f.some_id = std::stoull(middle->rows[0][0]->substr(middle->rows[0][0]->find('x') + 1));
  return made.emplace(contacts, std::move(f)).first->second;
}

void BM_VtqlSqlite(benchmark::State& state) {
  const Fixture& f = fixture(state.range(0));
  const Shape shape = shapes(f.some_id)[static_cast<std::size_t>(state.range(1))];
  const Engine engine(f.database);
  std::size_t rows = 0;
  for (auto _ : state) {
    auto result = engine.query(shape.query);
    if (!result) {
      state.SkipWithError(result.error().message.c_str());
      return;
    }
    rows = result->rows.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel(shape.name);
  state.counters["rows"] = static_cast<double>(rows);
}

// Engine::stream: the rows handed over one at a time as views, as a server writing its response takes them.
class TouchingSink final : public RowSink {
 public:
  void begin(const std::vector<std::string>& columns) override { benchmark::DoNotOptimize(columns.data()); }
  void row(std::span<const std::optional<std::string_view>> values) override {
    for (const auto& value : values) benchmark::DoNotOptimize(value);
    ++rows;
  }
  std::size_t rows = 0;
};

void BM_VtqlSqliteStream(benchmark::State& state) {
  const Fixture& f = fixture(state.range(0));
  const Shape shape = shapes(f.some_id)[static_cast<std::size_t>(state.range(1))];
  const Engine engine(f.database);
  TouchingSink sink;
  for (auto _ : state) {
    sink.rows = 0;
    if (auto status = engine.stream(shape.query, sink); !status) {
      state.SkipWithError(status.error().message.c_str());
      return;
    }
  }
  state.SetLabel(shape.name);
  state.counters["rows"] = static_cast<double>(sink.rows);
}

// The statement vtql generates for the shape, prepared once, bound, stepped to the end and read column by column;
// with `copy`, each value is also copied into a std::string, the least a client keeping the rows has to do.
void raw_sqlite(benchmark::State& state, bool copy) {
  const Fixture& f = fixture(state.range(0));
  const Shape shape = shapes(f.some_id)[static_cast<std::size_t>(state.range(1))];
  const Engine engine(f.database);
  auto prepared = engine.prepare(shape.query);
  if (!prepared) {
    state.SkipWithError(prepared.error().message.c_str());
    return;
  }
  const planner::Plan& plan = vtql::Internals::plan(*prepared);
  const storage::sqlite::TableLayout layout(*plan.scan.module);
  auto built = plan.count_in_backend ? storage::sqlite::build_count(layout, plan.scan, 32766)
                                     : storage::sqlite::build_select(layout, plan.scan, 32766, engine.schema());
  if (!built) {
    state.SkipWithError(built.error().message.c_str());
    return;
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2(f.path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);  // as vtql's readers
  (void)storage::sqlite::register_functions(db);
  sqlite3_exec(db, "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384", nullptr, nullptr, nullptr);  // as vtql's
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, built->sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    state.SkipWithError(sqlite3_errmsg(db));
    sqlite3_close(db);
    return;
  }
  std::size_t rows = 0;
  std::vector<std::string> values;
  for (auto _ : state) {
    built->bind(stmt);
    rows = 0;
    values.clear();
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const int columns = sqlite3_column_count(stmt);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_TEXT) {
          const auto* text = sqlite3_column_text(stmt, c);
          benchmark::DoNotOptimize(text);
          if (copy) values.emplace_back(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt, c));
        } else {
          const auto number = sqlite3_column_int64(stmt, c);
          benchmark::DoNotOptimize(number);
          if (copy) values.push_back(std::to_string(number));
        }
      }
      ++rows;
    }
    sqlite3_reset(stmt);
    benchmark::DoNotOptimize(values.data());
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  state.SetLabel(shape.name);
  state.counters["rows"] = static_cast<double>(rows);
}

void args(benchmark::internal::Benchmark* b) {
  for (const std::int64_t contacts : {10'000, 100'000}) {
    for (std::int64_t shape = 0; shape < 6; ++shape) b->Args({contacts, shape});
  }
}

BENCHMARK(BM_VtqlSqlite)->ArgNames({"contacts", "shape"})->Apply(args)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_VtqlSqliteStream)->ArgNames({"contacts", "shape"})->Apply(args)->Unit(benchmark::kMicrosecond);
void BM_RawSqlite(benchmark::State& state) { raw_sqlite(state, false); }
void BM_RawSqliteCopy(benchmark::State& state) { raw_sqlite(state, true); }

BENCHMARK(BM_RawSqlite)->ArgNames({"contacts", "shape"})->Apply(args)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteCopy)->ArgNames({"contacts", "shape"})->Apply(args)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vtql

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
    if (entry.path().filename().string().rfind("vtql-sqlite-bench-" + std::to_string(::getpid()), 0) == 0) {
      std::filesystem::remove(entry.path());
    }
  }
  return 0;
}
