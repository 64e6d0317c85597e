// Calendar values: strict readers of the webservice's forms, MySQL's relaxed readers, formatters, conversions.
//
// What MySQL (str_to_datetime, str_to_time, number_to_datetime) reads when a literal meets a DATE, DATETIME or
// TIME column, and what vtql reads of it:
// - delimited dates: a year of 1 to 4 digits, then month and day of 1 or 2 digits, each after one punctuation
//   character, any one ("2000-02-29", "2000/2/29", "2000.02.29", "2000^02^29");
// - digit strings: YYYYMMDD, YYMMDD, YYYYMMDDHHMMSS, YYMMDDHHMMSS (other lengths are unreadable: "2026", a bare
//   year, is not a date);
// - a time after a delimited date follows spaces or one 'T': hours, then optional minutes and seconds of 1 or 2
//   digits after any punctuation ("2000-02-29 10:11:12", "2000-02-29T10:11", "2000-02-29 10");
// - fractional seconds (".123456") are read and dropped;
// - a two-digit year is 20YY for 00-69 and 19YY for 70-99, except in the all-zero date;
// - the zero date "0000-00-00" (and its digit forms) is a value of its own; other dates must be real calendar
//   dates (2001-02-29, month 13 or day 0 are unreadable, as MySQL's default NO_ZERO_IN_DATE mode has it);
// - leading and trailing spaces are skipped; other text after a complete value is ignored with a note, since
//   MySQL only warns about it ("2000-02-29abc" is 2000-02-29).
// MySQL also accepts runs of delimiters ("2000--02--29"), which vtql does not.
#include "engine/types/datetime.hpp"

#include <algorithm>
#include <array>
#include <chrono>

namespace vtql::types {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int32_t kMaxTimeSeconds = 838 * 3600 + 59 * 60 + 59;  // MySQL's TIME range
constexpr int kPivotYear = 70;                                       // MySQL's YY_PART_YEAR

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// MySQL's my_isspace and my_ispunct for the ASCII range.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::size_t leading_digits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  return n;
}

// The value of exactly `count` digits at `at` (the caller has checked they are digits; count <= 18).
std::int64_t number_at(std::string_view s, std::size_t at, std::size_t count) {
  std::int64_t value = 0;
  for (std::size_t i = at; i < at + count; ++i) value = value * 10 + (s[i] - '0');
  return value;
}

// A field of 1 to `max_digits` digits at `i`; a longer run of digits is no field.
std::optional<int> read_field(std::string_view s, std::size_t& i, std::size_t max_digits) {
  const std::size_t start = i;
  int value = 0;
  while (i < s.size() && is_digit(s[i]) && i - start < max_digits) value = value * 10 + (s[i++] - '0');
  if (i == start || (i < s.size() && is_digit(s[i]))) return std::nullopt;
  return value;
}

// A punctuation character followed by a digit: the start of the next field.
bool at_delimited_field(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && is_punct(s[i]) && is_digit(s[i + 1]);
}

// Skips ".digits" after the seconds; MySQL reads them, vtql keeps whole seconds.
void skip_fraction(std::string_view s, std::size_t& i, MysqlReadNotes& notes) {
  if (i + 1 >= s.size() || s[i] != '.' || !is_digit(s[i + 1])) return;
  for (++i; i < s.size() && is_digit(s[i]); ++i) {
    if (s[i] != '0') notes.fraction_dropped = true;
  }
}

struct Fields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

std::optional<std::int32_t> days_from_civil(int year, int month, int day) {
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return static_cast<std::int32_t>(std::chrono::sys_days{date}.time_since_epoch().count());
}

// The zero date only goes with a zero time: "0000-00-00 10:00:00" has no value to hold it.
std::optional<DateTime> to_value(const Fields& f) {
  if (f.hour > 23 || f.minute > 59 || f.second > 59) return std::nullopt;
  if (f.year == 0 && f.month == 0 && f.day == 0) {
    if (f.hour != 0 || f.minute != 0 || f.second != 0) return std::nullopt;
    return DateTime{};
  }
  const auto days = days_from_civil(f.year, f.month, f.day);
  if (!days) return std::nullopt;
  return DateTime{*days * kSecondsPerDay + std::int64_t{f.hour} * 3600 + std::int64_t{f.minute} * 60 + f.second};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

struct Reading {
  DateTime value;
  bool has_time = false;
};

// The relaxed date and datetime forms listed at the top of this file.
std::optional<Reading> read_relaxed(std::string_view text, MysqlReadNotes& notes) {
  const std::string_view s = trimmed(text);
  const std::size_t n = leading_digits(s);
  if (n == 0) return std::nullopt;
  MysqlReadNotes local;
  Fields f;
  Reading out;
  std::size_t i = 0;
  bool two_digit_year = false;
  if (n == s.size() || !is_punct(s[n]) || (s[n] == '.' && n >= 12)) {
    if (n != 6 && n != 8 && n != 12 && n != 14) return std::nullopt;
    const std::size_t year_digits = n == 8 || n == 14 ? 4 : 2;
    two_digit_year = year_digits == 2;
    f.year = static_cast<int>(number_at(s, 0, year_digits));
    f.month = static_cast<int>(number_at(s, year_digits, 2));
    f.day = static_cast<int>(number_at(s, year_digits + 2, 2));
    i = year_digits + 4;
    if (n >= 12) {
      f.hour = static_cast<int>(number_at(s, i, 2));
      f.minute = static_cast<int>(number_at(s, i + 2, 2));
      f.second = static_cast<int>(number_at(s, i + 4, 2));
      i += 6;
      out.has_time = true;
      skip_fraction(s, i, local);
    }
  } else {
    if (n > 4) return std::nullopt;
    two_digit_year = n == 2;
    f.year = static_cast<int>(number_at(s, 0, n));
    i = n + 1;
    const auto month = read_field(s, i, 2);
    if (!month || i >= s.size() || !is_punct(s[i])) return std::nullopt;
    ++i;
    const auto day = read_field(s, i, 2);
    if (!day) return std::nullopt;
    f.month = *month;
    f.day = *day;
    std::size_t j = i;
    if (j < s.size() && s[j] == 'T') {
      ++j;
    } else {
      while (j < s.size() && is_space(s[j])) ++j;
    }
    if (j > i && j < s.size() && is_digit(s[j])) {
      i = j;
      const auto hour = read_field(s, i, 2);
      if (!hour) return std::nullopt;
      f.hour = *hour;
      out.has_time = true;
      if (at_delimited_field(s, i)) {
        ++i;
        const auto minute = read_field(s, i, 2);
        if (!minute) return std::nullopt;
        f.minute = *minute;
        if (at_delimited_field(s, i)) {
          ++i;
          const auto second = read_field(s, i, 2);
          if (!second) return std::nullopt;
          f.second = *second;
          skip_fraction(s, i, local);
        }
      }
    }
  }
  if (i < s.size()) local.text_ignored = true;
  if (two_digit_year && (f.year != 0 || f.month != 0 || f.day != 0)) {
    f.year += f.year < kPivotYear ? 2000 : 1900;
    local.two_digit_year = true;
  }
  const auto value = to_value(f);
  if (!value) return std::nullopt;
  out.value = *value;
  notes.two_digit_year |= local.two_digit_year;
  notes.fraction_dropped |= local.fraction_dropped;
  notes.text_ignored |= local.text_ignored;
  return out;
}

std::string padded(std::int64_t value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

// MySQL's number_to_datetime: the number's range decides its form (the numbers between the ranges are errors);
// each form becomes YYYYMMDDHHMMSS as number * multiply + add.
struct NumberForm {
  std::int64_t low;
  std::int64_t high;
  std::int64_t multiply;
  std::int64_t add;
  bool two_digit_year;
};
constexpr std::array<NumberForm, 6> kNumberForms = {{
    {101, 691'231, 1'000'000, 20'000'000'000'000, true},              // YYMMDD, 2000-2069
    {700'101, 991'231, 1'000'000, 19'000'000'000'000, true},          // YYMMDD, 1970-1999
    {10'000'101, 99'991'231, 1'000'000, 0, false},                    // YYYYMMDD
    {101'000'000, 691'231'235'959, 1, 20'000'000'000'000, true},      // YYMMDDHHMMSS, 2000-2069
    {700'101'000'000, 991'231'235'959, 1, 19'000'000'000'000, true},  // YYMMDDHHMMSS, 1970-1999
    {991'231'235'960, 99'999'999'999'999, 1, 0, false},               // YYYYMMDDHHMMSS
}};

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  Fields f;
  f.year = static_cast<int>(number_at(text, 0, 4));
  f.month = static_cast<int>(number_at(text, 5, 2));
  f.day = static_cast<int>(number_at(text, 8, 2));
  const auto value = to_value(f);
  if (!value) return std::nullopt;
  return to_date(*value);
}

std::optional<DateTime> parse_datetime(std::string_view text) {
  if (text.size() != 19 || text[10] != ' ' || text[13] != ':' || text[16] != ':') return std::nullopt;
  for (std::size_t i : {11, 12, 14, 15, 17, 18}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  const auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  Fields f;
  f.hour = static_cast<int>(number_at(text, 11, 2));
  f.minute = static_cast<int>(number_at(text, 14, 2));
  f.second = static_cast<int>(number_at(text, 17, 2));
  if (f.hour > 23 || f.minute > 59 || f.second > 59) return std::nullopt;
  const std::int64_t seconds = f.hour * 3600 + f.minute * 60 + f.second;
  if (date->is_zero()) return seconds == 0 ? std::optional<DateTime>(DateTime{}) : std::nullopt;
  return DateTime{to_datetime(*date).seconds + seconds};
}

std::optional<Time> parse_time(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t hour_digits = leading_digits(text);
  if (hour_digits < 2 || hour_digits > 3 || text.size() != hour_digits + 6) return std::nullopt;
  const std::string_view rest = text.substr(hour_digits);
  if (rest[0] != ':' || rest[3] != ':' || !is_digit(rest[1]) || !is_digit(rest[2]) || !is_digit(rest[4]) ||
      !is_digit(rest[5])) {
    return std::nullopt;
  }
  const std::int64_t minute = number_at(rest, 1, 2);
  const std::int64_t second = number_at(rest, 4, 2);
  if (minute > 59 || second > 59) return std::nullopt;
  const std::int64_t total = number_at(text, 0, hour_digits) * 3600 + minute * 60 + second;
  if (total > kMaxTimeSeconds) return std::nullopt;
  return Time{static_cast<std::int32_t>(negative ? -total : total)};
}

std::optional<Date> read_mysql_date(std::string_view text) {
  MysqlReadNotes notes;
  const auto value = read_mysql_datetime(text, notes);
  if (!value) return std::nullopt;
  return to_date(*value);
}

std::optional<DateTime> read_mysql_datetime(std::string_view text) {
  MysqlReadNotes notes;
  return read_mysql_datetime(text, notes);
}

std::optional<DateTime> read_mysql_datetime(std::string_view text, MysqlReadNotes& notes) {
  const auto reading = read_relaxed(text, notes);
  if (!reading) return std::nullopt;
  return reading->value;
}

std::optional<Time> read_mysql_time(std::string_view text) {
  MysqlReadNotes notes;
  return read_mysql_time(text, notes);
}

// MySQL's str_to_time: "[-][D ]H:MM[:SS][.frac]", digits read from the right ("101112", "1112", "12"), or a
// datetime whose time of day is kept. Hours may exceed 23; the result is clipped to ±838:59:59.
std::optional<Time> read_mysql_time(std::string_view text, MysqlReadNotes& notes) {
  std::string_view s = trimmed(text);
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  const std::size_t n = leading_digits(s);
  if (n == 0) return std::nullopt;
  MysqlReadNotes local;
  const char next = n < s.size() ? s[n] : '\0';
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  std::int64_t seconds = 0;
  std::size_t i = n;
  if (n > 7 || (is_punct(next) && next != ':' && next != '.')) {
    if (negative) return std::nullopt;
    const auto reading = read_relaxed(s, local);
    if (!reading || !reading->has_time) return std::nullopt;
    local.date_dropped = true;
    const std::int64_t of_day =
        reading->value.seconds - floor_div(reading->value.seconds, kSecondsPerDay) * kSecondsPerDay;
    hours = of_day / 3600;
    minutes = of_day / 60 % 60;
    seconds = of_day % 60;
    i = s.size();
  } else if (next == ':' || (is_space(next) && is_digit(trimmed(s.substr(n)).front()))) {
    const std::int64_t first = number_at(s, 0, n);
    if (next != ':') {
      // "D HH[:MM[:SS]]": days before the hours.
      while (is_space(s[i])) ++i;
      const auto hour = read_field(s, i, 2);
      if (!hour) return std::nullopt;
      hours = first * 24 + *hour;
    } else {
      hours = first;
    }
    if (at_delimited_field(s, i) && s[i] == ':') {
      ++i;
      const auto minute = read_field(s, i, 2);
      if (!minute) return std::nullopt;
      minutes = *minute;
      if (at_delimited_field(s, i) && s[i] == ':') {
        ++i;
        const auto second = read_field(s, i, 2);
        if (!second) return std::nullopt;
        seconds = *second;
        skip_fraction(s, i, local);
      }
    } else if (next == ':') {
      return std::nullopt;  // "10:" or "10:x"
    }
  } else {
    const std::int64_t value = number_at(s, 0, n);
    seconds = value % 100;
    minutes = value / 100 % 100;
    hours = value / 10000;
    local.digits_from_right = n <= 4;
    skip_fraction(s, i, local);
  }
  if (minutes > 59 || seconds > 59) return std::nullopt;
  if (i < s.size()) local.text_ignored = true;
  std::int64_t total = hours * 3600 + minutes * 60 + seconds;
  if (total > kMaxTimeSeconds) {
    total = kMaxTimeSeconds;
    local.clipped = true;
  }
  notes.fraction_dropped |= local.fraction_dropped;
  notes.text_ignored |= local.text_ignored;
  notes.date_dropped |= local.date_dropped;
  notes.digits_from_right |= local.digits_from_right;
  notes.clipped |= local.clipped;
  notes.two_digit_year |= local.two_digit_year;
  return Time{static_cast<std::int32_t>(negative ? -total : total)};
}

std::optional<DateTime> read_mysql_datetime_number(std::string_view digits, MysqlReadNotes& notes) {
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (digits.empty() || leading_digits(digits) != digits.size()) return std::nullopt;
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.size() > 14) return std::nullopt;
  std::int64_t nr = number_at(digits, 0, digits.size());
  bool two_digit_year = false;
  if (nr != 0) {
    const auto form = std::find_if(kNumberForms.begin(), kNumberForms.end(),
                                   [nr](const NumberForm& f) { return nr >= f.low && nr <= f.high; });
    if (form == kNumberForms.end()) return std::nullopt;
    nr = nr * form->multiply + form->add;
    two_digit_year = form->two_digit_year;
  }
  Fields f;
  f.year = static_cast<int>(nr / 10'000'000'000);
  f.month = static_cast<int>(nr / 100'000'000 % 100);
  f.day = static_cast<int>(nr / 1'000'000 % 100);
  f.hour = static_cast<int>(nr / 10'000 % 100);
  f.minute = static_cast<int>(nr / 100 % 100);
  f.second = static_cast<int>(nr % 100);
  const auto value = to_value(f);
  if (!value) return std::nullopt;
  notes.two_digit_year |= two_digit_year;
  return value;
}

namespace {

// Writes `value` (0 <= value < 10^width) as exactly `width` digits at `out`.
void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// "YYYY-MM-DD" into out[0..10) when the year has four digits; false otherwise.
bool put_date(char* out, Date date) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return false;
  put_digits(out, static_cast<unsigned>(year), 4);
  out[4] = '-';
  put_digits(out + 5, static_cast<unsigned>(ymd.month()), 2);
  out[7] = '-';
  put_digits(out + 8, static_cast<unsigned>(ymd.day()), 2);
  return true;
}

// "HH:MM:SS" into out[0..8) for 0 <= seconds < 100 hours.
void put_time(char* out, std::int64_t seconds) {
  put_digits(out, static_cast<unsigned>(seconds / 3600), 2);
  out[2] = ':';
  put_digits(out + 3, static_cast<unsigned>(seconds / 60 % 60), 2);
  out[5] = ':';
  put_digits(out + 6, static_cast<unsigned>(seconds % 60), 2);
}

}  // namespace

std::string format_date(Date date) {
  if (date.is_zero()) return "0000-00-00";
  char out[10];
  if (put_date(out, date)) return std::string(out, sizeof out);
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
  return padded(static_cast<int>(ymd.year()), 4) + "-" + padded(static_cast<unsigned>(ymd.month()), 2) + "-" +
         padded(static_cast<unsigned>(ymd.day()), 2);
}

std::string format_datetime(DateTime value) {
  if (value.is_zero()) return "0000-00-00 00:00:00";
  const std::int64_t days = floor_div(value.seconds, kSecondsPerDay);
  const std::int64_t of_day = value.seconds - days * kSecondsPerDay;
  char out[19];
  if (put_date(out, Date{static_cast<std::int32_t>(days)})) {
    out[10] = ' ';
    put_time(out + 11, of_day);
    return std::string(out, sizeof out);
  }
  return format_date(Date{static_cast<std::int32_t>(days)}) + " " +
         format_time(Time{static_cast<std::int32_t>(of_day)});
}

std::string format_time(Time value) {
  const std::int64_t total = value.seconds < 0 ? -static_cast<std::int64_t>(value.seconds) : value.seconds;
  if (value.seconds >= 0 && total < 100 * 3600) {
    char out[8];
    put_time(out, total);
    return std::string(out, sizeof out);
  }
  return (value.seconds < 0 ? "-" : "") + padded(total / 3600, 2) + ":" + padded(total / 60 % 60, 2) + ":" +
         padded(total % 60, 2);
}

void write_date(Date date, std::string& out) {
  char text[10];
  if (!date.is_zero() && put_date(text, date)) {
    out.assign(text, sizeof text);
  } else {
    out = format_date(date);
  }
}

void write_datetime(DateTime value, std::string& out) {
  if (!value.is_zero()) {
    const std::int64_t days = floor_div(value.seconds, kSecondsPerDay);
    char text[19];
    if (put_date(text, Date{static_cast<std::int32_t>(days)})) {
      text[10] = ' ';
      put_time(text + 11, value.seconds - days * kSecondsPerDay);
      out.assign(text, sizeof text);
      return;
    }
  }
  out = format_datetime(value);
}

void write_time(Time value, std::string& out) {
  if (value.seconds >= 0 && value.seconds < 100 * 3600) {
    char text[8];
    put_time(text, value.seconds);
    out.assign(text, sizeof text);
  } else {
    out = format_time(value);
  }
}

DateTime to_datetime(Date date) noexcept {
  if (date.is_zero()) return DateTime{};
  return DateTime{date.days * kSecondsPerDay};
}

Date to_date(DateTime value) noexcept {
  if (value.is_zero()) return Date{};
  return Date{static_cast<std::int32_t>(floor_div(value.seconds, kSecondsPerDay))};
}

}  // namespace vtql::types
