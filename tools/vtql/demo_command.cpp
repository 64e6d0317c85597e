// `vtql demo`: writes the demo CRM into a new SQLite database file, built beside it and renamed into place.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "tools/vtql/commands.hpp"
#include "vtql/engine.hpp"

namespace vtql::cli {
namespace {

namespace fs = std::filesystem;

struct DemoCommandOptions {
  std::string db_path;
  std::string schema_path;
  std::uint64_t scale = 1000;
  std::uint64_t seed = 1;
  bool replace = false;
};

// The file and the journal files SQLite keeps beside it.
void remove_database_files(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ignored);
}

// Live records of every module, counted through queries.
std::uint64_t count_records(const std::shared_ptr<Database>& database) {
  Settings settings;
  settings.max_rows = 0;
  const Engine engine(database, settings);
  std::uint64_t total = 0;
  for (const ModuleDef& module : database->schema()->modules()) {
    const auto result = engine.query("SELECT count(*) FROM " + module.name + ";");
    if (result && !result->rows.empty() && result->rows[0][0]) total += std::stoull(*result->rows[0][0]);
  }
  return total;
}

int run_demo(const DemoCommandOptions& options) {
  const fs::path target(options.db_path);
  std::error_code error;
  if (fs::exists(target, error) && !options.replace) {
    std::cerr << "vtql demo: " << options.db_path << " exists; give --replace to overwrite it\n";
    return kExitUsage;
  }
  std::shared_ptr<const Schema> schema = Schema::builtin();
  if (!options.schema_path.empty()) {
    auto loaded = Schema::load(options.schema_path);
    if (!loaded) {
      std::cerr << "vtql demo: " << loaded.error().message << "\n";
      return kExitUsage;
    }
    schema = schema->merged_with(**loaded);
  }

  // Built under another name and renamed over the target only when complete: an interrupted run leaves the old
  // file (or none) rather than a half-written one.
  const fs::path partial = target.string() + ".partial-" + std::to_string(::getpid());
  remove_database_files(partial);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t records = 0;
  {
    OpenOptions open;
    open.create_if_missing = true;
    open.schema = schema;
    auto database = Database::open(partial.string(), open);
    if (!database) {
      std::cerr << "vtql demo: " << database.error().message << "\n";
      remove_database_files(partial);
      return kExitUsage;
    }
    DemoOptions demo;
    demo.scale = options.scale;
    demo.seed = options.seed;
    demo.progress = terminal_progress("generating the demo CRM");
    if (auto status = (*database)->generate_demo(demo); !status) {
      std::cerr << "vtql demo: " << status.error().message << "\n";
      database = Error{};
      remove_database_files(partial);
      return kExitUsage;
    }
    records = count_records(*database);
  }  // closed here, which checkpoints the write-ahead log into the file
  remove_database_files(target);
  fs::rename(partial, target, error);
  if (error) {
    std::cerr << "vtql demo: cannot move " << partial.string() << " to " << options.db_path << ": " << error.message()
              << "\n";
    remove_database_files(partial);
    return kExitUsage;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote the demo CRM (%llu records, scale %llu, seed %llu) to %s in %.2f s\n",
              static_cast<unsigned long long>(records), static_cast<unsigned long long>(options.scale),
              static_cast<unsigned long long>(options.seed), options.db_path.c_str(), seconds);
  return kExitOk;
}

}  // namespace

std::function<int()> add_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoCommandOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "Write the demo CRM into a new SQLite database file");
  cmd->add_option("--db", options->db_path, "The database file to write; must not exist unless --replace")->required();
  cmd->add_option("--scale", options->scale, "Records across the modules, roughly")->check(CLI::Range(1, 10'000'000));
  cmd->add_option("--seed", options->seed, "Seed: the same scale and seed always give the same data")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--schema", options->schema_path,
                  "Describe metadata of custom modules or fields to add to the built-in schema (filled by type)");
  cmd->add_flag("--replace", options->replace, "Overwrite an existing file");
  return [options] { return run_demo(*options); };
}

}  // namespace vtql::cli
