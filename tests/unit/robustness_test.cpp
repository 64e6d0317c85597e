// Hostile input: huge, deeply repeated, binary and malformed queries get a clear answer in bounded time.
#include <gtest/gtest.h>

#include <string>

#include "vtql/engine.hpp"

namespace vtql {
namespace {

const Engine& engine() {
  static const Engine instance;
  return instance;
}

void expect_syntax_error(const std::string& query) {
  const auto result = engine().check(query);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kQuerySyntaxError) << result.error().message;
  EXPECT_FALSE(result.error().message.empty());
  EXPECT_LE(result.error().span.offset, query.size());
}

TEST(Robustness, AMegabyteStringLiteralIsAccepted) {
  const std::string query = "SELECT * FROM Contacts WHERE lastname = '" + std::string((1 << 20) - 100, 'a') + "';";
  const auto result = engine().check(query);
  ASSERT_TRUE(result.ok()) << result.error().message;
}

// Thousands of ORDER BY fields are one clear syntax error on every backend, not a storage failure on one of them.
TEST(Robustness, TooManyOrderByFieldsAreASyntaxErrorOnEveryBackend) {
  std::string query = "SELECT lastname FROM Contacts ORDER BY lastname";
  for (int i = 0; i < 2'000; ++i) query += ", firstname";
  query += ";";
  expect_syntax_error(query);
  DemoOptions demo;
  demo.scale = 100;
  auto memory = Database::demo(Schema::builtin(), demo);
  auto sqlite = Database::open(":memory:", {});
  ASSERT_TRUE(memory.ok() && sqlite.ok());
  ASSERT_TRUE((*sqlite)->generate_demo(demo).ok());
  for (const auto& database : {*memory, *sqlite}) {
    const auto result = Engine(database).query(query);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kQuerySyntaxError) << result.error().message;
    EXPECT_NE(result.error().message.find("more than 1000 fields"), std::string::npos) << result.error().message;
  }
}

// Hundreds of thousands of values that each warn: the warnings are capped, and rendering them stays small.
TEST(Robustness, WarningsAreCappedAndCaretsStayShort) {
  std::string query = "SELECT accountname FROM Accounts WHERE employees IN (";
  for (int i = 0; i < 60'000; ++i) query += (i > 0 ? ", '" : "'") + std::to_string(i) + "x'";
  query += ");";
  const auto result = engine().check(query);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->warnings().size(), 101u);
  EXPECT_EQ(result->warnings().back().message, "and 59900 more warnings (at most 100 are listed)");
  std::size_t shown = 0;
  for (const Warning& w : result->warnings()) shown += render_caret(query, w.span).size();
  EXPECT_LT(shown, 101u * 2 * 200);  // each a window of the line, not the whole 500 KB line
  const std::string caret = render_caret(query, result->warnings()[50].span);
  EXPECT_EQ(caret.rfind("…", 0), 0u) << caret;  // cut at the front, marked
  const std::size_t newline = caret.find('\n');
  ASSERT_NE(newline, std::string::npos);
  // The caret still points at the literal: its column in the window is the literal's column in the shown text.
  const std::string_view shown_line(caret.data(), newline);
  const std::size_t marks = caret.find('^', newline) - newline - 1;
  const std::string literal = "'50x'";
  const std::size_t at = shown_line.find(literal);
  ASSERT_NE(at, std::string::npos) << shown_line;
  EXPECT_EQ(marks, at - 2);  // "…" is three bytes and one column
}

TEST(Robustness, OverTheLengthLimitIsAClearError) {
  const std::string query = "SELECT * FROM Contacts WHERE lastname = '" + std::string(2 << 20, 'a') + "';";
  expect_syntax_error(query);
  EXPECT_NE(engine().check(query).error().message.find("limit"), std::string::npos);
}

TEST(Robustness, TenThousandPredicates) {
  std::string query = "SELECT * FROM Contacts WHERE lastname = 'a'";
  for (int i = 1; i < 10'000; ++i) query += (i % 3 == 0 ? " OR " : " AND ") + std::string("lastname = 'a'");
  query += ";";
  const auto result = engine().check(query);
  ASSERT_TRUE(result.ok()) << result.error().message;
  expect_syntax_error(query.substr(0, query.size() - 1) + " AND lastname = 'a';");  // 10,001: over the limit
}

TEST(Robustness, AHundredThousandInValues) {
  std::string query = "SELECT * FROM Contacts WHERE id IN (12x1";
  for (int i = 2; i <= 100'000; ++i) query += ",12x" + std::to_string(i);
  const auto result = engine().check(query + ");");
  ASSERT_TRUE(result.ok()) << result.error().message;
  expect_syntax_error(query + ",12x0);");
}

TEST(Robustness, RepeatedTokens) {
  expect_syntax_error(std::string(1 << 20, '('));
  expect_syntax_error("SELECT " + std::string(500'000, '*') + " FROM Contacts;");
  expect_syntax_error("SELECT * FROM Contacts WHERE " + std::string(300'000, '(') + "a = 1;");
  std::string ands = "SELECT * FROM Contacts WHERE lastname = 'a'";
  for (int i = 0; i < 100'000; ++i) ands += " AND";
  expect_syntax_error(ands + ";");
  std::string commas = "SELECT firstname";
  for (int i = 0; i < 50'000; ++i) commas += ", firstname";
  EXPECT_TRUE(engine().check(commas + " FROM Contacts;").ok());
}

TEST(Robustness, BinaryInput) {
  expect_syntax_error(std::string("SELECT\0* FROM Contacts;", 23));
  expect_syntax_error("SELECT * FROM Contacts WHERE lastname = \xC3\x28;");
  expect_syntax_error("SELECT * FROM Contacts WHERE lastname = '\xFF\xFE';");
  expect_syntax_error("\xEF\xBB\xBFSELECT * FROM Contacts;");  // a byte-order mark is not whitespace
  expect_syntax_error(std::string(1000, '\0'));
  expect_syntax_error("");
  // A NUL inside a string is data, as MySQL takes it.
  EXPECT_TRUE(engine().check(std::string("SELECT * FROM Contacts WHERE lastname = 'a\0b';", 46)).ok());
}

TEST(Robustness, EveryPrefixOfAQueryGetsAnAnswer) {
  const std::string query =
      "SELECT firstname, count FROM Contacts WHERE lastname IN ('a', 'b') AND id = 12x5 OR account_id LIKE '11x%' "
      "ORDER BY lastname, firstname DESC LIMIT 5, 10;";
  for (std::size_t n = 0; n <= query.size(); ++n) {
    const auto result = engine().check(query.substr(0, n));
    if (!result.ok()) {
      EXPECT_NE(result.error().code, ErrorCode::kInternalServerError) << query.substr(0, n);
    }
  }
}

}  // namespace
}  // namespace vtql
