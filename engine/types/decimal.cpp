// Exact decimals: MySQL's reading of numeric text, rounding, plain-notation printing and exact comparison.
#include "engine/types/decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <system_error>

namespace vtql::types {
namespace {

// Arithmetic across scales is done here: a 38-digit mantissa times 10^38 still fits, so nothing can overflow
// (Mantissa is checked and would throw).
using Wide = boost::multiprecision::int256_t;

// Every 38-digit number fits a Mantissa (10^38 < 2^127); some 39-digit ones do not, so 38 is the limit.
constexpr std::size_t kMaxDigits = 38;
constexpr int kMaxWidePower = 76;
// Exponents are read no further than this: any larger one already overflows or underflows every type here.
constexpr std::int64_t kExponentCap = 1'000'000'000;

const Wide& power_of_ten(int k) {  // 0 <= k <= kMaxWidePower
  static const std::array<Wide, kMaxWidePower + 1> table = [] {
    std::array<Wide, kMaxWidePower + 1> powers;
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  return table[static_cast<std::size_t>(k)];
}

// MySQL's my_isspace for the ASCII range.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number as written: ±digits × 10^exponent.
struct Scanned {
  bool negative = false;
  std::string digits;  // leading zeros removed, so "" is zero; trailing zeros kept (they carry the written scale)
  std::int64_t exponent = 0;
  std::size_t end = 0;  // offset just past the number; 0 when there was none
};

// MySQL's string-to-number syntax: spaces, [+-], digits with an optional point (digits on at least one side),
// then an exponent only when digits follow the e (so "1e" and "1e+" read as 1).
Scanned scan(std::string_view text) {
  Scanned out;
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    out.negative = text[i] == '-';
    ++i;
  }
  const auto take_digit = [&out](char c) {
    if (!out.digits.empty() || c != '0') out.digits.push_back(c);
  };
  bool any_digit = false;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    any_digit = true;
    take_digit(text[i]);
  }
  std::int64_t fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    std::size_t j = i + 1;
    for (; j < text.size() && is_digit(text[j]); ++j) {
      ++fraction_digits;
      take_digit(text[j]);
    }
    if (any_digit || fraction_digits > 0) i = j;
    any_digit = any_digit || fraction_digits > 0;
  }
  if (!any_digit) return Scanned{};
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    bool negative_exponent = false;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) {
      negative_exponent = text[j] == '-';
      ++j;
    }
    if (j < text.size() && is_digit(text[j])) {
      for (; j < text.size() && is_digit(text[j]); ++j) {
        exponent = std::min(exponent * 10 + (text[j] - '0'), kExponentCap);
      }
      if (negative_exponent) exponent = -exponent;
      i = j;
    }
  }
  out.exponent = exponent - fraction_digits;
  out.end = i;
  if (out.digits.empty()) out.negative = false;  // -0 is 0
  return out;
}

// Drops the last `count` digits of a magnitude, rounding half away from zero (only the first dropped digit
// decides). Returns whether a nonzero digit was dropped, i.e. whether the value changed.
bool round_off(std::string& digits, std::int64_t count) {
  if (count <= 0) return false;
  const auto dropped = static_cast<std::ptrdiff_t>(std::min<std::int64_t>(count, std::ssize(digits)));
  const bool changed = std::any_of(digits.end() - dropped, digits.end(), [](char c) { return c != '0'; });
  if (count > std::ssize(digits)) {
    digits.clear();  // the first dropped digit is an implied leading zero: rounds down to nothing
    return changed;
  }
  const std::size_t keep = digits.size() - static_cast<std::size_t>(count);
  const bool up = digits[keep] >= '5';
  digits.resize(keep);
  if (up) {
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0) {
      digits.insert(digits.begin(), '1');
    } else {
      ++digits[i - 1];
    }
  }
  return changed;
}

Decimal::Mantissa mantissa_of(const std::string& digits, bool negative) {
  Decimal::Mantissa m = 0;
  for (char c : digits) m = m * 10 + (c - '0');  // at most kMaxDigits digits: cannot overflow
  return negative ? Decimal::Mantissa(-m) : m;
}

Decimal saturated(bool negative) { return {mantissa_of(std::string(kMaxDigits, '9'), negative), 0}; }

struct Built {
  std::optional<Decimal> value;  // nullopt when the number does not fit and the caller did not allow clamping
  bool clamped = false;
};

// Turns a scanned number into a Decimal. Digits after the point beyond kMaxScale are always rounded off; with
// `clamp`, a number still longer than kMaxDigits loses fraction digits and then saturates.
Built build(const Scanned& scanned, bool clamp) {
  Built out;
  std::string digits = scanned.digits;
  // The exponent is capped, so this cannot overflow; negative means digits must be appended.
  std::int64_t scale = -scanned.exponent;
  if (digits.empty()) {
    out.value = Decimal(0, static_cast<int>(std::clamp<std::int64_t>(scale, 0, Decimal::kMaxScale)));
    return out;
  }
  if (scale < 0) {
    if (static_cast<std::int64_t>(digits.size()) - scale > static_cast<std::int64_t>(kMaxDigits)) {
      out.clamped = true;
      if (clamp) out.value = saturated(scanned.negative);
      return out;
    }
    digits.append(static_cast<std::size_t>(-scale), '0');
    scale = 0;
  }
  if (scale > Decimal::kMaxScale) {
    out.clamped = round_off(digits, scale - Decimal::kMaxScale);
    scale = Decimal::kMaxScale;
  }
  while (digits.size() > kMaxDigits && scale > 0 && digits.back() == '0') {
    digits.pop_back();
    --scale;
  }
  if (digits.size() > kMaxDigits && !clamp) {
    out.clamped = true;
    return out;
  }
  // Rounding can carry into a new leading digit (99.96 → 100.0), hence the loop.
  while (digits.size() > kMaxDigits && scale > 0) {
    const std::int64_t drop = std::min<std::int64_t>(static_cast<std::int64_t>(digits.size() - kMaxDigits), scale);
    out.clamped = round_off(digits, drop) || out.clamped;
    scale -= drop;
  }
  if (digits.size() > kMaxDigits) {
    out.clamped = true;
    out.value = saturated(scanned.negative);
    return out;
  }
  out.value = Decimal(mantissa_of(digits, scanned.negative && !digits.empty()), static_cast<int>(scale));
  return out;
}

bool only_spaces(std::string_view text) { return std::all_of(text.begin(), text.end(), is_space); }

std::strong_ordering compare(const Wide& a, const Wide& b) {
  if (a < b) return std::strong_ordering::less;
  if (b < a) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  const Scanned scanned = scan(text);
  if (scanned.end == 0 || !only_spaces(text.substr(scanned.end))) return std::nullopt;
  return build(scanned, false).value;
}

Decimal Decimal::parse_prefix(std::string_view text, std::size_t* consumed) {
  return parse_prefix(text, consumed, nullptr);
}

Decimal Decimal::parse_prefix(std::string_view text, std::size_t* consumed, bool* clamped) {
  const Scanned scanned = scan(text);
  if (consumed != nullptr) *consumed = scanned.end;
  Built built = build(scanned, true);
  if (clamped != nullptr) *clamped = built.clamped;
  return built.value.value_or(Decimal());
}

Decimal Decimal::rescaled(int scale) const {
  scale = std::clamp(scale, 0, kMaxScale);
  if (scale == scale_) return *this;
  const Wide m(mantissa_);
  if (scale > scale_) {
    static const Wide kLargest(std::numeric_limits<Mantissa>::max());
    // Keep as many of the requested digits as fit; the value itself never changes on the way up.
    for (int target = scale; target > scale_; --target) {
      const Wide widened = m * power_of_ten(target - scale_);
      if (boost::multiprecision::abs(widened) <= kLargest) return {Mantissa(widened), target};
    }
    return *this;
  }
  const Wide& unit = power_of_ten(scale_ - scale);
  Wide quotient = m / unit;  // truncates toward zero; the remainder has the sign of m
  const Wide remainder = m % unit;
  if (boost::multiprecision::abs(remainder) * 2 >= unit) quotient += m < 0 ? -1 : 1;
  return {Mantissa(quotient), scale};
}

std::string Decimal::to_string(int scale) const {
  if (scale < 0) scale = scale_;
  const Decimal value = scale < scale_ ? rescaled(scale) : *this;
  std::string digits = boost::multiprecision::abs(value.mantissa_).str();
  digits.append(static_cast<std::size_t>(std::max(0, scale - value.scale_)), '0');
  const auto fraction = static_cast<std::size_t>(scale);
  if (digits.size() <= fraction) digits.insert(0, fraction + 1 - digits.size(), '0');
  std::string out = value.mantissa_ < 0 ? "-" : "";
  out.append(digits, 0, digits.size() - fraction);
  if (fraction > 0) {
    out.push_back('.');
    out.append(digits, digits.size() - fraction, fraction);
  }
  return out;
}

double Decimal::to_double() const {
  // Through text so that the result is the correctly rounded double, not mantissa / 10^scale rounded twice.
  const std::string text = mantissa_.str() + "e" + std::to_string(-scale_);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.scale_ == b.scale_) return compare(Wide(a.mantissa_), Wide(b.mantissa_));
  Wide x(a.mantissa_);
  Wide y(b.mantissa_);
  // Scales lie in 0..kMaxScale, so the gap is at most 30 and the widened mantissa fits.
  if (a.scale_ < b.scale_) {
    x *= power_of_ten(b.scale_ - a.scale_);
  } else {
    y *= power_of_ten(a.scale_ - b.scale_);
  }
  return compare(x, y);
}

double parse_double_prefix(std::string_view text, std::size_t* consumed, bool* clamped) {
  const Scanned scanned = scan(text);
  if (consumed != nullptr) *consumed = scanned.end;
  if (clamped != nullptr) *clamped = false;
  if (scanned.digits.empty()) return 0.0;
  const std::string plain = scanned.digits + "e" + std::to_string(scanned.exponent);
  double out = 0;
  if (std::from_chars(plain.data(), plain.data() + plain.size(), out).ec == std::errc::result_out_of_range) {
    if (clamped != nullptr) *clamped = true;
    // The position of the leading digit tells overflow from underflow.
    const std::int64_t magnitude = static_cast<std::int64_t>(scanned.digits.size()) - 1 + scanned.exponent;
    out = magnitude > 0 ? std::numeric_limits<double>::max() : 0.0;
  }
  return scanned.negative && out != 0.0 ? -out : out;
}

}  // namespace vtql::types
