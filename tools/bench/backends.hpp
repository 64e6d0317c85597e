// Opening the database a benchmark runs on, by backend name: the one place a new backend is added.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "vtql/database.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql::bench {

struct BackendOptions {
  std::shared_ptr<const Schema> schema;  // REQUIRES: not null
  std::uint64_t scale = 10000;           // demo records, roughly
  std::uint64_t seed = 1;
  std::string db_path;  // a vtql database file to run on instead of a generated demo CRM
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // may be empty
};

// The names --backend and --compare accept, available or not.
const std::vector<std::string_view>& bench_backend_names();

// The demo CRM at options.scale and options.seed (or the records of options.db_path) in the backend `name`: memory
// holds them in memory; sqlite writes the demo into a temporary database file, removed when the program exits,
// or opens the given file read-only. An unknown name is an INVALID_ARGUMENT error that says so.
Result<std::shared_ptr<Database>> open_bench_database(std::string_view name, const BackendOptions& options);

}  // namespace vtql::bench
