// Plans: what each backend capability lets the planner push down, and the operators it adds for the rest.
#include <gtest/gtest.h>

#include "engine/internal.hpp"
#include "engine/planner/plan.hpp"
#include "engine/storage/limited_backend.hpp"
#include "vtql/engine.hpp"

namespace vtql {
namespace {

std::string plan_for(const storage::Capabilities& capabilities, std::string_view query) {
  static const auto memory = Database::in_memory(Schema::builtin());
  auto database = Internals::database(
      memory->schema(), std::make_unique<storage::LimitedBackend>(Internals::backend(*memory), capabilities));
  const auto plan = Engine(database).explain(query);
  EXPECT_TRUE(plan.ok()) << plan.error().message;
  return plan.ok() ? *plan : std::string();
}

constexpr std::string_view kQuery =
    "SELECT lastname FROM Contacts WHERE lastname = 'Smith' ORDER BY firstname LIMIT 5, 10;";

TEST(Planner, EverythingGoesToACapableBackend) {
  EXPECT_EQ(plan_for({true, true, true, true}, kQuery),
            "Project lastname, id\n"
            "  Scan Contacts (limited) filter: lastname = 'Smith'; order: firstname ASC, id ASC; offset 5 limit 10; "
            "fields: lastname, id\n");
}

TEST(Planner, ABackendThatOnlyScansGetsEveryOperator) {
  EXPECT_EQ(plan_for({}, kQuery),
            "Project lastname, id\n"
            "  Limit offset 5 count 10\n"
            "    Sort firstname ASC, id ASC (top 15)\n"
            "      Filter lastname = 'Smith'\n"
            "        Scan Contacts (limited) all fields\n");
}

TEST(Planner, FilterWithoutOrderSortsInTheEngine) {
  EXPECT_EQ(plan_for({true, false, false, false}, kQuery),
            "Project lastname, id\n"
            "  Limit offset 5 count 10\n"
            "    Sort firstname ASC, id ASC (top 15)\n"
            "      Scan Contacts (limited) filter: lastname = 'Smith'; all fields\n");
}

TEST(Planner, DefaultOrderIsById) {
  EXPECT_EQ(plan_for({}, "SELECT lastname FROM Contacts;"),
            "Project lastname, id\n"
            "  Limit offset 0 count 100\n"
            "    Sort id ASC (top 100)\n"
            "      Scan Contacts (limited) all fields\n");
}

TEST(Planner, CountGoesToABackendThatCounts) {
  EXPECT_EQ(plan_for({true, true, true, true}, "SELECT count(*) FROM Contacts WHERE leadsource = 'Partner';"),
            "Count Contacts (limited) filter: leadsource = 'Partner'\n");
  EXPECT_EQ(plan_for({}, "SELECT count(*) FROM Contacts WHERE leadsource = 'Partner';"),
            "Count\n  Filter leadsource = 'Partner'\n    Scan Contacts (limited) all fields\n");
}

}  // namespace
}  // namespace vtql
