// The backends a benchmark can open: the in-memory demo CRM today; SQLite is named but not built yet.
#include "tools/bench/backends.hpp"

#include <string>

namespace vtql::bench {

const std::vector<std::string_view>& bench_backend_names() {
  static const std::vector<std::string_view> names{"memory", "sqlite"};
  return names;
}

Result<std::shared_ptr<Database>> open_bench_database(std::string_view name, const BackendOptions& options) {
  if (name == "memory") {
    DemoOptions demo;
    demo.scale = options.scale;
    demo.seed = options.seed;
    demo.progress = options.progress;
    return Database::demo(options.schema, demo);
  }
  if (name == "sqlite") {
    return Error{ErrorCode::kInvalidArgument, "the sqlite backend is not available in this build of vtql", {},
                 "use --backend memory"};
  }
  return Error{ErrorCode::kInvalidArgument, "unknown backend '" + std::string(name) + "'", {},
               "the backends are memory and sqlite"};
}

}  // namespace vtql::bench
