// Fuzz target: any bytes through the parser; a parsed query's canonical text must parse back to an equal tree.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vtql/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = vtql::parse(text);
  if (!parsed.ok()) {
    if (parsed.error().code == vtql::ErrorCode::kInternalServerError) std::abort();
    if (parsed.error().span.offset > size) std::abort();
    return 0;
  }
  const std::string canonical = vtql::ast::to_string(*parsed);
  const auto again = vtql::parse(canonical);
  if (!again.ok() || !vtql::ast::equal(*parsed, *again)) std::abort();
  return 0;
}
