// The syntax tree's canonical printing, equality and spans.
#include <gtest/gtest.h>

#include "grammar/parser.hpp"

namespace vtql::ast {
namespace {

std::string canonical(std::string_view query) {
  const auto parsed = grammar::parse(query);
  EXPECT_TRUE(parsed.ok()) << query << ": " << parsed.error().message;
  return parsed.ok() ? to_string(*parsed) : std::string();
}

TEST(Ast, PrintsCanonicalText) {
  EXPECT_EQ(canonical("select*from Contacts;"), "SELECT * FROM Contacts;");
  EXPECT_EQ(canonical("select count(*),x from M orderby a desc limit 5;"),
            "SELECT COUNT(*), x FROM M ORDER BY a DESC LIMIT 5;");
  EXPECT_EQ(canonical("select a from M where a in 'x','y';"), "SELECT a FROM M WHERE a IN ('x', 'y');");
  EXPECT_EQ(canonical("select a from M where a=('x')or b like 'y' and c>=+5;"),
            "SELECT a FROM M WHERE a = 'x' OR b LIKE 'y' AND c >= +5;");
  EXPECT_EQ(canonical("select a from M where a = 'O''Brien\\\\x\\%\\n' and b = true and c = 12x3;"),
            "SELECT a FROM M WHERE a = 'O''Brien\\\\x\\%\n' AND b = TRUE AND c = 12x3;");
  EXPECT_EQ(canonical("select a from M limit 3, 4;"), "SELECT a FROM M LIMIT 3, 4;");
}

TEST(Ast, CanonicalTextParsesBackToAnEqualTree) {
  for (const char* query : {"SELECT a, b FROM M WHERE a = 'x' AND b IN (1, -2, 3x4) OR c != '\\0\\Z\\b' LIMIT 9;",
                            "select count(*) from M where a like '%\\_%' order by a, b asc;"}) {
    const auto first = grammar::parse(query);
    ASSERT_TRUE(first.ok()) << first.error().message;
    const auto second = grammar::parse(to_string(*first));
    ASSERT_TRUE(second.ok()) << to_string(*first) << ": " << second.error().message;
    EXPECT_TRUE(equal(*first, *second)) << to_string(*first);
  }
}

TEST(Ast, EqualityComparesStructureNotSpans) {
  const auto a = grammar::parse("SELECT a FROM M WHERE x = 1;");
  const auto b = grammar::parse("SELECT   a   FROM M   WHERE x=1 ;");
  const auto c = grammar::parse("SELECT a FROM M WHERE x = '1';");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_TRUE(equal(*a, *b));
  EXPECT_FALSE(equal(*a, *c));  // an integer is not a string
}

TEST(Ast, LogicalNodesSpanTheirOperands) {
  const auto parsed = grammar::parse("SELECT a FROM M WHERE x = 1 AND y = 2 OR z = 3;");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(span_of(*parsed->where), (Span{22, 24}));
  EXPECT_EQ(span_of(std::get<Logical>(*parsed->where).operands[0]), (Span{22, 15}));
}

}  // namespace
}  // namespace vtql::ast
