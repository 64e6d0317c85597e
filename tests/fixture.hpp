// Test databases loaded from fixture files: JSON lines of {"module", "record", "deleted"?, "converted"?}, and the
// rows of Engine::stream collected for comparison with Engine::query.
#pragma once

#include <memory>
#include <string>

#include "vtql/database.hpp"
#include "vtql/engine.hpp"

namespace vtql::testing {

// Loads `path` into a new in-memory database over the built-in schema, plus the modules of the describe metadata
// beside it (NAME.schema.json for NAME.jsonl) when there is such a file. Records keep the ids they give; a record
// with "deleted": true is removed after loading, one with "converted": true (a lead) is marked converted.
Result<std::shared_ptr<Database>> load_fixture(const std::string& path);
// Loads `path` into `database` (of any backend), in one write transaction.
Status load_fixture_into(Database& database, const std::string& path);

// What engine.stream(query) hands over, as the ResultSet engine.query(query) returns; the error when it fails.
// `begins` is how many times the sink was told the columns (exactly once when the stream succeeds).
Result<ResultSet> streamed(const Engine& engine, std::string_view query, int* begins = nullptr);

}  // namespace vtql::testing
