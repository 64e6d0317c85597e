// Exact decimal numbers (a 128-bit scaled integer from Boost.Multiprecision) with MySQL's reading of numeric text.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

namespace vtql::types {

class Decimal {
 public:
  using Mantissa = boost::multiprecision::checked_int128_t;
  static constexpr int kMaxScale = 30;

  Decimal() = default;
  Decimal(Mantissa mantissa, int scale) : mantissa_(std::move(mantissa)), scale_(scale) {}
  static Decimal from_int(std::int64_t value) { return Decimal(Mantissa(value), 0); }

  // Reads the whole of `text` as a decimal number: [+-]digits[.digits][e[+-]digits], optionally surrounded by
  // spaces. Returns nullopt when the text is not such a number or does not fit in 38 significant digits.
  static std::optional<Decimal> parse(std::string_view text);

  // Reads the longest numeric prefix of `text` the way MySQL converts a string to a number: leading spaces,
  // then [+-]digits[.digits][e[+-]digits]; no digits at all reads as 0. `*consumed` (if given) receives the
  // number of bytes that formed the number (0 when there was none).
  static Decimal parse_prefix(std::string_view text, std::size_t* consumed = nullptr);

  const Mantissa& mantissa() const noexcept { return mantissa_; }
  int scale() const noexcept { return scale_; }

  // The value rounded half away from zero to `scale` digits after the point (scale >= 0).
  Decimal rescaled(int scale) const;

  // Plain notation with exactly `scale` digits after the point ("1500.50000000"), or the
  // decimal's own scale when `scale` is negative.
  std::string to_string(int scale = -1) const;

  double to_double() const;

  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

 private:
  Mantissa mantissa_ = 0;
  int scale_ = 0;
};

}  // namespace vtql::types
