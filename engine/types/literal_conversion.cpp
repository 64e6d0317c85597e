// Literal conversion for the vtiger dialect: MySQL's reading of a literal against a column, and a warning
// whenever that reading is not what the literal says on its face.
#include "engine/types/literal_conversion.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <vector>

namespace vtql::types {
namespace {

// Longer literals are shortened in warnings so that a warning stays one readable line.
constexpr std::size_t kShownBytes = 60;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool only_spaces(std::string_view text) { return std::all_of(text.begin(), text.end(), is_space); }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// MySQL's escape for a character inside a quoted literal, or nullptr when the character stands for itself.
const char* escape(char c) {
  switch (c) {
    case '\'':
      return "''";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\0':
      return "\\0";
    default:
      return nullptr;
  }
}

// The literal as the query could have written it: quoted with MySQL's escapes for strings, bare otherwise.
std::string shown(const ast::Literal& literal) {
  switch (literal.kind) {
    case ast::LiteralKind::kBoolean:
      return literal.value == "1" ? "TRUE" : "FALSE";
    case ast::LiteralKind::kInteger:
    case ast::LiteralKind::kEntityId:
      return literal.value;
    case ast::LiteralKind::kString:
      break;
  }
  std::string_view text = literal.value;
  bool cut = false;
  if (text.size() > kShownBytes) {
    std::size_t end = kShownBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a UTF-8 sequence
    text = text.substr(0, end);
    cut = true;
  }
  std::string out = "'";
  for (char c : text) {
    if (const char* escaped = escape(c)) {
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + (cut ? "...'" : "'");
}

std::string format_double(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

std::string joined(const std::vector<std::string_view>& reasons) {
  std::string out;
  for (std::string_view reason : reasons) {
    if (!out.empty()) out += "; ";
    out += reason;
  }
  return out;
}

// "<literal> is read as <what> (<reasons>)", or no warning when nothing changed.
std::string read_as(const ast::Literal& literal, const std::string& what,
                    const std::vector<std::string_view>& reasons) {
  if (reasons.empty()) return {};
  return shown(literal) + " is read as " + what + " (" + joined(reasons) + ")";
}

std::optional<std::int64_t> as_int64(const Decimal& value) {
  const Decimal whole = value.rescaled(0);
  if (whole != value) return std::nullopt;
  const Decimal::Mantissa& m = whole.mantissa();
  if (m < std::numeric_limits<std::int64_t>::min() || m > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return m.convert_to<std::int64_t>();
}

// The warning for a number read from the literal's text: none when the text is exactly one number.
std::string number_warning(const ast::Literal& literal, std::size_t consumed, const std::string& read,
                           std::string_view clamp_reason) {
  if (consumed == 0) return shown(literal) + " is not a number; it is read as 0";
  if (!only_spaces(std::string_view(literal.value).substr(consumed))) {
    return shown(literal) + " is read as the number " + read + " (MySQL reads the longest numeric prefix)";
  }
  if (!clamp_reason.empty()) return shown(literal) + " " + std::string(clamp_reason) + "; it is read as " + read;
  return {};
}

Conversion convert_number(ValueClass target, const ast::Literal& literal) {
  std::size_t consumed = 0;
  bool clamped = false;
  if (target == ValueClass::kDouble) {
    const double value = parse_double_prefix(literal.value, &consumed, &clamped);
    const std::string_view reason = !clamped       ? std::string_view{}
                                    : value == 0.0 ? "is too small for a floating-point number"
                                                   : "is beyond the range of a floating-point number";
    return {value, number_warning(literal, consumed, format_double(value), reason)};
  }
  const Decimal value = Decimal::parse_prefix(literal.value, &consumed, &clamped);
  std::string warning = number_warning(literal, consumed, value.to_string(),
                                       clamped ? "has more digits than an exact decimal holds (38, at most 30 after "
                                                 "the point)"
                                               : "");
  if (target == ValueClass::kInteger) {
    if (const auto whole = as_int64(value)) return {*whole, std::move(warning)};
  }
  return {value, std::move(warning)};
}

Conversion convert_boolean(const ast::Literal& literal) {
  std::optional<bool> value;
  switch (literal.kind) {
    case ast::LiteralKind::kBoolean:
      value = literal.value == "1";
      break;
    case ast::LiteralKind::kInteger: {
      std::string_view digits = literal.value;
      const bool negative = !digits.empty() && digits.front() == '-';
      if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
      while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
      if (digits == "0") value = false;
      if (digits == "1" && !negative) value = true;
      break;
    }
    case ast::LiteralKind::kString: {
      // The original stores booleans as '0' and '1': a quoted 'true' is text that equals neither.
      const std::string_view text = trimmed(literal.value);
      if (text == "1") value = true;
      if (text == "0") value = false;
      break;
    }
    case ast::LiteralKind::kEntityId:
      break;
  }
  if (value) return {*value, {}};
  return {Null{}, shown(literal) + " is not a boolean (use 1, 0, TRUE or FALSE); it matches no record"};
}

bool is_number_literal(const ast::Literal& literal) {
  return literal.kind == ast::LiteralKind::kInteger || literal.kind == ast::LiteralKind::kBoolean;
}

// An unquoted number goes through MySQL's number reading, which pads short numbers; everything else is text.
std::optional<DateTime> read_date_literal(const ast::Literal& literal, MysqlReadNotes& notes) {
  if (is_number_literal(literal)) return read_mysql_datetime_number(literal.value, notes);
  return read_mysql_datetime(literal.value, notes);
}

constexpr std::string_view kTwoDigitYear = "MySQL reads a two-digit year 00-69 as 20xx and 70-99 as 19xx";
constexpr std::string_view kTimeFractionAfter =
    "a time field has no fractional seconds; as in MySQL the literal is later than that second: = matches "
    "nothing, < means <=, >= means >";
constexpr std::string_view kTimeFractionBefore =
    "a time field has no fractional seconds; as in MySQL the literal is earlier than that second: = matches "
    "nothing, <= means <, > means >=";
constexpr std::string_view kTimeOfDayCompared =
    "a date field has no time of day; as in MySQL the literal is later than that day: = matches nothing, < means "
    "<=, >= means >";
constexpr std::string_view kFractionCompared =
    "a datetime field has no fractional seconds; as in MySQL the literal is later than that second: = matches "
    "nothing, < means <=, >= means >";

Conversion convert_date(const ast::Literal& literal) {
  MysqlReadNotes notes;
  const auto read = read_date_literal(literal, notes);
  if (!read) {
    return {Date{},
            shown(literal) +
                " is not a date MySQL can read; it compares as the zero date 0000-00-00, before every real date"};
  }
  const Date date = to_date(*read);
  if (date.is_zero() && is_number_literal(literal)) {
    return {date, shown(literal) + " is read as the zero date 0000-00-00, before every real date"};
  }
  std::vector<std::string_view> reasons;
  if (notes.two_digit_year) reasons.emplace_back(kTwoDigitYear);
  const bool after = !read->is_zero() && (to_datetime(date) != *read || notes.fraction_dropped);
  if (after) reasons.emplace_back(kTimeOfDayCompared);
  if (notes.text_ignored) reasons.emplace_back("MySQL ignores the text after the date");
  return {date, read_as(literal, "the date " + format_date(date), reasons), after ? 1 : 0};
}

Conversion convert_datetime(const ast::Literal& literal) {
  MysqlReadNotes notes;
  const auto read = read_date_literal(literal, notes);
  if (!read) {
    return {DateTime{}, shown(literal) +
                            " is not a date MySQL can read; it compares as the zero datetime "
                            "0000-00-00 00:00:00, before every real date"};
  }
  if (read->is_zero() && is_number_literal(literal)) {
    return {*read, shown(literal) + " is read as the zero datetime 0000-00-00 00:00:00, before every real date"};
  }
  std::vector<std::string_view> reasons;
  if (notes.two_digit_year) reasons.emplace_back(kTwoDigitYear);
  const bool after = !read->is_zero() && notes.fraction_dropped;
  if (after) reasons.emplace_back(kFractionCompared);
  if (notes.text_ignored) reasons.emplace_back("MySQL ignores the text after the datetime");
  return {*read, read_as(literal, format_datetime(*read), reasons), after ? 1 : 0};
}

Conversion convert_time(const ast::Literal& literal) {
  MysqlReadNotes notes;
  std::string_view text = literal.value;
  if (literal.kind == ast::LiteralKind::kInteger && !text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto read = read_mysql_time(text, notes);
  if (!read) return {Time{}, shown(literal) + " is not a time MySQL can read; it compares as 00:00:00"};
  std::vector<std::string_view> reasons;
  if (notes.date_dropped) reasons.emplace_back("a time field has no date");
  if (notes.digits_from_right) {
    reasons.emplace_back("MySQL reads digits without colons from the right: seconds, then minutes, then hours");
  }
  if (notes.clipped) reasons.emplace_back("a time is at most 838:59:59 either way");
  int beyond = 0;
  if (notes.fraction_dropped && !notes.clipped) {
    const std::string_view written = trimmed(text);
    beyond = !written.empty() && written.front() == '-' ? -1 : 1;  // the fraction is away from zero
    reasons.emplace_back(beyond > 0 ? kTimeFractionAfter : kTimeFractionBefore);
  }
  if (notes.two_digit_year) reasons.emplace_back(kTwoDigitYear);
  if (notes.text_ignored) reasons.emplace_back("MySQL ignores the text after the time");
  return {*read, read_as(literal, "the time " + format_time(*read), reasons), beyond};
}

}  // namespace

Conversion convert_literal(ValueClass target, const ast::Literal& literal) {
  switch (target) {
    case ValueClass::kText:
    case ValueClass::kEntityId:  // the binder reads ids itself; the text is all it needs
      return {literal.value, {}};
    case ValueClass::kInteger:
    case ValueClass::kDouble:
    case ValueClass::kDecimal:
      return convert_number(target, literal);
    case ValueClass::kBoolean:
      return convert_boolean(literal);
    case ValueClass::kDate:
      return convert_date(literal);
    case ValueClass::kDateTime:
      return convert_datetime(literal);
    case ValueClass::kTime:
      return convert_time(literal);
    case ValueClass::kNone:
      break;
  }
  return {Null{}, {}};
}

}  // namespace vtql::types
