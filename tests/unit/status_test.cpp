// Error codes, line/column positions and caret rendering.
#include <gtest/gtest.h>

#include "vtql/status.hpp"

namespace vtql {
namespace {

TEST(Status, WebserviceSpellings) {
  EXPECT_EQ(to_string(ErrorCode::kQuerySyntaxError), "QUERY_SYNTAX_ERROR");
  EXPECT_EQ(to_string(ErrorCode::kAccessDenied), "ACCESS_DENIED");
  EXPECT_EQ(to_string(ErrorCode::kInvalidIdAttribute), "INVALID_ID_ATTRIBUTE");
  EXPECT_EQ(to_string(ErrorCode::kDatabaseQueryError), "DATABASE_QUERY_ERROR");
  EXPECT_EQ(to_string(ErrorCode::kInternalServerError), "INTERNAL_SERVER_ERROR");
}

TEST(Status, LocatesLinesAndCharacters) {
  const std::string_view text =
      "ab\nc\xC3\xBC"
      "d\n";
  EXPECT_EQ(locate(text, 0).line, 1U);
  EXPECT_EQ(locate(text, 2).column, 3U);
  EXPECT_EQ(locate(text, 3).line, 2U);
  EXPECT_EQ(locate(text, 3).column, 1U);
  EXPECT_EQ(locate(text, 6).column, 3U);  // after the two-byte u-umlaut: one character
  EXPECT_EQ(locate(text, 100).line, 3U);  // clamped to the end
}

TEST(Status, RendersCarets) {
  EXPECT_EQ(render_caret("SELECT x;", {7, 1}), "SELECT x;\n       ^");
  EXPECT_EQ(render_caret("SELECT\n  foo bar;", {13, 3}), "  foo bar;\n      ^^^");
  EXPECT_EQ(render_caret("a = 'M\xC3\xBCller' x", {14, 1}), "a = 'M\xC3\xBCller' x\n             ^");
  EXPECT_EQ(render_caret("\tx y", {3, 1}), "\tx y\n\t  ^");
  EXPECT_EQ(render_caret("abc", {3, 0}), "abc\n   ^");
  EXPECT_EQ(render_caret(std::string_view("a\0b", 3), {2, 1}), "a?b\n  ^");
}

TEST(Status, ResultHoldsAValueOrAnError) {
  Result<int> good = 5;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 5);
  Result<int> bad = Error::access_denied("no", {1, 2});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().span.length, 2U);
}

}  // namespace
}  // namespace vtql
