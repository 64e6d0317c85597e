// Truth tables for the grammar's rules (input -> match and what is left), and PEGTL's check for looping rules.
#include <gtest/gtest.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/parser.hpp"
#include "grammar/select.hpp"

namespace vtql::grammar {
namespace {

// Matches `Rule` at the start of `input` and returns how many bytes are left, or -1 when it does not match.
template <typename Rule>
int left_after(std::string_view input) {
  pegtl::memory_input in(input.data(), input.size(), "test");
  if (!pegtl::parse<Rule>(in)) return -1;
  return static_cast<int>(in.size());
}

TEST(Grammar, HasNoRulesThatCanLoopWithoutProgress) { EXPECT_EQ(pegtl::analyze<statement>(), 0U); }

TEST(Grammar, KeywordsAreCaseInsensitiveWholeWords) {
  EXPECT_EQ(left_after<kw_select>("SeLeCt *"), 2);
  EXPECT_EQ(left_after<kw_order>("order by"), 3);
  EXPECT_EQ(left_after<kw_order>("orderby"), -1);
  EXPECT_EQ(left_after<kw_orderby>("ORDERBY x"), 2);
  EXPECT_EQ(left_after<kw_from>("fromage"), -1);
  EXPECT_EQ(left_after<kw_in>("in("), 1);
  EXPECT_EQ(left_after<kw_and>("AND'x'"), 3);
}

TEST(Grammar, Strings) {
  EXPECT_EQ(left_after<string_literal>("'Smith';"), 1);
  EXPECT_EQ(left_after<string_literal>("'O''Brien'"), 0);
  EXPECT_EQ(left_after<string_literal>("'a''''b' x"), 2);
  EXPECT_EQ(left_after<string_literal>("'line\nbreak'"), 0);
  EXPECT_EQ(left_after<string_literal>("'M\xC3\xBCller'"), 0);
  EXPECT_EQ(left_after<string_literal>("'a\\\\b'"), 0);      // 'a\\b'
  EXPECT_EQ(left_after<string_literal>("'50\\%'"), 0);       // '50\%'
  EXPECT_EQ(left_after<string_literal>("''"), -1);           // empty
  EXPECT_EQ(left_after<string_literal>("'O\\'Brien'"), -1);  // backslash escapes a quote
  EXPECT_EQ(left_after<string_literal>("'abc"), -1);         // unterminated
  EXPECT_EQ(left_after<string_literal>("'\xC3('"), -1);      // invalid UTF-8
  EXPECT_EQ(left_after<string_literal>("'a' 'b'"), 4);
}

TEST(Grammar, UnquotedValues) {
  EXPECT_EQ(left_after<value>("12x34;"), 1);
  EXPECT_EQ(left_after<value>("42)"), 1);
  EXPECT_EQ(left_after<value>("-5;"), 1);
  EXPECT_EQ(left_after<value>("+5;"), 1);
  EXPECT_EQ(left_after<value>("TRUE;"), 1);
  EXPECT_EQ(left_after<value>("1.5"), 2);  // the integer 1; the caller then fails at '.'
  EXPECT_EQ(left_after<value>("abc"), -1);
  EXPECT_EQ(left_after<value>("1e3"), -1);
  EXPECT_EQ(left_after<value>("12X34"), -1);
  EXPECT_EQ(left_after<value>("- 5"), -1);
  EXPECT_EQ(left_after<value>("\"x\""), -1);
}

TEST(Grammar, Conditions) {
  EXPECT_EQ(left_after<disjunction>("a = 'x' AND b = 1 OR c LIKE 'y%' ;"), 2);
  EXPECT_EQ(left_after<disjunction>("a IN ('x', 'y') AND b != 2;"), 1);
  EXPECT_EQ(left_after<disjunction>("a IN 'x', 'y' ;"), 1);
  EXPECT_EQ(left_after<disjunction>("a = ('x');"), 1);
  EXPECT_EQ(left_after<disjunction>("a='x'AND b='y';"), 1);
  EXPECT_EQ(left_after<disjunction>("a <> 'x';"), -1);
  EXPECT_EQ(left_after<disjunction>("(a = 'x');"), -1);
  EXPECT_EQ(left_after<disjunction>("and = 'x';"), -1);
}

TEST(Grammar, Statements) {
  EXPECT_EQ(left_after<statement>("select*from Contacts;"), 0);
  EXPECT_EQ(left_after<statement>("  SELECT count ( * ) , x FROM M WHERE a = 1 ORDERBY b DESC LIMIT 1 , 2 ;  \n"), 0);
  EXPECT_EQ(left_after<statement>("SELECT a FROM M ORDER BY a, b LIMIT 5;"), 0);
  EXPECT_EQ(left_after<statement>("SELECT a FROM M"), -1);
  EXPECT_EQ(left_after<statement>("SELECT a FROM M; x"), -1);
}

TEST(Parser, BuildsTheTree) {
  const auto parsed = parse(
      "SELECT firstname, lastname FROM Contacts WHERE a = 'x' AND b = 1 OR c IN ('p', 'q') "
      "ORDER BY lastname, firstname DESC LIMIT 10, 20;");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const ast::SelectStatement& s = *parsed;
  ASSERT_EQ(s.select.size(), 2U);
  EXPECT_EQ(std::get<ast::FieldItem>(s.select[1]).field.name, "lastname");
  EXPECT_EQ(s.module.name, "Contacts");
  EXPECT_EQ(s.module.span, (Span{32, 8}));
  const auto& top = std::get<ast::Logical>(*s.where);
  EXPECT_EQ(top.op, ast::LogicalOp::kOr);
  ASSERT_EQ(top.operands.size(), 2U);
  const auto& conj = std::get<ast::Logical>(top.operands[0]);
  EXPECT_EQ(conj.op, ast::LogicalOp::kAnd);
  const auto& second = std::get<ast::Comparison>(conj.operands[1]);
  EXPECT_EQ(second.value.kind, ast::LiteralKind::kInteger);
  EXPECT_EQ(second.span, (Span{59, 5}));
  const auto& in = std::get<ast::InList>(top.operands[1]);
  EXPECT_EQ(in.values.size(), 2U);
  ASSERT_EQ(s.order_by.size(), 2U);
  EXPECT_FALSE(s.order_by[0].direction.has_value());
  EXPECT_EQ(s.order_by[1].direction, ast::Direction::kDesc);
  EXPECT_EQ(s.limit->offset, 10U);
  EXPECT_EQ(s.limit->count, 20U);
}

TEST(Parser, ReadsStringsAsMySqlDoes) {
  const auto parsed = parse("SELECT * FROM M WHERE a = 'it''s \\\\ \\n \\t \\0 \\% \\_ \\q';");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const auto& c = std::get<ast::Comparison>(*parsed->where);
  EXPECT_EQ(c.value.value, std::string("it's \\ \n \t ", 11) + std::string(1, '\0') + " \\% \\_ q");
}

TEST(Parser, LimitsSaturate) {
  const auto parsed = parse("SELECT * FROM M LIMIT 99999999999999999999999, 18446744073709551616;");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->limit->offset, UINT64_MAX);
  EXPECT_EQ(parsed->limit->count, UINT64_MAX);
}

TEST(Parser, ReportsTheModuleEvenWhenLaterSyntaxFails) {
  ParseOutput output;
  const auto parsed = parse("SELECT * FROM contacts WHERE (a = 1);", {}, &output);
  ASSERT_FALSE(parsed.ok());
  ASSERT_TRUE(output.module.has_value());
  EXPECT_EQ(output.module->name, "contacts");
}

TEST(Parser, EnforcesLimits) {
  ParseLimits limits;
  limits.max_predicates = 2;
  auto parsed = parse("SELECT * FROM M WHERE a = 1 AND b = 2 AND c = 3;", limits);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kQuerySyntaxError);
  EXPECT_NE(parsed.error().message.find("more than 2 predicates"), std::string::npos);
  EXPECT_EQ(parsed.error().span.offset, 42U);

  limits = {};
  limits.max_in_values = 3;
  parsed = parse("SELECT * FROM M WHERE a IN (1, 2, 3, 4);", limits);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().span.offset, 37U);

  limits = {};
  limits.max_query_bytes = 10;
  parsed = parse("SELECT * FROM Contacts;", limits);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("more than the limit of 10"), std::string::npos);
}

}  // namespace
}  // namespace vtql::grammar
