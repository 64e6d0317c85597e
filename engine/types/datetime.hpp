// Calendar values (dates, datetimes, times of day) with MySQL's relaxed reading of date and time literals.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vtql::types {

// A calendar date, or MySQL's zero date 0000-00-00, which sorts before every real date.
struct Date {
  static constexpr std::int32_t kZero = INT32_MIN;
  std::int32_t days = kZero;  // days since 1970-01-01

  bool is_zero() const noexcept { return days == kZero; }
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A date and time of day without time zone, or the zero datetime 0000-00-00 00:00:00.
struct DateTime {
  static constexpr std::int64_t kZero = INT64_MIN;
  std::int64_t seconds = kZero;  // seconds since 1970-01-01 00:00:00

  bool is_zero() const noexcept { return seconds == kZero; }
  friend auto operator<=>(const DateTime&, const DateTime&) = default;
};

// A time of day, or a MySQL TIME duration (-838:59:59 to 838:59:59).
struct Time {
  std::int32_t seconds = 0;
  friend auto operator<=>(const Time&, const Time&) = default;
};

// Strict readers for the webservice's own string forms: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS", "HH:MM:SS".
// Return nullopt for anything else (including invalid calendar dates such as 2001-02-29).
std::optional<Date> parse_date(std::string_view text);
std::optional<DateTime> parse_datetime(std::string_view text);
std::optional<Time> parse_time(std::string_view text);

// MySQL's relaxed readings for literals compared with a DATE / DATETIME / TIME column:
// "2000-02-29", "2000/02/29", "2000.2.29", "20000229", "000229", each optionally with a time
// ("2000-02-29 10:11:12", "2000-02-29T10:11:12", "20000229101112", fractional seconds dropped).
// Return nullopt when MySQL could not read the text (it then compares as the zero value).
std::optional<Date> read_mysql_date(std::string_view text);          // a time part is allowed and dropped
std::optional<DateTime> read_mysql_datetime(std::string_view text);  // a bare date means its midnight
std::optional<Time> read_mysql_time(std::string_view text);          // "10:11:12", "10:11", "101112", "1 10:11:12"

// What a relaxed reading did besides reading the text as written, so that callers can say so.
struct MysqlReadNotes {
  bool two_digit_year = false;     // a two-digit year completed by MySQL's pivot: 00-69 → 20YY, 70-99 → 19YY
  bool fraction_dropped = false;   // nonzero fractional seconds, which vtql does not keep
  bool text_ignored = false;       // characters after the value other than spaces, which MySQL skips
  bool date_dropped = false;       // read_mysql_time: the text was a datetime and only its time of day is kept
  bool digits_from_right = false;  // read_mysql_time: four digits or fewer without colons ("1112" is 00:11:12)
  bool clipped = false;            // read_mysql_time: beyond ±838:59:59, held at the limit
};

// The readings above, reporting in `notes` what they changed.
std::optional<DateTime> read_mysql_datetime(std::string_view text, MysqlReadNotes& notes);
std::optional<Time> read_mysql_time(std::string_view text, MysqlReadNotes& notes);

// MySQL's reading of an unquoted integer (the literal's digits, with an optional sign) as a date or datetime,
// which differs from reading the same digits quoted: YYYYMMDD, YYMMDD, YYYYMMDDHHMMSS or YYMMDDHHMMSS, shorter
// numbers padded on the left (101 is 2000-01-01), 0 the zero value, and negative numbers unreadable.
std::optional<DateTime> read_mysql_datetime_number(std::string_view digits, MysqlReadNotes& notes);

// The webservice's string forms.
std::string format_date(Date date);           // "YYYY-MM-DD", "0000-00-00" for the zero date
std::string format_datetime(DateTime value);  // "YYYY-MM-DD HH:MM:SS"
std::string format_time(Time value);          // "HH:MM:SS" (hours may exceed 23 or be negative)
// The same forms written over `out`, whose memory is reused: no allocation once it has grown to 19 bytes.
void write_date(Date date, std::string& out);
void write_datetime(DateTime value, std::string& out);
void write_time(Time value, std::string& out);

// Conversions between the kinds.
DateTime to_datetime(Date date) noexcept;  // midnight; zero stays zero
Date to_date(DateTime value) noexcept;     // drops the time; zero stays zero

}  // namespace vtql::types
