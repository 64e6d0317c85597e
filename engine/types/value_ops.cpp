// Comparison, LIKE text and string forms of typed values.
#include "engine/types/value_ops.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <type_traits>

#include "engine/types/collation.hpp"

namespace vtql::types {
namespace {

std::partial_ordering order_of(std::strong_ordering o) { return o; }

template <typename T>
std::partial_ordering three_way(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, double>) {
    return a <=> b;
  } else {
    return order_of(a <=> b);
  }
}

// MySQL prints doubles in their shortest exact form.
std::string format_double(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace

std::partial_ordering compare(const Value& stored, const Value& literal) {
  return std::visit(
      [&](const auto& a) -> std::partial_ordering {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, Null>) {
          return std::partial_ordering::unordered;
        } else if constexpr (std::is_same_v<A, std::string>) {
          if (const auto* b = std::get_if<std::string>(&literal)) {
            const int c = collation::compare(a, *b);
            return c < 0   ? std::partial_ordering::less
                   : c > 0 ? std::partial_ordering::greater
                           : std::partial_ordering::equivalent;
          }
          return std::partial_ordering::unordered;
        } else if constexpr (std::is_same_v<A, std::int64_t>) {
          if (const auto* b = std::get_if<std::int64_t>(&literal)) return three_way(a, *b);
          if (const auto* b = std::get_if<Decimal>(&literal)) return order_of(Decimal::from_int(a) <=> *b);
          if (const auto* b = std::get_if<double>(&literal)) return static_cast<double>(a) <=> *b;
          return std::partial_ordering::unordered;
        } else if constexpr (std::is_same_v<A, double>) {
          if (const auto* b = std::get_if<double>(&literal)) return a <=> *b;
          if (const auto* b = std::get_if<std::int64_t>(&literal)) return a <=> static_cast<double>(*b);
          if (const auto* b = std::get_if<Decimal>(&literal)) return a <=> b->to_double();
          return std::partial_ordering::unordered;
        } else if constexpr (std::is_same_v<A, Decimal>) {
          if (const auto* b = std::get_if<Decimal>(&literal)) return order_of(a <=> *b);
          if (const auto* b = std::get_if<std::int64_t>(&literal)) return order_of(a <=> Decimal::from_int(*b));
          if (const auto* b = std::get_if<double>(&literal)) return a.to_double() <=> *b;
          return std::partial_ordering::unordered;
        } else if constexpr (std::is_same_v<A, EntityId>) {
          if (const auto* b = std::get_if<EntityId>(&literal)) return three_way(a.number, b->number);
          return std::partial_ordering::unordered;
        } else {
          if (const auto* b = std::get_if<A>(&literal)) return order_of(a <=> *b);
          return std::partial_ordering::unordered;
        }
      },
      stored);
}

int compare_for_order(const Value& a, const Value& b) {
  const bool na = std::holds_alternative<Null>(a);
  const bool nb = std::holds_alternative<Null>(b);
  if (na || nb) return na == nb ? 0 : na ? -1 : 1;
  const std::partial_ordering o = compare(a, b);
  return o < 0 ? -1 : o > 0 ? 1 : 0;
}

bool holds(std::partial_ordering o, ast::CompareOp op) noexcept {
  if (o == std::partial_ordering::unordered) return false;
  switch (op) {
    case ast::CompareOp::kEq:
      return o == 0;
    case ast::CompareOp::kNe:
      return o != 0;
    case ast::CompareOp::kLt:
      return o < 0;
    case ast::CompareOp::kLe:
      return o <= 0;
    case ast::CompareOp::kGt:
      return o > 0;
    case ast::CompareOp::kGe:
      return o >= 0;
    case ast::CompareOp::kLike:
      return false;  // LIKE is matched on text, see like_text
  }
  return false;
}

bool satisfies(const Value& stored, ast::CompareOp op, const Value& literal) {
  return holds(compare(stored, literal), op);
}

std::optional<std::string> like_text(const Value& stored, const FieldDef& field) {
  if (const auto* id = std::get_if<EntityId>(&stored)) return std::to_string(id->number);
  if (std::holds_alternative<Null>(stored)) {
    // An empty reference is the number 0 in the original's tables.
    if (field.type == FieldType::kReference || field.type == FieldType::kOwner) return std::string("0");
    return std::nullopt;
  }
  return to_webservice_string(stored, field);
}

std::optional<std::string> to_webservice_string(const Value& stored, const FieldDef& field) {
  return std::visit(
      [&](const auto& v) -> std::optional<std::string> {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, Null>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<V, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<V, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<V, double>) {
          if (field.scale >= 0 && std::isfinite(v)) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.*f", field.scale, v);
            return std::string(buffer);
          }
          return format_double(v);
        } else if constexpr (std::is_same_v<V, Decimal>) {
          return v.to_string(field.scale);
        } else if constexpr (std::is_same_v<V, bool>) {
          return std::string(v ? "1" : "0");
        } else if constexpr (std::is_same_v<V, Date>) {
          return format_date(v);
        } else if constexpr (std::is_same_v<V, DateTime>) {
          return format_datetime(v);
        } else if constexpr (std::is_same_v<V, Time>) {
          return format_time(v);
        } else {
          static_assert(std::is_same_v<V, EntityId>);
          char out[48];
          char* end = std::to_chars(out, out + 16, v.prefix).ptr;
          *end++ = 'x';
          end = std::to_chars(end, out + sizeof out, v.number).ptr;
          return std::string(out, end);
        }
      },
      stored);
}

// The alternatives by index, as write_webservice_string switches on them.
static_assert(std::is_same_v<std::variant_alternative_t<2, Value>, std::int64_t> &&
              std::is_same_v<std::variant_alternative_t<5, Value>, bool> &&
              std::is_same_v<std::variant_alternative_t<6, Value>, Date> &&
              std::is_same_v<std::variant_alternative_t<9, Value>, EntityId>);

bool write_webservice_string(const Value& stored, const FieldDef& field, std::string& out) {
  char text[48];
  switch (stored.index()) {
    case 0:
      return false;
    case 1:
      out = *std::get_if<std::string>(&stored);
      return true;
    case 2:
      out.assign(text, std::to_chars(text, text + sizeof text, *std::get_if<std::int64_t>(&stored)).ptr);
      return true;
    case 5:
      out.assign(*std::get_if<bool>(&stored) ? "1" : "0");
      return true;
    case 6:
      write_date(*std::get_if<Date>(&stored), out);
      return true;
    case 7:
      write_datetime(*std::get_if<DateTime>(&stored), out);
      return true;
    case 8:
      write_time(*std::get_if<Time>(&stored), out);
      return true;
    case 9: {
      const EntityId& id = *std::get_if<EntityId>(&stored);
      char* end = std::to_chars(text, text + 16, id.prefix).ptr;
      *end++ = 'x';
      out.assign(text, std::to_chars(end, text + sizeof text, id.number).ptr);
      return true;
    }
    default: {
      auto formatted = to_webservice_string(stored, field);
      if (!formatted) return false;
      out = std::move(*formatted);
      return true;
    }
  }
}

}  // namespace vtql::types
