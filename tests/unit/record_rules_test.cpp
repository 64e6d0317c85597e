// vtiger's record rules in one place: actors, id sequences, prefixes, the modules an id may name; guarded().
#include <gtest/gtest.h>

#include <stdexcept>

#include "engine/catalog/record_rules.hpp"
#include "engine/guard.hpp"

namespace vtql::catalog {
namespace {

const ModuleDef& module(const char* name) { return *Schema::builtin()->find_module(name); }

TEST(RecordRules, ActorsShareASequenceApartFromEntities) {
  EXPECT_TRUE(is_actor("Users"));
  EXPECT_TRUE(is_actor("Groups"));
  EXPECT_FALSE(is_actor("Contacts"));
  EXPECT_EQ(id_sequence(module("Users")), IdSequence::kActors);
  EXPECT_EQ(id_sequence(module("Contacts")), IdSequence::kEntities);
  EXPECT_EQ(id_sequence(module("Currency")), IdSequence::kOwn);

  IdAllocator ids;
  EXPECT_EQ(ids.next(module("Contacts")), 1u);
  EXPECT_EQ(ids.next(module("Accounts")), 2u);  // one sequence across entity modules
  EXPECT_EQ(ids.next(module("Users")), 1u);
  EXPECT_EQ(ids.next(module("Groups")), 2u);
  ids.note(module("Leads"), 40);
  EXPECT_EQ(ids.next(module("Contacts")), 41u);
  EXPECT_EQ(ids.next(module("Currency")), 1u);  // a module of its own
  ids.note(module("Currency"), 7);
  EXPECT_EQ(ids.next(module("Currency")), 8u);
  EXPECT_EQ(ids.next(module("Users")), 3u);
}

TEST(RecordRules, TheModulesAnIdMayName) {
  const Schema& schema = *Schema::builtin();
  const ModuleDef& contacts = module("Contacts");
  const auto owners = id_targets(schema, contacts, *contacts.find_field("assigned_user_id"));
  ASSERT_EQ(owners.size(), 2u);
  EXPECT_EQ(owners[0]->name, "Users");
  EXPECT_EQ(owners[1]->name, "Groups");
  const auto own = id_targets(schema, contacts, *contacts.find_field("id"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_TRUE(accepts_prefix(own, *contacts.find_field("id"), 12));
  EXPECT_FALSE(accepts_prefix(own, *contacts.find_field("id"), 11));
  const FieldDef& account = *contacts.find_field("account_id");
  const auto accounts = id_targets(schema, contacts, account);
  EXPECT_TRUE(accepts_prefix(accounts, account, id_prefix_number(module("Accounts"))));
  EXPECT_FALSE(accepts_prefix(accounts, account, 12));
  EXPECT_EQ(describe_targets(owners), "Users (19x...) or Groups (20x...)");
  EXPECT_TRUE(id_targets(schema, contacts, *contacts.find_field("lastname")).empty());
}

TEST(Guarded, ExceptionsBecomeInternalErrors) {
  const Status thrown = guarded("testing", []() -> Status { throw std::runtime_error("boom"); });
  ASSERT_FALSE(thrown.ok());
  EXPECT_EQ(thrown.error().code, ErrorCode::kInternalServerError);
  EXPECT_EQ(thrown.error().message, "testing failed: boom");
  const Result<int> oom = guarded("testing", []() -> Result<int> { throw std::bad_alloc(); });
  ASSERT_FALSE(oom.ok());
  EXPECT_EQ(oom.error().code, ErrorCode::kInternalServerError);
  EXPECT_EQ(guarded("testing", []() -> Result<int> { return 7; }).value(), 7);
}

}  // namespace
}  // namespace vtql::catalog
