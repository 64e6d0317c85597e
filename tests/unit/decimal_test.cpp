// Truth tables for exact decimals: MySQL's numeric prefix, strict parsing, rounding, printing and comparison.
#include "engine/types/decimal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace vtql::types {
namespace {

const std::string kSaturated(38, '9');

Decimal dec(std::string_view text) {
  const auto value = Decimal::parse(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value.value_or(Decimal());
}

struct PrefixRow {
  std::string text;
  std::string value;  // to_string() at the decimal's own scale
  std::size_t consumed;
  bool clamped;
};

TEST(DecimalTest, ParsePrefixReadsTheLongestNumericPrefix) {
  const std::vector<PrefixRow> rows = {
      {"12abc", "12", 2, false},
      {"abc", "0", 0, false},
      {"", "0", 0, false},
      {"   ", "0", 0, false},
      {".5", "0.5", 2, false},
      {"-.5", "-0.5", 3, false},
      {"5.", "5", 2, false},
      {".", "0", 0, false},
      {"-", "0", 0, false},
      {"+", "0", 0, false},
      {"- 5", "0", 0, false},
      {".e3", "0", 0, false},
      {"1e3", "1000", 3, false},
      {"1E2", "100", 3, false},
      {"1.e3", "1000", 4, false},
      {"1e", "1", 1, false},
      {"1e+", "1", 1, false},
      {"1e-", "1", 1, false},
      {"1e+2x", "100", 4, false},
      {"1.5e-3", "0.0015", 6, false},
      {"-1.25e1", "-12.5", 7, false},
      {"1.50e1", "15.0", 6, false},
      {"-0", "0", 2, false},
      {"-0.00", "0.00", 5, false},
      {"+0", "0", 2, false},
      {"0e999999", "0", 8, false},
      {"+5", "5", 2, false},
      {"-5", "-5", 2, false},
      {"  42", "42", 4, false},
      {"\t\n\r\v\f7 ", "7", 6, false},
      {"0x10", "0", 1, false},
      {"1,5", "1", 1, false},
      {"12x34", "12", 2, false},
      {"00012.340", "12.340", 9, false},
      {"1500.5", "1500.5", 6, false},
      {"1500.50000000", "1500.50000000", 13, false},
      {"--5", "0", 0, false},
      {"1.2.3", "1.2", 3, false},
      // 38 digits fit exactly; beyond that the most significant digits are kept.
      {kSaturated, kSaturated, 38, false},
      {"1e37", "1" + std::string(37, '0'), 4, false},
      {"1e38", kSaturated, 4, true},
      {kSaturated + "9", kSaturated, 39, true},
      {"-" + kSaturated + "99", "-" + kSaturated, 41, true},
      {"1e999999999999999999999", kSaturated, 23, true},
      {"12345678901234567890.12345678901234567890123", "12345678901234567890.123456789012345679", 44, true},
      {std::string(37, '9') + ".99", "1" + std::string(37, '0'), 40, true},
      // More than kMaxScale digits after the point are rounded off.
      {"1e-31", "0." + std::string(30, '0'), 5, true},
      {"5e-31", "0." + std::string(29, '0') + "1", 5, true},
      {"-5e-31", "-0." + std::string(29, '0') + "1", 6, true},
      {"1e-999999999999", "0." + std::string(30, '0'), 15, true},
      {"0." + std::string(36, '0'), "0." + std::string(30, '0'), 38, false},
      {"1." + std::string(35, '0'), "1." + std::string(30, '0'), 37, false},
  };
  for (const PrefixRow& row : rows) {
    SCOPED_TRACE("input: \"" + row.text + "\"");
    std::size_t consumed = 99;
    bool clamped = !row.clamped;
    const Decimal value = Decimal::parse_prefix(row.text, &consumed, &clamped);
    EXPECT_EQ(value.to_string(), row.value);
    EXPECT_EQ(consumed, row.consumed);
    EXPECT_EQ(clamped, row.clamped);
    EXPECT_LE(value.scale(), Decimal::kMaxScale);
    EXPECT_EQ(Decimal::parse_prefix(row.text).to_string(), row.value);
  }
}

TEST(DecimalTest, ParseReadsTheWholeTextOrNothing) {
  const std::vector<std::pair<std::string, std::optional<std::string>>> rows = {
      {"1500.5", "1500.5"},
      {" 1500.5 ", "1500.5"},
      {"1500.50000000", "1500.50000000"},
      {"-12", "-12"},
      {"+12", "12"},
      {"-0", "0"},
      {"1e3", "1000"},
      {"2.5E-1", "0.25"},
      {".5", "0.5"},
      {"5.", "5"},
      {kSaturated, kSaturated},
      {"-" + kSaturated, "-" + kSaturated},
      {"12abc", std::nullopt},
      {"12 3", std::nullopt},
      {"", std::nullopt},
      {" ", std::nullopt},
      {"abc", std::nullopt},
      {".", std::nullopt},
      {"1e", std::nullopt},
      {"1e+", std::nullopt},
      {"+-5", std::nullopt},
      {"0x10", std::nullopt},
      {"1,5", std::nullopt},
      // Past 38 significant digits the text does not fit.
      {kSaturated + "9", std::nullopt},
      {"1e38", std::nullopt},
      {"12345678901.1234567890123456789012345678", std::nullopt},
      // Beyond kMaxScale after the point digits are rounded off (zeros go without loss).
      {"1." + std::string(39, '0') + "1", "1." + std::string(30, '0')},
      {"1.5" + std::string(40, '0'), "1.5" + std::string(29, '0')},
      {"1e-40", "0." + std::string(30, '0')},
  };
  for (const auto& [text, expected] : rows) {
    SCOPED_TRACE("input: \"" + text + "\"");
    const auto value = Decimal::parse(text);
    ASSERT_EQ(value.has_value(), expected.has_value());
    if (value) {
      EXPECT_EQ(value->to_string(), *expected);
    }
  }
}

TEST(DecimalTest, RescaledRoundsHalfAwayFromZero) {
  const std::vector<std::tuple<std::string, int, std::string>> rows = {
      {"1.005", 2, "1.01"},
      {"1.004", 2, "1.00"},
      {"-1.005", 2, "-1.01"},
      {"-1.004", 2, "-1.00"},
      {"2.5", 0, "3"},
      {"-2.5", 0, "-3"},
      {"0.5", 0, "1"},
      {"-0.5", 0, "-1"},
      {"0.49", 0, "0"},
      {"-0.4", 0, "0"},
      {"-0.04", 1, "0.0"},
      {"1.5", 3, "1.500"},
      {"999.95", 1, "1000.0"},
      {"-999.95", 1, "-1000.0"},
      {"1500.5", 8, "1500.50000000"},
      {"7", 0, "7"},
      {"0.000000000000000000000000000005", 29, "0.00000000000000000000000000001"},
      {"1.5", 40, "1.5" + std::string(29, '0')},  // clamped to kMaxScale
      {"1.5", -3, "2"},                           // a negative scale is 0
  };
  for (const auto& [text, scale, expected] : rows) {
    SCOPED_TRACE(text + " to scale " + std::to_string(scale));
    const Decimal value = dec(text).rescaled(scale);
    EXPECT_EQ(value.to_string(), expected);
    EXPECT_EQ(value.scale(), std::clamp(scale, 0, Decimal::kMaxScale));
  }
}

TEST(DecimalTest, RescaledUpwardsKeepsTheLargestScaleThatFits) {
  const Decimal big = dec("1" + std::string(37, '0'));  // 10^37: room for one more digit only
  const Decimal wider = big.rescaled(8);
  EXPECT_EQ(wider.scale(), 1);
  EXPECT_EQ(wider, big);
  EXPECT_EQ(dec(kSaturated).rescaled(8).scale(), 0);
}

TEST(DecimalTest, ToStringUsesPlainNotationAndFixedScale) {
  const std::vector<std::tuple<std::string, int, std::string>> rows = {
      {"1500.5", 8, "1500.50000000"},
      {"1500.5", -1, "1500.5"},
      {"1500.5", 0, "1501"},
      {"-1500.5", 8, "-1500.50000000"},
      {"-1500.5", 0, "-1501"},
      {"0", 2, "0.00"},
      {"0", 0, "0"},
      {"-0", 3, "0.000"},
      {"0.05", 1, "0.1"},
      {"-0.05", 1, "-0.1"},
      {"-0.04", 1, "0.0"},
      {"0.001", -1, "0.001"},
      {"-0.001", -1, "-0.001"},
      {"5", 3, "5.000"},
      {"1e10", -1, "10000000000"},
      {"1e-5", -1, "0.00001"},
      {kSaturated, 8, kSaturated + ".00000000"},
      {"-" + kSaturated, 2, "-" + kSaturated + ".00"},
      {"0.5", 40, "0.5" + std::string(39, '0')},
  };
  for (const auto& [text, scale, expected] : rows) {
    SCOPED_TRACE(text + " at scale " + std::to_string(scale));
    EXPECT_EQ(dec(text).to_string(scale), expected);
  }
  EXPECT_EQ(Decimal::from_int(std::numeric_limits<std::int64_t>::min()).to_string(), "-9223372036854775808");
  EXPECT_EQ(Decimal::from_int(std::numeric_limits<std::int64_t>::max()).to_string(2), "9223372036854775807.00");
  EXPECT_EQ(Decimal(Decimal::Mantissa(-15), 1).to_string(), "-1.5");
}

TEST(DecimalTest, ComparesExactlyAcrossScales) {
  struct Row {
    std::string a;
    std::string b;
    std::strong_ordering expected;
  };
  const std::vector<Row> rows = {
      {"1500.5", "1500.50000000", std::strong_ordering::equal},
      {"1500.5", "1500.51", std::strong_ordering::less},
      {"1500.50000001", "1500.5", std::strong_ordering::greater},
      {"-1", "0", std::strong_ordering::less},
      {"-1.5", "-1.25", std::strong_ordering::less},
      {"0", "-0", std::strong_ordering::equal},
      {"0.00", "0", std::strong_ordering::equal},
      {"-0.000", "0.0", std::strong_ordering::equal},
      {"10", "9.99999", std::strong_ordering::greater},
      {"-10", "-9.99999", std::strong_ordering::less},
      {kSaturated, "9999999.999999999999999999999999999999", std::strong_ordering::greater},
      {"-" + kSaturated, "0." + std::string(29, '0') + "1", std::strong_ordering::less},
      {"0." + std::string(29, '0') + "1", "0", std::strong_ordering::greater},
      {"0." + std::string(29, '0') + "1", "0." + std::string(29, '0') + "2", std::strong_ordering::less},
      {"1e37", "1" + std::string(37, '0') + ".000000000000000000000000000000", std::strong_ordering::equal},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.a + " vs " + row.b);
    const Decimal a = dec(row.a);
    const Decimal b = dec(row.b);
    EXPECT_TRUE((a <=> b) == row.expected);
    EXPECT_TRUE((b <=> a) == (0 <=> (a <=> b)));  // antisymmetric
    EXPECT_EQ(a == b, row.expected == std::strong_ordering::equal);
  }
  // The largest mantissa a Decimal can hold (39 digits) still compares across the widest gap of scales.
  const Decimal::Mantissa largest = std::numeric_limits<Decimal::Mantissa>::max();
  EXPECT_TRUE(Decimal(largest, 0) > Decimal(largest, Decimal::kMaxScale));
  EXPECT_TRUE(Decimal(-largest, 0) < Decimal(-largest, Decimal::kMaxScale));
  EXPECT_TRUE(Decimal(largest, Decimal::kMaxScale) > Decimal(largest - 1, Decimal::kMaxScale));
}

TEST(DecimalTest, ToDoubleIsCorrectlyRounded) {
  EXPECT_EQ(dec("1500.5").to_double(), 1500.5);
  EXPECT_EQ(dec("0.1").to_double(), 0.1);
  EXPECT_EQ(dec("-2.5").to_double(), -2.5);
  EXPECT_EQ(dec("0").to_double(), 0.0);
  EXPECT_EQ(dec("123456789.123456789").to_double(), 123456789.123456789);
  EXPECT_EQ(dec(kSaturated).to_double(), 1e38);
  EXPECT_EQ(dec("0." + std::string(29, '0') + "1").to_double(), 1e-30);
}

TEST(DecimalTest, ParseDoublePrefixSaturatesOutOfRange) {
  struct Row {
    std::string text;
    double value;
    std::size_t consumed;
    bool clamped;
  };
  const double max = std::numeric_limits<double>::max();
  const std::vector<Row> rows = {
      {"12abc", 12, 2, false},
      {"abc", 0, 0, false},
      {"", 0, 0, false},
      {" 1.5 ", 1.5, 4, false},
      {"0.1", 0.1, 3, false},
      {".5", 0.5, 2, false},
      {"1e3", 1000, 3, false},
      {"-1e3x", -1000, 4, false},
      {"1e", 1, 1, false},
      {"1e400", max, 5, true},
      {"-1e400", -max, 6, true},
      {"1e-400", 0, 6, true},
      {"1e-310", 1e-310, 6, false},
      {"1.7976931348623157e308", max, 22, false},
      {"0.1000000000000000055511151231257827", 0.1, 36, false},
      {std::string(400, '9'), max, 400, true},
      {"1e99999999999999999999", max, 22, true},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("input: \"" + row.text.substr(0, 40) + "\"");
    std::size_t consumed = 99;
    bool clamped = !row.clamped;
    EXPECT_EQ(parse_double_prefix(row.text, &consumed, &clamped), row.value);
    EXPECT_EQ(consumed, row.consumed);
    EXPECT_EQ(clamped, row.clamped);
  }
  EXPECT_FALSE(std::signbit(parse_double_prefix("-0")));
  EXPECT_FALSE(std::signbit(parse_double_prefix("-0.0e5")));
}

}  // namespace
}  // namespace vtql::types
