// Query execution over the demo CRM's Contacts, side by side with SQLite (in memory, no indexes) running the
// equivalent hand-written SQL over the same rows, and the memory backend's size against the raw size of its data.
// Each query is checked to return the same number of rows (or the same count) on both sides before it is timed.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/internal.hpp"
#include "engine/storage/backend.hpp"
#include "engine/storage/memory/memory_backend.hpp"
#include "engine/types/value_ops.hpp"
#include "vtql/engine.hpp"

namespace {

struct Fixture {
  std::shared_ptr<vtql::Database> database;
  std::unique_ptr<vtql::Engine> engine;
  sqlite3* sql = nullptr;
  std::uint64_t contacts = 0;
  std::uint64_t some_id = 0;
  std::size_t raw_contacts = 0;  // see raw_bytes()
  std::size_t raw_all = 0;
  std::size_t rss_growth = 0;  // resident memory added by generating the demo CRM, for a cross-check
};

// The raw size of a module's data: the bytes of its live records in their webservice string forms, as a CSV export
// would hold them without quoting or a header line: the length of each non-NULL value's string form (ids as
// "12x34", booleans "0"/"1", dates "YYYY-MM-DD", ...) plus one separator byte per cell, NULL or not.
std::size_t raw_bytes(const vtql::Database& database, const vtql::ModuleDef& module) {
  vtql::storage::ScanSpec spec;
  spec.module = &module;
  for (std::size_t i = 0; i < module.fields.size(); ++i) spec.columns.push_back(static_cast<int>(i));
  auto cursor = std::move(vtql::Internals::backend(database).scan(spec)).value();
  vtql::storage::Row row;
  std::size_t bytes = 0;
  while (cursor->next(row)) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto text = vtql::types::to_webservice_string(row[i], module.fields[i]);
      bytes += 1 + (text ? text->size() : 0);
    }
  }
  return bytes;
}

std::size_t resident_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      return static_cast<std::size_t>(std::strtoull(line.c_str() + 6, nullptr, 10)) * 1024;
    }
  }
  return 0;
}

// Copies every live contact into an SQLite table with one column per field, values in their string forms
// (integers and booleans as integers).
void load_sqlite(Fixture& f) {
  const vtql::ModuleDef& contacts = *f.database->schema()->find_module("Contacts");
  sqlite3_open(":memory:", &f.sql);
  std::string create = "CREATE TABLE contacts (";
  std::string insert = "INSERT INTO contacts VALUES (";
  vtql::storage::ScanSpec spec;
  spec.module = &contacts;
  for (std::size_t i = 0; i < contacts.fields.size(); ++i) {
    const auto& field = contacts.fields[i];
    const bool integer = field.is_id() || field.type == vtql::FieldType::kReference ||
                         field.type == vtql::FieldType::kOwner || field.type == vtql::FieldType::kBoolean ||
                         field.type == vtql::FieldType::kInteger;
    create += (i ? ", " : "") + field.name + (integer ? " INTEGER" : " TEXT");
    insert += i ? ", ?" : "?";
    spec.columns.push_back(static_cast<int>(i));
  }
  sqlite3_exec(f.sql, (create + ")").c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(f.sql, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(f.sql, (insert + ")").c_str(), -1, &stmt, nullptr);
  auto cursor = std::move(vtql::Internals::backend(*f.database).scan(spec)).value();
  vtql::storage::Row row;
  while (cursor->next(row)) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& v = row[i];
      const int slot = static_cast<int>(i) + 1;
      if (const auto* id = std::get_if<vtql::types::EntityId>(&v)) {
        sqlite3_bind_int64(stmt, slot, static_cast<sqlite3_int64>(id->number));
      } else if (const auto* b = std::get_if<bool>(&v)) {
        sqlite3_bind_int(stmt, slot, *b ? 1 : 0);
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        sqlite3_bind_int64(stmt, slot, *n);
      } else if (const auto text = vtql::types::to_webservice_string(v, contacts.fields[i])) {
        sqlite3_bind_text(stmt, slot, text->c_str(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, slot);
      }
    }
    sqlite3_step(stmt);
    sqlite3_reset(stmt);
    ++f.contacts;
  }
  sqlite3_finalize(stmt);
  sqlite3_exec(f.sql, "COMMIT", nullptr, nullptr, nullptr);
}

Fixture& fixture(std::int64_t contacts) {
  static std::map<std::int64_t, std::unique_ptr<Fixture>> fixtures;
  auto& slot = fixtures[contacts];
  if (!slot) {
    slot = std::make_unique<Fixture>();
    vtql::DemoOptions options;
    options.scale = static_cast<std::uint64_t>(contacts) * 100 / 35;  // Contacts are 35% of the demo CRM
    options.seed = 42;
    malloc_trim(0);
    const std::size_t rss_before = resident_bytes();
    slot->database = std::move(*vtql::Database::demo(vtql::Schema::builtin(), options));
    malloc_trim(0);
    const std::size_t rss_after = resident_bytes();
    slot->rss_growth = rss_after > rss_before ? rss_after - rss_before : 0;
    for (const vtql::ModuleDef& module : slot->database->schema()->modules()) {
      const std::size_t raw = raw_bytes(*slot->database, module);
      slot->raw_all += raw;
      if (module.name == "Contacts") slot->raw_contacts = raw;
    }
    vtql::Settings settings;
    slot->engine = std::make_unique<vtql::Engine>(slot->database, settings);
    load_sqlite(*slot);
    slot->some_id = 12 + slot->contacts / 2;  // not necessarily a contact; found or not, both sides agree
  }
  return *slot;
}

std::string sqlite_first_value(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  return value;
}

std::int64_t sqlite_rows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
    std::abort();
  }
  std::int64_t rows = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) benchmark::DoNotOptimize(sqlite3_column_text(stmt, c));
    ++rows;
  }
  sqlite3_finalize(stmt);
  return rows;
}

struct Shape {
  const char* name;
  std::string vtql;
  std::string sql;
};

std::vector<Shape> shapes(const Fixture& f) {
  const std::string id = std::to_string(f.some_id);
  return {
      {"filter_order_limit",
       "SELECT firstname, lastname, email FROM Contacts WHERE mailingcity = 'Zürich' ORDER BY lastname LIMIT 100;",
       "SELECT firstname, lastname, email, id FROM contacts WHERE mailingcity = 'Zürich' ORDER BY lastname, id LIMIT "
       "100"},
      {"count_two_predicates", "SELECT count(*) FROM Contacts WHERE leadsource = 'Partner' AND donotcall = 1;",
       "SELECT count(*) FROM contacts WHERE leadsource = 'Partner' AND donotcall = 1"},
      {"in_list",
       "SELECT lastname FROM Contacts WHERE mailingcity IN ('Zürich', 'Paris', 'Praha') ORDER BY lastname LIMIT 100;",
       "SELECT lastname, id FROM contacts WHERE mailingcity IN ('Zürich', 'Paris', 'Praha') ORDER BY lastname, id "
       "LIMIT 100"},
      {"like_substring", "SELECT lastname, email FROM Contacts WHERE email LIKE '%gmail%' LIMIT 100;",
       "SELECT lastname, email, id FROM contacts WHERE email LIKE '%gmail%' ORDER BY id LIMIT 100"},
      {"point_lookup", "SELECT * FROM Contacts WHERE id = '12x" + id + "';", "SELECT * FROM contacts WHERE id = " + id},
      {"count_picklist", "SELECT count(*) FROM Contacts WHERE leadsource = 'Partner';",
       "SELECT count(*) FROM contacts WHERE leadsource = 'Partner'"},
      // The LIKE and IN shapes above stop early or sort few rows; these scan every row on both sides.
      {"count_like", "SELECT count(*) FROM Contacts WHERE email LIKE '%gmail%';",
       "SELECT count(*) FROM contacts WHERE email LIKE '%gmail%'"},
      {"count_in", "SELECT count(*) FROM Contacts WHERE mailingcity IN ('Zürich', 'Paris', 'Praha');",
       "SELECT count(*) FROM contacts WHERE mailingcity IN ('Zürich', 'Paris', 'Praha')"},
  };
}

void BM_Vtql(benchmark::State& state) {
  Fixture& f = fixture(state.range(0));
  const Shape shape = shapes(f)[static_cast<std::size_t>(state.range(1))];
  const auto check = f.engine->query(shape.vtql);
  if (!check.ok()) {
    state.SkipWithError(check.error().message.c_str());
    return;
  }
  const bool count = shape.vtql.find("count(*)") != std::string::npos;
  if (count ? check->rows[0][0] != sqlite_first_value(f.sql, shape.sql)
            : static_cast<std::int64_t>(check->rows.size()) != sqlite_rows(f.sql, shape.sql)) {
    state.SkipWithError("vtql and SQLite give different answers");
    return;
  }
  for (auto _ : state) {
    auto result = f.engine->query(shape.vtql);
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel(shape.name);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(f.contacts), benchmark::Counter::kIsIterationInvariantRate);
}

// The memory backend's bytes (MemoryBackend::memory_bytes) against the raw size of the same records (raw_bytes),
// for the whole demo CRM and for its Contacts alone; the resident memory the generation added is a cross-check.
void BM_Memory(benchmark::State& state) {
  Fixture& f = fixture(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(f.contacts);
  const auto* memory = dynamic_cast<const vtql::storage::MemoryBackend*>(&vtql::Internals::backend(*f.database));
  if (memory == nullptr) {
    state.SkipWithError("not the memory backend");
    return;
  }
  const auto all = static_cast<double>(memory->memory_bytes());
  const auto contacts = static_cast<double>(memory->memory_bytes("Contacts"));
  state.counters["all_memory_MB"] = all / 1e6;
  state.counters["all_raw_MB"] = static_cast<double>(f.raw_all) / 1e6;
  state.counters["all_ratio"] = all / static_cast<double>(f.raw_all);
  state.counters["contacts_memory_MB"] = contacts / 1e6;
  state.counters["contacts_raw_MB"] = static_cast<double>(f.raw_contacts) / 1e6;
  state.counters["contacts_ratio"] = contacts / static_cast<double>(f.raw_contacts);
  state.counters["rss_growth_MB"] = static_cast<double>(f.rss_growth) / 1e6;
}

void BM_Sqlite(benchmark::State& state) {
  Fixture& f = fixture(state.range(0));
  const Shape shape = shapes(f)[static_cast<std::size_t>(state.range(1))];
  for (auto _ : state) benchmark::DoNotOptimize(sqlite_rows(f.sql, shape.sql));
  state.SetLabel(shape.name);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(f.contacts), benchmark::Counter::kIsIterationInvariantRate);
}

constexpr std::int64_t kShapes = 8;

// Every size with every shape; a filter such as 'contacts:100000/' builds only that size's fixture.
void args(benchmark::internal::Benchmark* b) {
  for (const std::int64_t contacts : {10'000, 100'000, 1'000'000}) {
    for (std::int64_t shape = 0; shape < kShapes; ++shape) b->Args({contacts, shape});
  }
}
BENCHMARK(BM_Memory)->ArgNames({"contacts"})->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Iterations(1);
BENCHMARK(BM_Vtql)->ArgNames({"contacts", "shape"})->Apply(args)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Sqlite)->ArgNames({"contacts", "shape"})->Apply(args)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
