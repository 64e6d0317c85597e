// Fuzz target: any bytes as a query over the same small demo CRM in the memory backend and in SQLite; the two must
// give the same columns and rows in the same order, or the same error code, and never an internal error; and
// Engine::stream on SQLite must hand over what Engine::query returns.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "vtql/engine.hpp"

namespace {

struct Engines {
  vtql::Engine memory;
  vtql::Engine sqlite;
};

Engines make_engines() {
  vtql::DemoOptions options;
  options.scale = 500;
  options.seed = 3;
  auto memory = vtql::Database::demo(vtql::Schema::builtin(), options);
  if (!memory) std::abort();
  vtql::OpenOptions open;
  open.schema = (*memory)->schema();
  auto sqlite = vtql::Database::open(":memory:", open);
  if (!sqlite || !(*sqlite)->generate_demo(options)) std::abort();
  // No plan cache: every input is new, and keeping them would only grow memory.
  vtql::Settings settings;
  settings.plan_cache = 0;
  return Engines{vtql::Engine(*memory, settings), vtql::Engine(*sqlite, settings)};
}

void report(std::string_view query, const vtql::Result<vtql::ResultSet>& memory,
            const vtql::Result<vtql::ResultSet>& sqlite) {
  const auto describe = [](const vtql::Result<vtql::ResultSet>& r) {
    return r ? std::to_string(r->rows.size()) + " rows " + r->to_json().substr(0, 2000)
             : std::string(vtql::to_string(r.error().code)) + ": " + r.error().message;
  };
  std::fprintf(stderr, "backends differ on: %.*s\nmemory: %s\nsqlite: %s\n", static_cast<int>(query.size()),
               query.data(), describe(memory).c_str(), describe(sqlite).c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Engines engines = make_engines();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto memory = engines.memory.query(text);
  const auto sqlite = engines.sqlite.query(text);
  for (const auto* result : {&memory, &sqlite}) {
    if (!*result && result->error().code == vtql::ErrorCode::kInternalServerError) {
      report(text, memory, sqlite);
      std::abort();
    }
  }
  const bool same =
      memory.ok() == sqlite.ok() && (memory.ok() ? memory->columns == sqlite->columns && memory->rows == sqlite->rows
                                                 : memory.error().code == sqlite.error().code);
  if (!same) {
    report(text, memory, sqlite);
    std::abort();
  }
  vtql::ResultCollector collector;
  const vtql::Status streamed = engines.sqlite.stream(text, collector);
  const bool stream_agrees =
      streamed.ok() == sqlite.ok() &&
      (streamed.ok() ? collector.result().columns == sqlite->columns && collector.result().rows == sqlite->rows
                     : streamed.error().code == sqlite.error().code);
  if (!stream_agrees) {
    std::fprintf(stderr, "stream and query differ on SQLite\n");
    report(text, memory, sqlite);
    std::abort();
  }
  return 0;
}
