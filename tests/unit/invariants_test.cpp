// Invariants in the style of SQLite's fuzzers, which need no expected output: over the demo CRM, adding
// `AND field = <a value the row returned>` keeps the row, and a LIMITed result is a prefix of the unlimited one
// under a total order. Each query also runs with the engine's own operators instead of the backend's, and the two
// must agree.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "engine/internal.hpp"
#include "engine/storage/limited_backend.hpp"
#include "vtql/engine.hpp"

namespace vtql {
namespace {

struct Demo {
  std::shared_ptr<Database> database;
  std::shared_ptr<Database> scan_only;
};

const Demo& demo() {
  static const Demo instance = [] {
    DemoOptions options;
    options.scale = 3000;
    options.seed = 7;
    auto database = Database::demo(Schema::builtin(), options);
    if (!database) throw std::runtime_error(database.error().message);
    Demo d;
    d.database = *database;
    d.scan_only = Internals::database(
        d.database->schema(),
        std::make_unique<storage::LimitedBackend>(Internals::backend(*d.database), storage::Capabilities{}));
    return d;
  }();
  return instance;
}

// A value in the webservice's string form, written as a literal that reads back to it.
std::string literal(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'')
      out += "''";
    else if (c == '\\')
      out += "\\\\";
    else
      out.push_back(c);
  }
  return out + "'";
}

const std::vector<std::string> kQueries = {
    "SELECT * FROM Contacts WHERE lastname LIKE '%a%' ORDER BY lastname, firstname LIMIT 20;",
    "SELECT * FROM Accounts WHERE employees > 10 OR annual_revenue < '1000' ORDER BY annual_revenue DESC LIMIT 15;",
    "SELECT * FROM Potentials WHERE amount >= '100' AND sales_stage != 'Closed Lost' LIMIT 25;",
    "SELECT * FROM HelpDesk ORDER BY ticketpriorities, createdtime DESC LIMIT 20;",
    "SELECT * FROM Leads WHERE leadsource IN ('Cold Call', 'Web Site', 'Partner') LIMIT 30;",
    "SELECT * FROM Contacts WHERE birthday < '1970-01-01' OR mailingcity = 'Zürich' ORDER BY birthday LIMIT 20;",
};

// The parts of a query: "SELECT ... FROM Module", its condition (or empty), and what follows it.
struct Parts {
  std::string head;
  std::string condition;
  std::string tail;
};

Parts split(const std::string& query) {
  const std::size_t where = query.find(" WHERE ");
  std::size_t tail = query.find(" ORDER BY ");
  if (tail == std::string::npos) tail = query.find(" LIMIT ");
  if (where == std::string::npos) return {query.substr(0, tail), "", query.substr(tail)};
  return {query.substr(0, where), query.substr(where + 7, tail - where - 7), query.substr(tail)};
}

TEST(Invariants, AddingAnEqualityOnAReturnedValueKeepsTheRow) {
  Settings uncapped;
  uncapped.max_rows = 0;
  const Engine engine(demo().database, uncapped);
  int checked = 0;
  for (const std::string& query : kQueries) {
    SCOPED_TRACE(query);
    const auto result = engine.query(query);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_FALSE(result->rows.empty());
    const Parts parts = split(query);
    // Without parentheses, a condition holding OR cannot take another conjunct and keep its meaning.
    const bool extend = parts.condition.find(" OR ") == std::string::npos;
    for (std::size_t r = 0; r < result->rows.size(); r += 3) {
      const auto& row = result->rows[r];
      for (std::size_t c = 0; c < result->columns.size(); c += 4) {
        if (!row[c] || row[c]->size() > 200) continue;
        const std::string equality = result->columns[c] + " = " + literal(*row[c]);
        const std::string narrowed =
            parts.head + " WHERE " +
            (extend && !parts.condition.empty() ? parts.condition + " AND " + equality : equality) + ";";
        const auto again = engine.query(narrowed);
        ASSERT_TRUE(again.ok()) << narrowed << ": " << again.error().message;
        EXPECT_NE(std::find(again->rows.begin(), again->rows.end(), row), again->rows.end()) << narrowed;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(Invariants, ALimitedResultIsAPrefixUnderATotalOrder) {
  Settings uncapped;
  uncapped.max_rows = 0;
  const Engine engine(demo().database, uncapped);
  for (const char* base : {"SELECT lastname, firstname FROM Contacts ORDER BY lastname, firstname",
                           "SELECT accountname FROM Accounts WHERE employees > 5 ORDER BY annual_revenue DESC",
                           "SELECT ticket_title FROM HelpDesk"}) {
    SCOPED_TRACE(base);
    const auto all = engine.query(std::string(base) + ";");
    ASSERT_TRUE(all.ok()) << all.error().message;
    for (const auto& [offset, count] : std::vector<std::pair<int, int>>{{0, 10}, {5, 7}, {0, 1}, {30, 100}}) {
      const auto part =
          engine.query(std::string(base) + " LIMIT " + std::to_string(offset) + ", " + std::to_string(count) + ";");
      ASSERT_TRUE(part.ok()) << part.error().message;
      const std::size_t begin = std::min<std::size_t>(static_cast<std::size_t>(offset), all->rows.size());
      const std::size_t end = std::min<std::size_t>(begin + static_cast<std::size_t>(count), all->rows.size());
      ASSERT_EQ(part->rows.size(), end - begin);
      for (std::size_t i = begin; i < end; ++i) EXPECT_EQ(part->rows[i - begin], all->rows[i]);
    }
  }
}

TEST(Invariants, EngineOperatorsAgreeWithTheBackend) {
  const Engine full(demo().database);
  const Engine scan_only(demo().scan_only);
  for (const std::string& query : kQueries) {
    SCOPED_TRACE(query);
    const auto a = full.query(query);
    const auto b = scan_only.query(query);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->rows, b->rows);
    const std::string count = "SELECT count(*) FROM" + query.substr(query.find(" FROM ") + 5);
    const auto ca = full.query(count.substr(0, count.find(" ORDER BY ") != std::string::npos ? count.find(" ORDER BY ")
                                                                                             : count.find(" LIMIT ")) +
                               ";");
    const auto cb =
        scan_only.query(count.substr(0, count.find(" ORDER BY ") != std::string::npos ? count.find(" ORDER BY ")
                                                                                      : count.find(" LIMIT ")) +
                        ";");
    ASSERT_TRUE(ca.ok() && cb.ok()) << (ca.ok() ? "" : ca.error().message);
    EXPECT_EQ(ca->rows, cb->rows);
  }
}

}  // namespace
}  // namespace vtql
