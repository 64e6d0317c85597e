// Test databases loaded from fixture files: JSON lines of {"module", "record", "deleted"?, "converted"?}.
#pragma once

#include <memory>
#include <string>

#include "vtql/database.hpp"

namespace vtql::testing {

// Loads `path` into a new in-memory database over the built-in schema. Records keep the ids they give; a record
// with "deleted": true is removed after loading, one with "converted": true (a lead) is marked converted.
Result<std::shared_ptr<Database>> load_fixture(const std::string& path);
// Loads `path` into `database` (of any backend), in one write transaction.
Status load_fixture_into(Database& database, const std::string& path);

}  // namespace vtql::testing
