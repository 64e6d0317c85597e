// Truth tables for calendar values: strict and MySQL-relaxed readers, formats, conversions and the zero date.
#include "engine/types/datetime.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace vtql::types {
namespace {

using Expected = std::optional<std::string>;
constexpr std::nullopt_t kUnreadable = std::nullopt;

std::string shown(const std::optional<Date>& value) { return value ? format_date(*value) : "(unreadable)"; }
std::string shown(const std::optional<DateTime>& value) { return value ? format_datetime(*value) : "(unreadable)"; }
std::string shown(const std::optional<Time>& value) { return value ? format_time(*value) : "(unreadable)"; }
std::string shown(const Expected& value) { return value ? *value : "(unreadable)"; }

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

TEST(DateTimeTest, ParseDateTakesOnlyTheWebserviceForm) {
  const std::vector<std::pair<std::string, Expected>> rows = {
      {"2000-02-29", "2000-02-29"},  // divisible by 400: leap
      {"2004-02-29", "2004-02-29"},
      {"1900-02-29", kUnreadable},  // divisible by 100 only: not leap
      {"2100-02-29", kUnreadable},
      {"2001-02-29", kUnreadable},
      {"2001-02-28", "2001-02-28"},
      {"2000-04-31", kUnreadable},
      {"2000-12-31", "2000-12-31"},
      {"2000-13-01", kUnreadable},
      {"2000-00-10", kUnreadable},
      {"2000-01-00", kUnreadable},
      {"2000-01-32", kUnreadable},
      {"0000-00-00", "0000-00-00"},
      {"2000-00-00", kUnreadable},
      {"0001-01-01", "0001-01-01"},
      {"9999-12-31", "9999-12-31"},
      {"1970-01-01", "1970-01-01"},
      {"2000-2-29", kUnreadable},
      {"2000/02/29", kUnreadable},
      {"20000229", kUnreadable},
      {" 2000-02-29", kUnreadable},
      {"2000-02-29 ", kUnreadable},
      {"2000-02-29 00:00:00", kUnreadable},
      {"", kUnreadable},
      {"abcd-ef-gh", kUnreadable},
  };
  for (const auto& [text, expected] : rows) {
    SCOPED_TRACE("input: \"" + text + "\"");
    EXPECT_EQ(shown(parse_date(text)), shown(expected));
  }
  EXPECT_EQ(parse_date("1970-01-01")->days, 0);
  EXPECT_EQ(parse_date("1969-12-31")->days, -1);
  EXPECT_EQ(parse_date("2000-03-01")->days - parse_date("2000-02-28")->days, 2);
  EXPECT_TRUE(parse_date("0000-00-00")->is_zero());
}

TEST(DateTimeTest, ParseDateTimeAndTimeTakeOnlyTheWebserviceForms) {
  const std::vector<std::pair<std::string, Expected>> datetimes = {
      {"2000-02-29 10:11:12", "2000-02-29 10:11:12"},
      {"2000-02-29 00:00:00", "2000-02-29 00:00:00"},
      {"2000-02-29 23:59:59", "2000-02-29 23:59:59"},
      {"0000-00-00 00:00:00", "0000-00-00 00:00:00"},
      {"0000-00-00 00:00:01", kUnreadable},
      {"2000-02-29 24:00:00", kUnreadable},
      {"2000-02-29 23:60:00", kUnreadable},
      {"2000-02-29 23:00:60", kUnreadable},
      {"2001-02-29 10:11:12", kUnreadable},
      {"2000-02-29T10:11:12", kUnreadable},
      {"2000-02-29 10:11", kUnreadable},
      {"2000-02-29", kUnreadable},
      {"2000-02-29 10:11:12.5", kUnreadable},
  };
  for (const auto& [text, expected] : datetimes) {
    SCOPED_TRACE("input: \"" + text + "\"");
    EXPECT_EQ(shown(parse_datetime(text)), shown(expected));
  }
  const std::vector<std::pair<std::string, Expected>> times = {
      {"10:11:12", "10:11:12"},   {"00:00:00", "00:00:00"},     {"23:59:59", "23:59:59"},   {"838:59:59", "838:59:59"},
      {"-01:00:00", "-01:00:00"}, {"-838:59:59", "-838:59:59"}, {"839:00:00", kUnreadable}, {"1:00:00", kUnreadable},
      {"10:60:00", kUnreadable},  {"10:00:60", kUnreadable},    {"10:11", kUnreadable},     {"101112", kUnreadable},
      {" 10:11:12", kUnreadable}, {"1000:00:00", kUnreadable},  {"", kUnreadable},
  };
  for (const auto& [text, expected] : times) {
    SCOPED_TRACE("input: \"" + text + "\"");
    EXPECT_EQ(shown(parse_time(text)), shown(expected));
  }
}

TEST(DateTimeTest, EveryDayRoundTripsThroughItsText) {
  for (std::int32_t days = -719'528; days <= 2'932'896; ++days) {  // 0000-01-01 to 9999-12-31
    const std::string text = format_date(Date{days});
    const auto back = parse_date(text);
    ASSERT_TRUE(back.has_value()) << text;
    ASSERT_EQ(back->days, days) << text;
  }
}

TEST(DateTimeTest, FebruaryTheTwentyNinthExistsInLeapYearsOnly) {
  for (int year = 1600; year <= 2400; ++year) {
    const std::string y = std::to_string(year);
    SCOPED_TRACE(y);
    EXPECT_EQ(parse_date(y + "-02-29").has_value(), is_leap(year));
    EXPECT_EQ(read_mysql_date(y + "0229").has_value(), is_leap(year));
  }
}

struct RelaxedRow {
  std::string text;
  Expected value;
  MysqlReadNotes notes;
};

MysqlReadNotes two_digit_year() { return {.two_digit_year = true}; }
MysqlReadNotes fraction() { return {.fraction_dropped = true}; }
MysqlReadNotes ignored() { return {.text_ignored = true}; }

void expect_notes(const MysqlReadNotes& got, const MysqlReadNotes& expected) {
  EXPECT_EQ(got.two_digit_year, expected.two_digit_year);
  EXPECT_EQ(got.fraction_dropped, expected.fraction_dropped);
  EXPECT_EQ(got.text_ignored, expected.text_ignored);
  EXPECT_EQ(got.date_dropped, expected.date_dropped);
  EXPECT_EQ(got.digits_from_right, expected.digits_from_right);
  EXPECT_EQ(got.clipped, expected.clipped);
}

TEST(DateTimeTest, ReadMysqlDateTimeTakesMysqlsRelaxedForms) {
  const std::vector<RelaxedRow> rows = {
      {"2000-02-29", "2000-02-29 00:00:00", {}},
      {"2000/02/29", "2000-02-29 00:00:00", {}},
      {"2000.2.29", "2000-02-29 00:00:00", {}},
      {"2000^02^29", "2000-02-29 00:00:00", {}},
      {"2000-2-9", "2000-02-09 00:00:00", {}},
      {"  2000-02-29  ", "2000-02-29 00:00:00", {}},
      {"20000229", "2000-02-29 00:00:00", {}},
      {"000229", "2000-02-29 00:00:00", two_digit_year()},
      {"691231", "2069-12-31 00:00:00", two_digit_year()},
      {"700101", "1970-01-01 00:00:00", two_digit_year()},
      {"991231", "1999-12-31 00:00:00", two_digit_year()},
      {"00-02-29", "2000-02-29 00:00:00", two_digit_year()},
      {"69-1-1", "2069-01-01 00:00:00", two_digit_year()},
      {"70-1-1", "1970-01-01 00:00:00", two_digit_year()},
      {"99/12/31", "1999-12-31 00:00:00", two_digit_year()},
      {"5-01-01", "0005-01-01 00:00:00", {}},
      {"999-01-01", "0999-01-01 00:00:00", {}},
      {"2000-02-29 10:11:12", "2000-02-29 10:11:12", {}},
      {"2000-02-29T10:11:12", "2000-02-29 10:11:12", {}},
      {"2000-02-29  10:11:12", "2000-02-29 10:11:12", {}},
      {"2000/02/29 10.11.12", "2000-02-29 10:11:12", {}},
      {"2000-02-29 1:2:3", "2000-02-29 01:02:03", {}},
      {"2000-02-29 10:11", "2000-02-29 10:11:00", {}},
      {"2000-02-29 10:11.5", "2000-02-29 10:11:05", {}},  // MySQL takes fields in order, whatever the delimiter
      {"2000-02-29 10", "2000-02-29 10:00:00", {}},
      {"2000-02-29 23:59:59", "2000-02-29 23:59:59", {}},
      {"20000229101112", "2000-02-29 10:11:12", {}},
      {"000229101112", "2000-02-29 10:11:12", two_digit_year()},
      {"991231235959", "1999-12-31 23:59:59", two_digit_year()},
      {"2000-02-29 10:11:12.123456", "2000-02-29 10:11:12", fraction()},
      {"2000-02-29 10:11:12.000", "2000-02-29 10:11:12", {}},
      {"20000229101112.5", "2000-02-29 10:11:12", fraction()},
      {"1969-12-31 23:59:59", "1969-12-31 23:59:59", {}},
      {"2000-02-29abc", "2000-02-29 00:00:00", ignored()},
      {"2000-02-29T", "2000-02-29 00:00:00", ignored()},
      {"2000-02-29 10:11:12 PM", "2000-02-29 10:11:12", ignored()},
      {"20000229101112xyz", "2000-02-29 10:11:12", ignored()},
      // The zero date, in every form.
      {"0000-00-00", "0000-00-00 00:00:00", {}},
      {"0000-00-00 00:00:00", "0000-00-00 00:00:00", {}},
      {"00000000", "0000-00-00 00:00:00", {}},
      {"000000", "0000-00-00 00:00:00", {}},
      {"00-00-00", "0000-00-00 00:00:00", {}},
      {"00000000000000", "0000-00-00 00:00:00", {}},
      // Unreadable: no real date, too few fields, or a form MySQL does not know.
      {"0000-00-00 10:00:00", kUnreadable, {}},
      {"2001-02-29", kUnreadable, {}},
      {"1900-02-29", kUnreadable, {}},
      {"20010229", kUnreadable, {}},
      {"2000-13-01", kUnreadable, {}},
      {"2000-00-01", kUnreadable, {}},
      {"2000-01-00", kUnreadable, {}},
      {"2000-01-32", kUnreadable, {}},
      {"2000-00-00", kUnreadable, {}},
      {"011301", kUnreadable, {}},
      {"2000-02-29 24:00:00", kUnreadable, {}},
      {"2000-02-29 10:60", kUnreadable, {}},
      {"2026", kUnreadable, {}},
      {"202601", kUnreadable, {}},
      {"2026-01", kUnreadable, {}},
      {"2026abc", kUnreadable, {}},
      {"12345", kUnreadable, {}},
      {"1234567", kUnreadable, {}},
      {"123456789", kUnreadable, {}},
      {"20000229.5", kUnreadable, {}},
      {"2000-02-291", kUnreadable, {}},
      {"2000-002-29", kUnreadable, {}},
      {"2000--02-29", kUnreadable, {}},
      {"20000-02-29", kUnreadable, {}},
      {"+2000-02-29", kUnreadable, {}},
      {"-2000-02-29", kUnreadable, {}},
      {"12x34", kUnreadable, {}},
      {"abc", kUnreadable, {}},
      {"", kUnreadable, {}},
      {"   ", kUnreadable, {}},
      {"today", kUnreadable, {}},
  };
  for (const RelaxedRow& row : rows) {
    SCOPED_TRACE("input: \"" + row.text + "\"");
    MysqlReadNotes notes;
    const auto value = read_mysql_datetime(row.text, notes);
    EXPECT_EQ(shown(value), shown(row.value));
    if (value) expect_notes(notes, row.notes);
    EXPECT_EQ(shown(read_mysql_datetime(row.text)), shown(row.value));
    // A date reading is the same text with the time dropped.
    const Expected date = row.value ? Expected(row.value->substr(0, 10)) : kUnreadable;
    EXPECT_EQ(shown(read_mysql_date(row.text)), shown(date));
  }
}

TEST(DateTimeTest, ReadMysqlDateTimeNumberPadsAndPivotsLikeMysql) {
  const std::vector<RelaxedRow> rows = {
      {"20000229", "2000-02-29 00:00:00", {}},
      {"+20000229", "2000-02-29 00:00:00", {}},
      {"19991231", "1999-12-31 00:00:00", {}},
      {"20000229101112", "2000-02-29 10:11:12", {}},
      {"101", "2000-01-01 00:00:00", two_digit_year()},
      {"000229", "2000-02-29 00:00:00", two_digit_year()},
      {"91231", "2009-12-31 00:00:00", two_digit_year()},
      {"691231", "2069-12-31 00:00:00", two_digit_year()},
      {"700101", "1970-01-01 00:00:00", two_digit_year()},
      {"991231", "1999-12-31 00:00:00", two_digit_year()},
      {"101000000", "2000-01-01 00:00:00", two_digit_year()},
      {"991231235959", "1999-12-31 23:59:59", two_digit_year()},
      {"0", "0000-00-00 00:00:00", {}},
      {"000", "0000-00-00 00:00:00", {}},
      {"100", kUnreadable, {}},
      {"691232", kUnreadable, {}},
      {"700100", kUnreadable, {}},
      {"2026", kUnreadable, {}},
      {"1000000", kUnreadable, {}},
      {"20010229", kUnreadable, {}},
      {"20001301", kUnreadable, {}},
      {"20000229246000", kUnreadable, {}},
      {"-20000229", kUnreadable, {}},
      {"-5", kUnreadable, {}},
      {"", kUnreadable, {}},
      {"+", kUnreadable, {}},
      {"12x34", kUnreadable, {}},
      {"999999999999999999999", kUnreadable, {}},
  };
  for (const RelaxedRow& row : rows) {
    SCOPED_TRACE("input: " + row.text);
    MysqlReadNotes notes;
    const auto value = read_mysql_datetime_number(row.text, notes);
    EXPECT_EQ(shown(value), shown(row.value));
    if (value) expect_notes(notes, row.notes);
  }
}

TEST(DateTimeTest, ReadMysqlTimeTakesMysqlsTimeForms) {
  const std::vector<RelaxedRow> rows = {
      {"10:11:12", "10:11:12", {}},
      {" 10:11:12 ", "10:11:12", {}},
      {"10:11", "10:11:00", {}},
      {"1:2:3", "01:02:03", {}},
      {"101112", "10:11:12", {}},
      {"10112", "01:01:12", {}},
      {"1112", "00:11:12", {.digits_from_right = true}},
      {"12", "00:00:12", {.digits_from_right = true}},
      {"0", "00:00:00", {.digits_from_right = true}},
      {"1 10:11:12", "34:11:12", {}},
      {"2 3", "51:00:00", {}},
      {"-10:11:12", "-10:11:12", {}},
      {"-101112", "-10:11:12", {}},
      {"100:00:00", "100:00:00", {}},
      {"838:59:59", "838:59:59", {}},
      {"8385959", "838:59:59", {}},
      {"839:00:00", "838:59:59", {.clipped = true}},
      {"-900:00:00", "-838:59:59", {.clipped = true}},
      {"35 00:00:00", "838:59:59", {.clipped = true}},
      {"10:11:12.5", "10:11:12", fraction()},
      {"101112.5", "10:11:12", fraction()},
      {"10:11:12.0", "10:11:12", {}},
      {"2000-02-29 10:11:12", "10:11:12", {.date_dropped = true}},
      {"2000-02-29T10:11:12.5", "10:11:12", {.fraction_dropped = true, .date_dropped = true}},
      {"20000229101112", "10:11:12", {.date_dropped = true}},
      {"10:11:12abc", "10:11:12", ignored()},
      {"12abc", "00:00:12", {.text_ignored = true, .digits_from_right = true}},
      {"10:60:00", kUnreadable, {}},
      {"10:00:60", kUnreadable, {}},
      {"106000", kUnreadable, {}},
      {"10:", kUnreadable, {}},
      {"10:x", kUnreadable, {}},
      {"2000-02-29", kUnreadable, {}},
      {"20000229", kUnreadable, {}},
      {"-2000-02-29 10:11:12", kUnreadable, {}},
      {"abc", kUnreadable, {}},
      {"", kUnreadable, {}},
      {"-", kUnreadable, {}},
      {"noon", kUnreadable, {}},
  };
  for (const RelaxedRow& row : rows) {
    SCOPED_TRACE("input: \"" + row.text + "\"");
    MysqlReadNotes notes;
    const auto value = read_mysql_time(row.text, notes);
    EXPECT_EQ(shown(value), shown(row.value));
    if (value) expect_notes(notes, row.notes);
    EXPECT_EQ(shown(read_mysql_time(row.text)), shown(row.value));
  }
}

TEST(DateTimeTest, FormatsTheWebserviceForms) {
  EXPECT_EQ(format_date(Date{}), "0000-00-00");
  EXPECT_EQ(format_datetime(DateTime{}), "0000-00-00 00:00:00");
  EXPECT_EQ(format_date(Date{0}), "1970-01-01");
  EXPECT_EQ(format_date(Date{-1}), "1969-12-31");
  EXPECT_EQ(format_datetime(DateTime{0}), "1970-01-01 00:00:00");
  EXPECT_EQ(format_datetime(DateTime{-1}), "1969-12-31 23:59:59");
  EXPECT_EQ(format_datetime(DateTime{86'399}), "1970-01-01 23:59:59");
  EXPECT_EQ(format_time(Time{0}), "00:00:00");
  EXPECT_EQ(format_time(Time{37'872}), "10:31:12");
  EXPECT_EQ(format_time(Time{-3'600}), "-01:00:00");
  EXPECT_EQ(format_time(Time{838 * 3600 + 59 * 60 + 59}), "838:59:59");
  EXPECT_EQ(format_time(Time{-(838 * 3600 + 59 * 60 + 59)}), "-838:59:59");
}

TEST(DateTimeTest, ConvertsBetweenKindsKeepingTheZeroValue) {
  EXPECT_TRUE(to_datetime(Date{}).is_zero());
  EXPECT_TRUE(to_date(DateTime{}).is_zero());
  EXPECT_EQ(to_datetime(Date{1}), DateTime{86'400});
  EXPECT_EQ(to_datetime(Date{-1}), DateTime{-86'400});
  EXPECT_EQ(to_date(DateTime{-1}), Date{-1});
  EXPECT_EQ(to_date(DateTime{86'399}), Date{0});
  EXPECT_EQ(to_date(DateTime{86'400}), Date{1});
  EXPECT_EQ(to_date(*parse_datetime("2000-02-29 23:59:59")), *parse_date("2000-02-29"));
  EXPECT_EQ(to_datetime(*parse_date("2000-02-29")), *parse_datetime("2000-02-29 00:00:00"));
}

TEST(DateTimeTest, TheZeroValueSortsBeforeEveryRealValue) {
  EXPECT_LT(Date{}, *parse_date("0000-01-01"));
  EXPECT_LT(Date{}, *parse_date("0001-01-01"));
  EXPECT_LT(DateTime{}, *parse_datetime("0000-01-01 00:00:00"));
  EXPECT_LT(*parse_date("1969-12-31"), *parse_date("1970-01-01"));
  EXPECT_LT(*parse_time("-01:00:00"), *parse_time("00:00:00"));
  EXPECT_EQ(*read_mysql_date("2026-01-01"), *parse_date("2026-01-01"));
  EXPECT_FALSE(read_mysql_date("2026").has_value());
}

}  // namespace
}  // namespace vtql::types
