// Truth tables for literal conversion: the value each literal becomes for each field class, and its warning.
#include "engine/types/literal_conversion.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace vtql::types {
namespace {

using ast::LiteralKind;

ast::Literal quoted(std::string text) { return {LiteralKind::kString, std::move(text), {}}; }
ast::Literal number(std::string text) { return {LiteralKind::kInteger, std::move(text), {}}; }
ast::Literal entity_id(std::string text) { return {LiteralKind::kEntityId, std::move(text), {}}; }
ast::Literal boolean(bool value) { return {LiteralKind::kBoolean, value ? "1" : "0", {}}; }

// The value with its alternative, so that a row can say "int 12" rather than "decimal 12".
std::string describe(const Value& value) {
  struct Describe {
    std::string operator()(Null) const { return "null"; }
    std::string operator()(const std::string& v) const { return "text " + v; }
    std::string operator()(std::int64_t v) const { return "int " + std::to_string(v); }
    std::string operator()(double v) const {
      std::ostringstream out;
      out.precision(17);
      out << v;
      return "double " + out.str();
    }
    std::string operator()(const Decimal& v) const { return "decimal " + v.to_string(); }
    std::string operator()(bool v) const { return v ? "bool true" : "bool false"; }
    std::string operator()(Date v) const { return "date " + format_date(v); }
    std::string operator()(DateTime v) const { return "datetime " + format_datetime(v); }
    std::string operator()(Time v) const { return "time " + format_time(v); }
    std::string operator()(const EntityId& v) const {
      return "id " + std::to_string(v.prefix) + "x" + std::to_string(v.number);
    }
  };
  return std::visit(Describe{}, value);
}

std::string kind_name(LiteralKind kind) {
  switch (kind) {
    case LiteralKind::kString:
      return "string";
    case LiteralKind::kInteger:
      return "integer";
    case LiteralKind::kEntityId:
      return "entity id";
    case LiteralKind::kBoolean:
      return "boolean";
  }
  return "?";
}

struct Row {
  ast::Literal literal;
  std::string value;    // describe() of the converted value
  std::string warning;  // the exact warning, "" for none, or "~text" for a warning that contains text
};

void check(ValueClass target, const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(kind_name(row.literal.kind) + " literal \"" + row.literal.value + "\"");
    const Conversion got = convert_literal(target, row.literal);
    EXPECT_EQ(describe(got.value), row.value);
    if (row.warning.empty()) {
      EXPECT_EQ(got.warning, "");
    } else if (row.warning.front() == '~') {
      EXPECT_NE(got.warning.find(row.warning.substr(1)), std::string::npos) << got.warning;
    } else {
      EXPECT_EQ(got.warning, row.warning);
    }
    // One sentence on one line.
    EXPECT_EQ(got.warning.find('\n'), std::string::npos) << got.warning;
  }
}

const std::string kPrefix = "(MySQL reads the longest numeric prefix)";

TEST(LiteralConversionTest, DecimalFieldsReadTheLongestNumericPrefix) {
  const std::vector<Row> rows = {
      {quoted("1500.5"), "decimal 1500.5", ""},
      {quoted("1500.50000000"), "decimal 1500.50000000", ""},
      {quoted(" 12 "), "decimal 12", ""},
      {quoted("1e3"), "decimal 1000", ""},
      {quoted(".5"), "decimal 0.5", ""},
      {quoted("-0"), "decimal 0", ""},
      {quoted("-12.25"), "decimal -12.25", ""},
      {quoted("12abc"), "decimal 12", "'12abc' is read as the number 12 " + kPrefix},
      {quoted("12.50 EUR"), "decimal 12.50", "'12.50 EUR' is read as the number 12.50 " + kPrefix},
      {quoted("0x10"), "decimal 0", "'0x10' is read as the number 0 " + kPrefix},
      {quoted("1,5"), "decimal 1", "'1,5' is read as the number 1 " + kPrefix},
      {quoted("1e"), "decimal 1", "'1e' is read as the number 1 " + kPrefix},
      {quoted("abc"), "decimal 0", "'abc' is not a number; it is read as 0"},
      {quoted(""), "decimal 0", "'' is not a number; it is read as 0"},
      {quoted("  "), "decimal 0", "'  ' is not a number; it is read as 0"},
      {quoted("-"), "decimal 0", "'-' is not a number; it is read as 0"},
      {quoted("it's"), "decimal 0", "'it''s' is not a number; it is read as 0"},
      {quoted("a\\b"), "decimal 0", "'a\\\\b' is not a number; it is read as 0"},
      {quoted("1e99"), "decimal " + std::string(38, '9'),
       "'1e99' has more digits than an exact decimal holds (38, at most 30 after the point); it is read as " +
           std::string(38, '9')},
      {quoted("1e-31"), "decimal 0." + std::string(30, '0'), "~has more digits than an exact decimal holds"},
      {number("-5"), "decimal -5", ""},
      {number("+5"), "decimal 5", ""},
      {number("0"), "decimal 0", ""},
      {boolean(true), "decimal 1", ""},
      {boolean(false), "decimal 0", ""},
      {entity_id("12x34"), "decimal 12", "12x34 is read as the number 12 " + kPrefix},
  };
  check(ValueClass::kDecimal, rows);
  EXPECT_EQ(std::get<Decimal>(convert_literal(ValueClass::kDecimal, quoted("1500.5")).value),
            *Decimal::parse("1500.50000000"));
}

TEST(LiteralConversionTest, IntegerFieldsTakeAnInt64WhenTheNumberIsOne) {
  const std::vector<Row> rows = {
      {quoted("12"), "int 12", ""},
      {quoted("12.0"), "int 12", ""},
      {quoted("1.2e1"), "int 12", ""},
      {quoted("1e3"), "int 1000", ""},
      {quoted("-0"), "int 0", ""},
      {quoted("12.5"), "decimal 12.5", ""},
      {quoted("9223372036854775807"), "int 9223372036854775807", ""},
      {quoted("-9223372036854775808"), "int -9223372036854775808", ""},
      {quoted("9223372036854775808"), "decimal 9223372036854775808", ""},
      {quoted("-9223372036854775809"), "decimal -9223372036854775809", ""},
      {quoted("1e30"), "decimal 1" + std::string(30, '0'), ""},
      {quoted("12abc"), "int 12", "'12abc' is read as the number 12 " + kPrefix},
      {quoted("abc"), "int 0", "'abc' is not a number; it is read as 0"},
      {number("-5"), "int -5", ""},
      {number("+5"), "int 5", ""},
      {number("99999999999999999999"), "decimal 99999999999999999999", ""},
      {boolean(true), "int 1", ""},
      {entity_id("12x34"), "int 12", "12x34 is read as the number 12 " + kPrefix},
  };
  check(ValueClass::kInteger, rows);
}

TEST(LiteralConversionTest, DoubleFieldsReadADouble) {
  const std::vector<Row> rows = {
      {quoted("1.5"), "double 1.5", ""},
      {quoted("0.1"), "double 0.10000000000000001", ""},
      {quoted("-2e3"), "double -2000", ""},
      {number("+7"), "double 7", ""},
      {quoted("12abc"), "double 12", "'12abc' is read as the number 12 " + kPrefix},
      {quoted("abc"), "double 0", "'abc' is not a number; it is read as 0"},
      {quoted("1e400"), "double 1.7976931348623157e+308",
       "'1e400' is beyond the range of a floating-point number; it is read as 1.7976931348623157e+308"},
      {quoted("1e-400"), "double 0", "'1e-400' is too small for a floating-point number; it is read as 0"},
  };
  check(ValueClass::kDouble, rows);
}

TEST(LiteralConversionTest, BooleanFieldsTakeOneZeroTrueFalse) {
  const std::string on = "'on' is not a boolean (use 1, 0, TRUE or FALSE); it matches no record";
  const std::vector<Row> rows = {
      {number("1"), "bool true", ""},
      {number("0"), "bool false", ""},
      {number("+1"), "bool true", ""},
      {number("-0"), "bool false", ""},
      {quoted("1"), "bool true", ""},
      {quoted("0"), "bool false", ""},
      {quoted(" 1 "), "bool true", ""},
      {quoted("true"), "null", "'true' is not a boolean (use 1, 0, TRUE or FALSE); it matches no record"},
      {quoted("FALSE"), "null", "~is not a boolean"},
      {boolean(true), "bool true", ""},
      {boolean(false), "bool false", ""},
      {quoted("on"), "null", on},
      {quoted("yes"), "null", "~is not a boolean"},
      {quoted("2"), "null", "~is not a boolean"},
      {quoted("01"), "null", "~is not a boolean"},
      {quoted(""), "null", "'' is not a boolean (use 1, 0, TRUE or FALSE); it matches no record"},
      {number("2"), "null", "2 is not a boolean (use 1, 0, TRUE or FALSE); it matches no record"},
      {number("-1"), "null", "~is not a boolean"},
      {entity_id("1x2"), "null", "1x2 is not a boolean (use 1, 0, TRUE or FALSE); it matches no record"},
  };
  check(ValueClass::kBoolean, rows);
}

const std::string kZeroDate = "it compares as the zero date 0000-00-00, before every real date";

TEST(LiteralConversionTest, DateFieldsReadMysqlsRelaxedForms) {
  const std::vector<Row> rows = {
      {quoted("2020-01-01"), "date 2020-01-01", ""},
      {quoted("2000-02-29"), "date 2000-02-29", ""},
      {quoted("2000/02/29"), "date 2000-02-29", ""},
      {quoted("2000.2.29"), "date 2000-02-29", ""},
      {quoted("20000229"), "date 2000-02-29", ""},
      {number("20000229"), "date 2000-02-29", ""},
      {number("+20000229"), "date 2000-02-29", ""},
      {quoted("2020-01-01 00:00:00"), "date 2020-01-01", ""},
      {quoted("0000-00-00"), "date 0000-00-00", ""},
      {quoted("2020-01-01 10:00:00"), "date 2020-01-01",
       "'2020-01-01 10:00:00' is read as the date 2020-01-01 (a date field has no time of day; as in MySQL the literal "
       "is later than that day: = matches nothing, < means <=, >= means >)"},
      {quoted("000229"), "date 2000-02-29",
       "'000229' is read as the date 2000-02-29 (MySQL reads a two-digit year 00-69 as 20xx and 70-99 as 19xx)"},
      {quoted("99-12-31"), "date 1999-12-31", "~two-digit year"},
      {number("101"), "date 2000-01-01", "~two-digit year"},
      {quoted("2020-01-01abc"), "date 2020-01-01",
       "'2020-01-01abc' is read as the date 2020-01-01 (MySQL ignores the text after the date)"},
      {quoted("20-01-01 10:00:00.5"), "date 2020-01-01",
       "'20-01-01 10:00:00.5' is read as the date 2020-01-01 (MySQL reads a two-digit year 00-69 as 20xx and 70-99 "
       "as 19xx; a date field has no time of day; as in MySQL the literal is later than that day: = matches nothing, < "
       "means <=, >= means >)"},
      {quoted("2020-01-01 00:00:00.25"), "date 2020-01-01", "~a date field has no time of day"},
      {quoted("2020-01-01 00:00:00.000"), "date 2020-01-01", ""},
      {quoted("2026"), "date 0000-00-00", "'2026' is not a date MySQL can read; " + kZeroDate},
      {quoted("2001-02-29"), "date 0000-00-00", "'2001-02-29' is not a date MySQL can read; " + kZeroDate},
      {quoted("1900-02-29"), "date 0000-00-00", "~is not a date MySQL can read"},
      {quoted("2020-13-01"), "date 0000-00-00", "~is not a date MySQL can read"},
      {quoted(""), "date 0000-00-00", "'' is not a date MySQL can read; " + kZeroDate},
      {quoted("abc"), "date 0000-00-00", "~is not a date MySQL can read"},
      {number("2026"), "date 0000-00-00", "2026 is not a date MySQL can read; " + kZeroDate},
      {number("-20000229"), "date 0000-00-00", "~is not a date MySQL can read"},
      {number("0"), "date 0000-00-00", "0 is read as the zero date 0000-00-00, before every real date"},
      {entity_id("12x34"), "date 0000-00-00", "12x34 is not a date MySQL can read; " + kZeroDate},
      {boolean(true), "date 0000-00-00", "TRUE is not a date MySQL can read; " + kZeroDate},
      {boolean(false), "date 0000-00-00", "FALSE is read as the zero date 0000-00-00, before every real date"},
  };
  check(ValueClass::kDate, rows);
}

TEST(LiteralConversionTest, DateTimeFieldsReadADateAsItsMidnight) {
  const std::vector<Row> rows = {
      {quoted("2020-01-01"), "datetime 2020-01-01 00:00:00", ""},
      {quoted("2020-01-01 10:11:12"), "datetime 2020-01-01 10:11:12", ""},
      {quoted("2020-01-01T10:11:12"), "datetime 2020-01-01 10:11:12", ""},
      {quoted("2020/1/1 10:11"), "datetime 2020-01-01 10:11:00", ""},
      {quoted("20200101101112"), "datetime 2020-01-01 10:11:12", ""},
      {number("20200101101112"), "datetime 2020-01-01 10:11:12", ""},
      {number("20200101"), "datetime 2020-01-01 00:00:00", ""},
      {quoted("0000-00-00 00:00:00"), "datetime 0000-00-00 00:00:00", ""},
      {quoted("2020-01-01 10:11:12.5"), "datetime 2020-01-01 10:11:12",
       "'2020-01-01 10:11:12.5' is read as 2020-01-01 10:11:12 (a datetime field has no fractional seconds; as in "
       "MySQL the literal is later than that second: = matches nothing, < means <=, >= means >)"},
      {quoted("2020-01-01 10:11:12.000"), "datetime 2020-01-01 10:11:12", ""},
      {quoted("200101101112"), "datetime 2020-01-01 10:11:12", "~two-digit year"},
      {quoted("2020-01-01 10:11:12 UTC"), "datetime 2020-01-01 10:11:12",
       "'2020-01-01 10:11:12 UTC' is read as 2020-01-01 10:11:12 (MySQL ignores the text after the datetime)"},
      {quoted("2026"), "datetime 0000-00-00 00:00:00",
       "'2026' is not a date MySQL can read; it compares as the zero datetime 0000-00-00 00:00:00, before every "
       "real "
       "date"},
      {quoted("2020-01-01 25:00:00"), "datetime 0000-00-00 00:00:00", "~is not a date MySQL can read"},
      {number("0"), "datetime 0000-00-00 00:00:00",
       "0 is read as the zero datetime 0000-00-00 00:00:00, before every real date"},
  };
  check(ValueClass::kDateTime, rows);
}

TEST(LiteralConversionTest, TimeFieldsReadMysqlsTimeForms) {
  const std::vector<Row> rows = {
      {quoted("10:11:12"), "time 10:11:12", ""},
      {quoted("10:11"), "time 10:11:00", ""},
      {quoted("101112"), "time 10:11:12", ""},
      {number("101112"), "time 10:11:12", ""},
      {number("+101112"), "time 10:11:12", ""},
      {quoted("-01:00:00"), "time -01:00:00", ""},
      {number("-101112"), "time -10:11:12", ""},
      {quoted("1112"), "time 00:11:12",
       "'1112' is read as the time 00:11:12 (MySQL reads digits without colons from the right: seconds, then "
       "minutes, then hours)"},
      {quoted("900:00:00"), "time 838:59:59",
       "'900:00:00' is read as the time 838:59:59 (a time is at most 838:59:59 either way)"},
      {quoted("2020-01-01 10:11:12"), "time 10:11:12",
       "'2020-01-01 10:11:12' is read as the time 10:11:12 (a time field has no date)"},
      {quoted("10:11:12.5"), "time 10:11:12", "~the literal is later than that second"},
      {quoted("-10:11:12.5"), "time -10:11:12", "~the literal is earlier than that second"},
      {quoted("10:11:12.000"), "time 10:11:12", ""},
      {quoted("10:11:12 PM"), "time 10:11:12", "~MySQL ignores the text after the time"},
      {quoted("abc"), "time 00:00:00", "'abc' is not a time MySQL can read; it compares as 00:00:00"},
      {quoted("10:60:00"), "time 00:00:00", "~is not a time MySQL can read"},
      {entity_id("12x34"), "time 00:00:12",
       "12x34 is read as the time 00:00:12 (MySQL reads digits without colons from the right: seconds, then "
       "minutes, then hours; MySQL ignores the text after the time)"},
  };
  check(ValueClass::kTime, rows);
}

TEST(LiteralConversionTest, TextFieldsTakeTheLiteralAsWritten) {
  const std::vector<Row> rows = {
      {quoted("Smith"), "text Smith", ""}, {quoted(""), "text ", ""},     {quoted("12abc"), "text 12abc", ""},
      {number("0"), "text 0", ""},         {number("+5"), "text +5", ""}, {entity_id("12x34"), "text 12x34", ""},
      {boolean(true), "text 1", ""},
  };
  check(ValueClass::kText, rows);
}

TEST(LiteralConversionTest, LongLiteralsAreShortenedInWarnings) {
  const Conversion got = convert_literal(ValueClass::kDecimal, quoted(std::string(500, 'x')));
  EXPECT_EQ(got.warning, "'" + std::string(60, 'x') + "...' is not a number; it is read as 0");
  // A cut never splits a UTF-8 character: 59 ASCII bytes, then two-byte characters.
  std::string mixed(59, 'a');
  for (int i = 0; i < 10; ++i) mixed += "\xC3\xBC";
  const Conversion cut = convert_literal(ValueClass::kBoolean, quoted(mixed));
  EXPECT_EQ(cut.warning.substr(0, 65), "'" + std::string(59, 'a') + "...' ");
  const Conversion newline = convert_literal(ValueClass::kDecimal, quoted("1\n2"));
  EXPECT_EQ(newline.warning, "'1\\n2' is read as the number 1 " + kPrefix);
}

TEST(LiteralConversionTest, ClassesWithoutConversionNeverFail) {
  EXPECT_EQ(describe(convert_literal(ValueClass::kNone, quoted("x")).value), "null");
  EXPECT_EQ(describe(convert_literal(ValueClass::kEntityId, quoted("12x34")).value), "text 12x34");
}

}  // namespace
}  // namespace vtql::types
