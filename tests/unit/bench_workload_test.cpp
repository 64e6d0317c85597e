// Tests of the workload file parser: valid files, the built-in workloads, and every error with its line.
#include "tools/bench/workload.hpp"

#include <gtest/gtest.h>

#include <string>

#include "vtql/status.hpp"

namespace vtql::bench {
namespace {

constexpr std::string_view kValid = R"(# list views
workload my-views
param city = Contacts.mailingcity
param id = Contacts.id
param term = Contacts.lastname contains 3
param start = Contacts.lastname prefix 2
param since = Contacts.modifiedtime latest 50
param page = int 0 10

weight 40 name=contacts_list
SELECT firstname, lastname FROM Contacts WHERE mailingcity = $city ORDER BY modifiedtime DESC LIMIT 20;
weight 5
SELECT * FROM Contacts
  # a comment inside a query
  WHERE id = $id OR id = $id
  LIMIT $page, 5;
weight 1 name=dollar
SELECT * FROM Contacts WHERE lastname = 'US$$' AND lastname LIKE $term;
)";

TEST(BenchWorkload, ParsesParametersAndTemplates) {
  const auto w = parse_workload(kValid, "fallback");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->name, "my-views");
  ASSERT_EQ(w->params.size(), 6U);
  EXPECT_EQ(w->params[0].name, "city");
  EXPECT_EQ(w->params[0].kind, ParamKind::kValue);
  EXPECT_EQ(w->params[0].module, "Contacts");
  EXPECT_EQ(w->params[0].field, "mailingcity");
  EXPECT_EQ(w->params[2].kind, ParamKind::kContains);
  EXPECT_EQ(w->params[2].length, 3U);
  EXPECT_EQ(w->params[3].kind, ParamKind::kPrefix);
  EXPECT_EQ(w->params[4].kind, ParamKind::kLatest);
  EXPECT_EQ(w->params[4].length, 50U);
  EXPECT_EQ(w->params[5].kind, ParamKind::kInteger);
  EXPECT_EQ(w->params[5].low, 0);
  EXPECT_EQ(w->params[5].high, 10);
  EXPECT_EQ(locate(w->source, w->params[5].span.offset).line, 8U);

  ASSERT_EQ(w->templates.size(), 3U);
  EXPECT_EQ(w->total_weight(), 46U);
  const QueryTemplate& list = w->templates[0];
  EXPECT_EQ(list.name, "contacts_list");
  EXPECT_EQ(list.weight, 40U);
  EXPECT_EQ(locate(w->source, list.span.offset).line, 10U);
  ASSERT_EQ(list.pieces.size(), 3U);
  EXPECT_EQ(list.pieces[0].text, "SELECT firstname, lastname FROM Contacts WHERE mailingcity = ");
  EXPECT_EQ(list.pieces[1].param, 0);
  EXPECT_EQ(list.pieces[2].text, " ORDER BY modifiedtime DESC LIMIT 20;");

  const QueryTemplate& multi = w->templates[1];
  EXPECT_EQ(multi.name, "line12");  // unnamed: named after its weight line
  EXPECT_EQ(multi.text, "SELECT * FROM Contacts WHERE id = $id OR id = $id LIMIT $page, 5;");
  int references = 0;
  for (const TemplatePiece& piece : multi.pieces) references += piece.param >= 0 ? 1 : 0;
  EXPECT_EQ(references, 3);

  const QueryTemplate& dollar = w->templates[2];
  ASSERT_EQ(dollar.pieces.size(), 3U);
  EXPECT_EQ(dollar.pieces[0].text, "SELECT * FROM Contacts WHERE lastname = 'US$' AND lastname LIKE ");
  EXPECT_EQ(dollar.pieces[1].param, 2);
}

TEST(BenchWorkload, NameFallsBackAndCrLfIsAccepted) {
  const auto w =
      parse_workload("param c = Contacts.id\r\nweight 1\r\nSELECT * FROM Contacts WHERE id = $c;\r\n", "file");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->name, "file");
  ASSERT_EQ(w->templates.size(), 1U);
  EXPECT_EQ(w->templates[0].text, "SELECT * FROM Contacts WHERE id = $c;");
}

TEST(BenchWorkload, DirectiveLinesMayEndInComments) {
  const auto w = parse_workload(
      "workload mine   # named\n"
      "param city = Contacts.mailingcity   # a live value\n"
      "param part = Contacts.lastname contains 3 # '%abc%'\n"
      "weight 4 name=list\t# the list view\n"
      "SELECT * FROM Contacts WHERE mailingcity = $city AND lastname LIKE $part AND lastname != 'a #1';\n",
      "w");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->name, "mine");
  EXPECT_EQ(w->params[1].length, 3U);
  EXPECT_EQ(w->templates[0].name, "list");
  EXPECT_EQ(w->templates[0].pieces.back().text, " AND lastname != 'a #1';");  // a query keeps its '#'
}

TEST(BenchWorkload, ParametersMayBeDeclaredAfterUse) {
  const auto w = parse_workload("weight 1\nSELECT * FROM Contacts WHERE id = $c;\nparam c = Contacts.id\n", "w");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->templates[0].pieces[1].param, 0);
}

TEST(BenchWorkload, BuiltinWorkloadsParse) {
  ASSERT_EQ(builtin_workload_names().size(), 6U);
  for (const std::string_view name : {"crm-mix", "list", "lookup", "sync", "search", "dashboard"}) {
    const std::string_view text = builtin_workload(name);
    ASSERT_FALSE(text.empty()) << name;
    const auto w = parse_workload(text, "x");
    ASSERT_TRUE(w.ok()) << name << ": line " << locate(text, w.error().span.offset).line << ": " << w.error().message;
    EXPECT_EQ(w->name, name);
    EXPECT_GE(w->templates.size(), 4U) << name;
  }
  EXPECT_TRUE(builtin_workload("nope").empty());
}

struct BadCase {
  const char* text;
  std::uint32_t line;
  const char* message;  // a part of the message
};

class BenchWorkloadErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(BenchWorkloadErrors, SaysWhichLine) {
  const BadCase& c = GetParam();
  const auto w = parse_workload(c.text, "bad");
  ASSERT_FALSE(w.ok()) << c.text;
  EXPECT_EQ(w.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(locate(c.text, w.error().span.offset).line, c.line) << w.error().message;
  EXPECT_NE(w.error().message.find(c.message), std::string::npos) << w.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BenchWorkloadErrors,
    ::testing::Values(
        BadCase{"", 1, "no query templates"}, BadCase{"# only a comment\n\n", 3, "no query templates"},
        BadCase{"param c = Contacts.id\n", 2, "no query templates"},
        BadCase{"SELECT * FROM Contacts;\n", 1, "must follow a 'weight W' line"},
        BadCase{"# x\nfrobnicate 3\n", 2, "unknown directive 'frobnicate'"},
        BadCase{"weight\nSELECT * FROM Contacts;\n", 1, "expected 'weight W'"},
        BadCase{"weight 0\nSELECT * FROM Contacts;\n", 1, "from 1 to 1000000"},
        BadCase{"weight -3\nSELECT * FROM Contacts;\n", 1, "from 1 to 1000000"},
        BadCase{"weight 2x\nSELECT * FROM Contacts;\n", 1, "from 1 to 1000000"},
        BadCase{"weight 9999999\nSELECT * FROM Contacts;\n", 1, "from 1 to 1000000"},
        BadCase{"\nweight 1 label=x\nSELECT * FROM Contacts;\n", 2, "unknown attribute 'label=x'"},
        BadCase{"weight 1 name=\nSELECT * FROM Contacts;\n", 1, "a template name is"},
        BadCase{"weight 1 name=a\nSELECT * FROM Contacts;\nweight 1 name=a\nSELECT * FROM Leads;\n", 3,
                "already named 'a'"},
        BadCase{"weight 1\n", 1, "has no query after it"},
        BadCase{"weight 1\nweight 2\nSELECT * FROM Leads;\n", 1, "has no query after it"},
        BadCase{"weight 1 name=a\nSELECT * FROM Contacts\n", 1, "does not end with ';' before the end of the file"},
        BadCase{"weight 1 name=a\nSELECT * FROM Contacts\nweight 2\nSELECT * FROM Leads;\n", 1,
                "does not end with ';' before line 3"},
        BadCase{"weight 1\nSELECT * FROM Contacts\nparam c = Contacts.id\n", 1, "does not end with ';'"},
        BadCase{"param\nweight 1\nSELECT * FROM Contacts;\n", 1, "expected 'param NAME = Module.field'"},
        BadCase{"param 9c = Contacts.id\n", 1, "a parameter name is"},
        BadCase{"param c = Contacts.id\nparam c = Leads.id\n", 2, "already declared"},
        BadCase{"param c =\n", 1, "expected 'Module.field' or 'int LO HI' after '='"},
        BadCase{"param c = Contacts\n", 1, "expected 'Module.field'"},
        BadCase{"param c = Contacts.\n", 1, "expected 'Module.field'"},
        BadCase{"\n\nparam c = Contacts.lastname around 3\n", 3, "unknown way to draw 'around'"},
        BadCase{"param c = Contacts.lastname prefix\n", 1, "expected one number after 'prefix'"},
        BadCase{"param c = Contacts.lastname prefix 0\n", 1, "expected a count from 1"},
        BadCase{"param c = Contacts.lastname contains x\n", 1, "expected a count from 1"},
        BadCase{"param c = Contacts.lastname latest 5 6\n", 1, "expected one number after 'latest'"},
        BadCase{"param n = int 5\n", 1, "expected 'int LO HI'"},
        BadCase{"param n = int a 5\n", 1, "'a' is not an integer"},
        BadCase{"param n = int 1 b\n", 1, "'b' is not an integer"},
        BadCase{"param n = int 9 1\n", 1, "the range is empty"}, BadCase{"workload\n", 1, "expected 'workload NAME'"},
        BadCase{"workload a b\n", 1, "expected 'workload NAME'"},
        BadCase{"workload a\nworkload b\n", 2, "already named"},
        BadCase{"param city = Contacts.mailingcity\nweight 1\nSELECT * FROM Contacts\n WHERE mailingcity = $cty;\n", 4,
                "no parameter 'cty' is declared"},
        BadCase{"weight 1\nSELECT * FROM Contacts WHERE lastname = $ ;\n", 2, "'$' must start a parameter name"},
        BadCase{"weight 1\nSELECT * FROM Contacts WHERE lastname = $9;\n", 2, "'$' must start a parameter name"}));

TEST(BenchWorkload, UnknownParameterGetsAHint) {
  const auto w = parse_workload(
      "param city = Contacts.mailingcity\nweight 1\nSELECT * FROM Contacts WHERE mailingcity = $cty;\n", "w");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().hint, "did you mean '$city'?");
  // The span is the reference itself.
  EXPECT_EQ(w.error().span.length, 4U);
  EXPECT_EQ(locate("param city = Contacts.mailingcity\nweight 1\nSELECT * FROM Contacts WHERE mailingcity = $cty;\n",
                   w.error().span.offset)
                .column,
            44U);
}

}  // namespace
}  // namespace vtql::bench
