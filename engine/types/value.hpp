// Typed values of the engine: one alternative per way of comparing (see vtql::ValueClass), plus NULL.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "engine/types/datetime.hpp"
#include "engine/types/decimal.hpp"

namespace vtql::types {

// <prefix>x<number>: the id of a record. The prefix names the module (its describe idPrefix).
struct EntityId {
  std::uint32_t prefix = 0;  // 0 when written without one ("x5")
  std::uint64_t number = 0;
  friend bool operator==(const EntityId&, const EntityId&) = default;
};

struct Null {
  friend bool operator==(const Null&, const Null&) = default;
};

// Text is held as UTF-8 and compared under the collation; the other alternatives compare natively.
using Value = std::variant<Null, std::string, std::int64_t, double, Decimal, bool, Date, DateTime, Time, EntityId>;

}  // namespace vtql::types
