// `vtql import`: reads CSV or JSON Lines into a module of a SQLite database file, all rows or (with --skip-bad) the
// good ones; also the progress bar the file commands share.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "tools/vtql/commands.hpp"
#include "vtql/exchange.hpp"

namespace vtql::cli {
namespace {

struct ImportCommandOptions {
  std::string db_path;
  std::string module;
  std::string format;
  std::string schema_path;
  std::string data;
  bool skip_bad = false;
  std::size_t max_errors = 20;
};

void print_failure(const char* command, const Error& error) {
  std::cerr << "vtql " << command << ": " << error.message << "\n";
  if (!error.hint.empty()) std::cerr << "  hint: " << error.hint << "\n";
}

int run_import(const ImportCommandOptions& options) {
  DataFormat format = DataFormat::kCsv;
  if (!options.format.empty()) {
    format = options.format == "csv" ? DataFormat::kCsv : DataFormat::kJsonLines;
  } else if (const auto implied = format_from_path(options.data)) {
    format = *implied;
  } else {
    std::cerr << "vtql import: cannot tell the format of " << options.data
              << " from its name; give --format csv or --format jsonl\n";
    return kExitUsage;
  }

  std::error_code ignored;
  const bool existed = std::filesystem::exists(options.db_path, ignored);
  OpenOptions open;
  open.create_if_missing = true;
  if (!options.schema_path.empty()) {
    auto loaded = Schema::load(options.schema_path);
    if (!loaded) {
      print_failure("import", loaded.error());
      return kExitUsage;
    }
    // A new file gets the built-in modules as well; an existing one keeps its own and gains these.
    open.schema = existed ? *loaded : Schema::builtin()->merged_with(**loaded);
  }

  std::ifstream file;
  std::istream* in = &std::cin;
  std::uint64_t total_bytes = 0;
  if (options.data != "-") {
    file.open(options.data, std::ios::binary);
    if (!file) {
      std::cerr << "vtql import: cannot read " << options.data << "\n";
      return kExitUsage;
    }
    in = &file;
    total_bytes = std::filesystem::file_size(options.data, ignored);
    if (ignored) total_bytes = 0;
  }

  auto database = Database::open(options.db_path, open);
  if (!database) {
    print_failure("import", database.error());
    return kExitUsage;
  }

  ImportOptions importing;
  importing.format = format;
  importing.skip_bad = options.skip_bad;
  importing.max_errors = options.max_errors;
  if (auto bar = terminal_progress("importing " + options.module)) {
    importing.progress = [bar = std::move(bar), total_bytes](std::uint64_t bytes, std::uint64_t rows) {
      bar(total_bytes == 0 ? rows : bytes, total_bytes);
    };
  }
  const auto start = std::chrono::steady_clock::now();
  auto report = import_records(**database, options.module, *in, importing);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // A failed import leaves no new database file behind (an existing one is as it was: the import is one
  // transaction).
  if (!existed && (!report || (report->bad_rows > 0 && !options.skip_bad))) {
    database->reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(options.db_path + suffix, ignored);
  }
  if (!report) {
    print_failure("import", report.error());
    // A header that does not fit the module is bad data; anything else is the command line or the files.
    return report.error().code == ErrorCode::kInvalidArgument ? kExitInvalid : kExitUsage;
  }

  if (report->bad_rows > 0) {
    std::cerr << "vtql import: " << report->bad_rows << (report->bad_rows == 1 ? " bad row" : " bad rows") << " in "
              << options.data << ":\n";
    for (const std::string& line : report->describe_errors()) std::cerr << "  " << line << "\n";
    if (!options.skip_bad) {
      std::cerr << "vtql import: nothing was imported (--skip-bad imports the good rows and leaves these out)\n";
    }
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, " in %.2f s", seconds);
  std::cout << "imported " << report->imported << " " << options.module
            << (report->imported == 1 ? " record" : " records");
  if (report->skipped > 0) std::cout << " (" << report->skipped << " skipped)";
  std::cout << timing << "\n";
  return report->bad_rows == 0 ? kExitOk : kExitInvalid;
}  // namespace

}  // namespace

std::function<void(std::uint64_t, std::uint64_t)> terminal_progress(std::string label) {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [label = std::move(label), last = -1, shown = std::uint64_t{0}](std::uint64_t done,
                                                                         std::uint64_t total) mutable {
    constexpr int kWidth = 40;
    if (total == 0) {  // no known total: a count
      if (done - shown < 10'000 && done != 0) return;
      shown = done;
      std::fprintf(stderr, "\r%s: %llu", label.c_str(), static_cast<unsigned long long>(done));
      std::fflush(stderr);
      return;
    }
    const int percent = static_cast<int>(std::min<std::uint64_t>(done, total) * 100 / total);
    if (percent == last) return;
    last = percent;
    const int filled = percent * kWidth / 100;
    std::fprintf(stderr, "\r%s [%s%s] %3d%%", label.c_str(), std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), ' ').c_str(), percent);
    if (done >= total) std::fprintf(stderr, "\r%*s\r", static_cast<int>(label.size()) + kWidth + 10, "");
    std::fflush(stderr);
  };
}

std::function<int()> add_import_command(CLI::App& app) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Import CSV or JSON Lines records into a module of a database file (created when missing), in one "
      "transaction: every row or none");
  cmd->add_option("--db", options->db_path,
                  "The vtql SQLite database file; created with the built-in schema when missing")
      ->required();
  cmd->add_option("--module", options->module, "The module the records belong to, e.g. Contacts")->required();
  cmd->add_option("--format", options->format, "csv or jsonl; by default from DATA's extension (.csv, .jsonl, .ndjson)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("--schema", options->schema_path,
                  "Describe metadata (a describe JSON file, envelope, bundle or directory) of custom modules or "
                  "custom fields to add to the database first");
  cmd->add_flag("--skip-bad", options->skip_bad, "Import the good rows and report the bad ones (exit status 1)");
  cmd->add_option("--max-errors", options->max_errors, "Bad rows to list before 'and N more'");
  cmd->add_option("data", options->data, "The file to read, or - for standard input (then give --format)")->required();
  return [options] { return run_import(*options); };
}

}  // namespace vtql::cli
