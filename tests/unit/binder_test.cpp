// The binder's bound tree: resolved fields, typed values, projection, order and limits; the engine's facade.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/binder/bound_query.hpp"
#include "engine/internal.hpp"
#include "vtql/engine.hpp"

namespace vtql {
namespace {

const binder::BoundQuery& bind_ok(const Engine& engine, std::string_view query, Result<CheckedQuery>& holder) {
  holder = engine.check(query);
  EXPECT_TRUE(holder.ok()) << query << ": " << (holder.ok() ? "" : holder.error().message);
  return Internals::bound(*holder);
}

TEST(Binder, ProjectionPutsIdLastUnlessNamed) {
  const Engine engine;
  Result<CheckedQuery> q = Error{};
  const auto& named = bind_ok(engine, "SELECT id, lastname, lastname FROM Contacts;", q);
  EXPECT_EQ(q->columns(), (std::vector<std::string>{"id", "lastname"}));
  EXPECT_EQ(named.columns.size(), 2U);
  EXPECT_EQ(q->warnings().size(), 1U);  // lastname twice

  const auto& star = bind_ok(engine, "SELECT * FROM Groups;", q);
  EXPECT_EQ(q->columns(), (std::vector<std::string>{"groupname", "description", "id"}));
  EXPECT_TRUE(star.select_star);

  const auto& users = bind_ok(engine, "SELECT * FROM Users;", q);
  for (const int c : users.columns) {
    EXPECT_NE(users.module->fields[static_cast<std::size_t>(c)].type, FieldType::kPassword);
    EXPECT_NE(users.module->fields[static_cast<std::size_t>(c)].name, "accesskey");
  }
}

TEST(Binder, TypesValuesByField) {
  const Engine engine;
  Result<CheckedQuery> q = Error{};
  const auto& b = bind_ok(engine,
                          "SELECT * FROM Accounts WHERE employees > '12' AND annual_revenue = '1500.5' AND "
                          "account_id = 11x7 AND assigned_user_id IN ('19x1', '20x3') AND emailoptout = 1;",
                          q);
  const auto& conj = std::get<binder::BoundLogical>(*b.where);
  ASSERT_EQ(conj.operands.size(), 5U);
  const auto& employees = std::get<binder::BoundComparison>(conj.operands[0]);
  EXPECT_EQ(std::get<std::int64_t>(employees.value), 12);
  const auto& revenue = std::get<binder::BoundComparison>(conj.operands[1]);
  EXPECT_EQ(std::get<types::Decimal>(revenue.value), *types::Decimal::parse("1500.50000000"));
  const auto& parent = std::get<binder::BoundComparison>(conj.operands[2]);
  EXPECT_EQ(std::get<types::EntityId>(parent.value), (types::EntityId{11, 7}));
  const auto& owners = std::get<binder::BoundIn>(conj.operands[3]);
  EXPECT_EQ(std::get<types::EntityId>(owners.values[1]), (types::EntityId{20, 3}));
  const auto& optout = std::get<binder::BoundComparison>(conj.operands[4]);
  EXPECT_EQ(std::get<bool>(optout.value), true);
  EXPECT_TRUE(q->warnings().empty()) << q->warnings().front().message;
}

TEST(Binder, EntityIdLikeKeepsThePartAfterX) {
  const Engine engine;
  Result<CheckedQuery> q = Error{};
  const auto& b = bind_ok(engine, "SELECT * FROM Contacts WHERE id LIKE '12x3%';", q);
  EXPECT_EQ(std::get<binder::BoundLike>(*b.where).pattern, "3%");
}

TEST(Binder, OrderDirectionBelongsToTheLastField) {
  const Engine engine;
  Result<CheckedQuery> q = Error{};
  const auto& b = bind_ok(engine, "SELECT * FROM Contacts ORDER BY lastname, firstname DESC;", q);
  ASSERT_EQ(b.order_by.size(), 2U);
  EXPECT_EQ(b.order_by[0].direction, ast::Direction::kAsc);
  EXPECT_EQ(b.order_by[1].direction, ast::Direction::kDesc);
}

TEST(Binder, LimitsFollowTheRowCap) {
  Result<CheckedQuery> q = Error{};
  const Engine capped;
  EXPECT_EQ(bind_ok(capped, "SELECT * FROM Contacts;", q).count, 100U);
  EXPECT_EQ(bind_ok(capped, "SELECT * FROM Contacts LIMIT 7, 500;", q).count, 100U);
  EXPECT_EQ(q->offset(), 7U);
  EXPECT_EQ(q->warnings().size(), 1U);
  Settings settings;
  settings.max_rows = 0;
  const Engine uncapped(Schema::builtin(), settings);
  EXPECT_FALSE(bind_ok(uncapped, "SELECT * FROM Contacts;", q).count.has_value());
  EXPECT_EQ(bind_ok(uncapped, "SELECT * FROM Contacts LIMIT 500;", q).count, 500U);
}

TEST(Binder, CountStarIgnoresTheFieldsAfterIt) {
  Result<CheckedQuery> q = Error{};
  const auto& b = bind_ok(Engine(), "SELECT COUNT(*), firstname, nosuchfield FROM Contacts;", q);
  EXPECT_TRUE(b.count_only);
  EXPECT_EQ(q->columns(), std::vector<std::string>{"count"});
  ASSERT_EQ(q->warnings().size(), 2U);
  EXPECT_NE(q->warnings()[1].message.find("no such field"), std::string::npos);
}

TEST(Binder, UnknownModuleBeatsALaterSyntaxError) {
  const auto result = Engine().check("SELECT * FROM contacts WHERE (a = 1);");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kAccessDenied);
  EXPECT_NE(result.error().hint.find("'Contacts'"), std::string::npos);
}

TEST(Engine, ChecksConcurrently) {
  const Engine engine;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        const auto ok = engine.check("SELECT lastname FROM Contacts WHERE account_id = 11x" + std::to_string(i) + ";");
        const auto bad = engine.check("SELECT lastname FROM Contacts WHERE nosuch = 1;");
        if (!ok.ok() || bad.ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace vtql
