// The backends a benchmark can open: the demo CRM (or a database file) in memory or in a SQLite file.
#include "tools/bench/backends.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>

namespace vtql::bench {
namespace {

// Temporary database files of this run, removed at exit (with their WAL and shared-memory files).
std::vector<std::string>& temporary_files() {
  static std::vector<std::string> files;
  return files;
}

void remove_temporary_files() {
  for (const std::string& path : temporary_files()) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
  }
}

std::string temporary_database(const BackendOptions& options) {
  static std::once_flag registered;
  // The list is made before the handler is registered, so that it is destroyed only after the handler ran.
  std::call_once(registered, [] {
    temporary_files();
    std::atexit(remove_temporary_files);
  });
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("vtql-bench-" + std::to_string(::getpid()) + "-" + std::to_string(options.scale) + "-" +
                             std::to_string(options.seed) + "-" + std::to_string(temporary_files().size()) + ".db"))
                               .string();
  temporary_files().push_back(path);
  return path;
}

}  // namespace

const std::vector<std::string_view>& bench_backend_names() {
  static const std::vector<std::string_view> names{"memory", "sqlite"};
  return names;
}

Result<std::shared_ptr<Database>> open_bench_database(std::string_view name, const BackendOptions& options) {
  if (name != "memory" && name != "sqlite") {
    return Error::invalid_argument("unknown backend '" + std::string(name) + "'", {},
                                   "the backends are memory and sqlite");
  }
  DemoOptions demo;
  demo.scale = options.scale;
  demo.seed = options.seed;
  demo.progress = options.progress;
  if (!options.db_path.empty()) {
    OpenOptions open;
    open.read_only = true;
    auto database = Database::open(options.db_path, open);
    if (!database || name == "sqlite") return database;
    return (*database)->copy_to_memory();
  }
  if (name == "memory") return Database::demo(options.schema, demo);
  OpenOptions create;
  create.create_if_missing = true;
  create.schema = options.schema;
  auto database = Database::open(temporary_database(options), create);
  if (!database) return database;
  if (auto status = (*database)->generate_demo(demo); !status) return std::move(status).error();
  return database;
}

}  // namespace vtql::bench
