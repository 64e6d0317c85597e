// Exact decimal numbers (a 128-bit scaled integer from Boost.Multiprecision) with MySQL's reading of numeric text.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>

namespace vtql::types {

// An exact decimal: mantissa × 10^-scale. Values made by this class keep 0 <= scale <= kMaxScale and at most
// 38 digits in the mantissa; REQUIRES the same of values built with the constructor.
class Decimal {
 public:
  using Mantissa = boost::multiprecision::checked_int128_t;
  static constexpr int kMaxScale = 30;

  Decimal() = default;
  Decimal(Mantissa mantissa, int scale) : mantissa_(std::move(mantissa)), scale_(scale) {}
  static Decimal from_int(std::int64_t value) { return Decimal(Mantissa(value), 0); }

  // Reads the whole of `text` as a decimal number: [+-]digits[.digits][e[+-]digits], optionally surrounded by
  // spaces (the digits may stand on either side of the point: "5.", ".5"). Digits beyond kMaxScale after the point
  // are rounded off, as MySQL's DECIMAL does. Returns nullopt when the text is not such a number or does not fit
  // in 38 significant digits.
  static std::optional<Decimal> parse(std::string_view text);

  // Reads the longest numeric prefix of `text` the way MySQL converts a string to a number: leading spaces,
  // then [+-]digits[.digits][e[+-]digits]; no digits at all reads as 0. `*consumed` (if given) receives the
  // number of bytes that formed the number, leading spaces included (0 when there was none). A number beyond
  // 38 digits keeps its most significant digits (fraction digits are rounded off) or, when its integer part alone
  // is too long, saturates at ±(10^38 - 1).
  static Decimal parse_prefix(std::string_view text, std::size_t* consumed = nullptr);
  // As above; `*clamped` says whether the number had to be rounded or saturated to fit.
  static Decimal parse_prefix(std::string_view text, std::size_t* consumed, bool* clamped);

  const Mantissa& mantissa() const noexcept { return mantissa_; }
  int scale() const noexcept { return scale_; }

  // The value rounded half away from zero to `scale` digits after the point (scale >= 0, at most kMaxScale).
  // When more digits would not fit in the mantissa, the result keeps the largest scale that does (exactly).
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

// The longest numeric prefix of `text` read into a double, as MySQL converts a string for a DOUBLE column (same
// syntax and `*consumed` as Decimal::parse_prefix). Beyond the range of a double it saturates at ±DBL_MAX, and
// below it becomes 0; `*clamped` says whether either happened.
double parse_double_prefix(std::string_view text, std::size_t* consumed = nullptr, bool* clamped = nullptr);

}  // namespace vtql::types
