// Fuzz target: any bytes through the whole pipeline over a small demo CRM in memory; never an internal error, and a
// result never holds more rows than its LIMIT or the row cap allow.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vtql/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vtql::Engine engine = [] {
    vtql::DemoOptions options;
    options.scale = 500;
    options.seed = 3;
    auto database = vtql::Database::demo(vtql::Schema::builtin(), options);
    if (!database) std::abort();
    return vtql::Engine(*database);
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto prepared = engine.prepare(text);
  if (!prepared) {
    if (prepared.error().code == vtql::ErrorCode::kInternalServerError) std::abort();
    return 0;
  }
  const auto result = engine.execute(*prepared);
  if (!result) {
    if (result.error().code == vtql::ErrorCode::kInternalServerError) std::abort();
    return 0;
  }
  const auto count = prepared->checked().count();
  if (count && result->rows.size() > *count) std::abort();
  if (result->rows.size() > engine.settings().max_rows) std::abort();
  for (const auto& row : result->rows) {
    if (row.size() != result->columns.size()) std::abort();
  }
  (void)result->to_json();
  return 0;
}
