// Tests of parameter drawing: literals quoted as VTQL reads them, draws from live data, determinism with a seed.
#include "tools/bench/parameters.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "tools/bench/workload.hpp"
#include "vtql/engine.hpp"

namespace vtql::bench {
namespace {

std::shared_ptr<const Engine> demo_engine() {
  static const std::shared_ptr<const Engine> engine = [] {
    DemoOptions options;
    options.scale = 2000;
    options.seed = 3;
    auto database = Database::demo(Schema::builtin(), options);
    EXPECT_TRUE(database.ok());
    return std::make_shared<const Engine>(*database);
  }();
  return engine;
}

// The value a string literal stands for, as the parser reads it back.
std::string read_back(const std::string& literal) {
  const auto parsed = parse("SELECT * FROM Contacts WHERE lastname = " + literal + ";");
  EXPECT_TRUE(parsed.ok()) << literal << ": " << parsed.error().message;
  if (!parsed.ok() || !parsed->where) return {};
  const auto* comparison = std::get_if<ast::Comparison>(&*parsed->where);
  EXPECT_NE(comparison, nullptr);
  return comparison == nullptr ? std::string() : comparison->value.value;
}

TEST(BenchParameters, QuotesStringsAsVtqlLiterals) {
  EXPECT_EQ(quote_string("Berlin"), "'Berlin'");
  EXPECT_EQ(quote_string("O'Brien & Lee"), "'O''Brien & Lee'");
  EXPECT_EQ(quote_string("a\\b"), "'a\\\\b'");
  EXPECT_EQ(quote_string("two\nlines\tand\r"), "'two\\nlines\\tand\\r'");
  EXPECT_EQ(quote_string(std::string("nul\0", 4)), "'nul\\0'");
  EXPECT_EQ(quote_string("Łódź"), "'Łódź'");
  // Each one parses, and the parser reads back the original value.
  for (const std::string value : {"O'Brien", "back\\slash", "''", "\\'", "tab\there", "new\nline", "Łódź", "x\\"}) {
    EXPECT_EQ(read_back(quote_string(value)), value) << quote_string(value);
  }
}

TEST(BenchParameters, LikePatternsMatchThePieceLiterally) {
  EXPECT_EQ(quote_like("art", true, true), "'%art%'");
  EXPECT_EQ(quote_like("Mar", false, true), "'Mar%'");
  EXPECT_EQ(quote_like("50%_off", true, true), "'%50\\%\\_off%'");
  EXPECT_EQ(quote_like("O'B", false, true), "'O''B%'");
  EXPECT_EQ(quote_like("a\\b", true, true), "'%a\\\\\\\\b%'");
  // A pattern made from a real value finds that value's record.
  const auto result = demo_engine()->query("SELECT lastname FROM Contacts WHERE lastname LIKE " +
                                           quote_like("O'B", true, true) + " LIMIT 1;");
  ASSERT_TRUE(result.ok()) << result.error().message;
}

Workload parse_ok(std::string_view text) {
  auto w = parse_workload(text, "test");
  EXPECT_TRUE(w.ok()) << w.error().message;
  return std::move(*w);
}

TEST(BenchParameters, DrawsFromLiveValues) {
  const Workload valid = parse_ok(
      "param city = Contacts.mailingcity\nparam id = Contacts.id\nparam account = Contacts.account_id\n"
      "param n = int -3 3\nparam recent = Contacts.modifiedtime latest 5\nparam start = Contacts.lastname prefix 2\n"
      "param part = Contacts.lastname contains 3\n"
      "weight 1\nSELECT lastname FROM Contacts WHERE mailingcity = $city AND id != $id AND account_id = $account\n"
      "  AND modifiedtime >= $recent AND lastname LIKE $start AND lastname LIKE $part;\n");
  auto values = ParameterValues::load(valid, *demo_engine());
  ASSERT_TRUE(values.ok()) << values.error().message;
  Rng rng(11);
  std::set<std::string> recent;
  for (int i = 0; i < 300; ++i) {
    const std::string city = values->draw(0, rng);
    ASSERT_GE(city.size(), 3U);
    EXPECT_EQ(city.front(), '\'');
    EXPECT_EQ(city.back(), '\'');
    const auto found = demo_engine()->query("SELECT count(*) FROM Contacts WHERE mailingcity = " + city + ";");
    ASSERT_TRUE(found.ok()) << city;
    EXPECT_NE(found->rows[0][0], std::optional<std::string>("0")) << city << " names no live record";

    const std::string id = values->draw(1, rng);
    EXPECT_EQ(id.rfind("12x", 0), 0U) << id;  // bare: an entity id
    const auto record = demo_engine()->query("SELECT id FROM Contacts WHERE id = " + id + ";");
    ASSERT_TRUE(record.ok()) << id;
    EXPECT_EQ(record->rows.size(), 1U) << id;
    EXPECT_EQ(values->draw(2, rng).rfind("11x", 0), 0U);  // references are ids too

    const std::int64_t n = std::stoll(values->draw(3, rng));  // drawn only: n is not in the query
    EXPECT_GE(n, -3);
    EXPECT_LE(n, 3);
    recent.insert(values->draw(4, rng));
    const std::string start = values->draw(5, rng);
    EXPECT_EQ(start.substr(start.size() - 2), "%'") << start;
    const std::string part = values->draw(6, rng);
    EXPECT_EQ(part.substr(0, 2), "'%") << part;
    const auto like = demo_engine()->query("SELECT count(*) FROM Contacts WHERE lastname LIKE " + part + ";");
    ASSERT_TRUE(like.ok()) << part;
    EXPECT_NE(like->rows[0][0], std::optional<std::string>("0")) << part << " matches no live record";
  }
  EXPECT_LE(recent.size(), 5U);
  EXPECT_EQ(values->pool_size(4), 5U);
  // The latest values are the greatest modification times.
  const auto newest = demo_engine()->query("SELECT modifiedtime FROM Contacts ORDER BY modifiedtime DESC LIMIT 1;");
  ASSERT_TRUE(newest.ok());
  EXPECT_TRUE(recent.contains("'" + *newest->rows[0][0] + "'"));
}

TEST(BenchParameters, InstancesAreDeterministicWithASeed) {
  const Workload w = parse_ok(builtin_workload("crm-mix"));
  auto values = ParameterValues::load(w, *demo_engine());
  ASSERT_TRUE(values.ok()) << values.error().message;
  auto stream = [&](std::uint64_t seed) {
    Rng rng(seed);
    std::string all;
    for (int i = 0; i < 200; ++i)
      all += values->instantiate(w.templates[static_cast<std::size_t>(i) % w.templates.size()], rng) + "\n";
    return all;
  };
  EXPECT_EQ(stream(5), stream(5));
  EXPECT_NE(stream(5), stream(6));
  // Every instance of every template checks.
  Rng rng(9);
  for (int i = 0; i < 500; ++i) {
    const std::string query = values->instantiate(w.templates[static_cast<std::size_t>(i) % w.templates.size()], rng);
    const auto checked = demo_engine()->check(query);
    EXPECT_TRUE(checked.ok()) << query << ": " << checked.error().message;
  }
}

TEST(BenchParameters, OneValuePerParameterPerInstance) {
  const Workload w = parse_ok("param c = Contacts.id\nweight 1\nSELECT * FROM Contacts WHERE id = $c OR id = $c;\n");
  auto values = ParameterValues::load(w, *demo_engine());
  ASSERT_TRUE(values.ok());
  Rng rng(1);
  for (int i = 0; i < 50; ++i) {
    const std::string q = values->instantiate(w.templates[0], rng);
    const std::size_t first = q.find("id = ") + 5;
    const std::size_t second = q.rfind("id = ") + 5;
    EXPECT_EQ(q.substr(first, q.find(' ', first) - first), q.substr(second, q.find(';', second) - second)) << q;
  }
}

TEST(BenchParameters, BuiltinWorkloadsLoadOnTheDemoData) {
  for (const std::string_view name : builtin_workload_names()) {
    const Workload w = parse_ok(builtin_workload(name));
    const auto values = ParameterValues::load(w, *demo_engine());
    EXPECT_TRUE(values.ok()) << name << ": " << values.error().message << " " << values.error().hint;
  }
}

struct BadLoad {
  const char* text;
  std::uint32_t line;
  const char* message;
  const char* hint;
};

class BenchParameterErrors : public ::testing::TestWithParam<BadLoad> {};

TEST_P(BenchParameterErrors, SaysWhichLine) {
  const BadLoad& c = GetParam();
  const Workload w = parse_ok(c.text);
  const auto values = ParameterValues::load(w, *demo_engine());
  ASSERT_FALSE(values.ok());
  EXPECT_EQ(locate(c.text, values.error().span.offset).line, c.line) << values.error().message;
  EXPECT_NE(values.error().message.find(c.message), std::string::npos) << values.error().message;
  EXPECT_NE(values.error().hint.find(c.hint), std::string::npos) << values.error().hint;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BenchParameterErrors,
    ::testing::Values(
        BadLoad{"param c = Contact.id\nweight 1\nSELECT * FROM Contacts;\n", 1, "there is no module 'Contact'",
                "did you mean 'Contacts'?"},
        BadLoad{"\nparam c = Contacts.mailingcty\nweight 1\nSELECT * FROM Contacts;\n", 2,
                "Contacts has no readable field 'mailingcty'", "did you mean 'mailingcity'?"},
        BadLoad{"param p = Users.user_password\nweight 1\nSELECT * FROM Contacts;\n", 1,
                "Users has no readable field 'user_password'", ""},
        BadLoad{"param p = Users.imagename\nweight 1\nSELECT * FROM Contacts;\n", 1, "has no values in the data", ""},
        BadLoad{"param c = Contacts.id\n# x\nweight 1 name=broken\nSELECT * FROM Contacts WHERE lastnme = $c;\n", 3,
                "the query of template 'broken' is not valid: ACCESS_DENIED", "an instance: SELECT"}));

}  // namespace
}  // namespace vtql::bench
