// Fuzz target: any bytes through parse + check against the built-in schema; never an internal error.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vtql/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vtql::Engine engine;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto checked = engine.check(text);
  if (!checked.ok()) {
    if (checked.error().code == vtql::ErrorCode::kInternalServerError) std::abort();
    if (checked.error().span.end() > size + 1) std::abort();
    return 0;
  }
  for (const vtql::Warning& warning : checked->warnings()) {
    if (warning.span.end() > size) std::abort();
  }
  (void)checked->parsed_json();
  return 0;
}
