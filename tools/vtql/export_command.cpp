// `vtql export`: writes a module's live records from a database file as CSV or JSON Lines, to a file or stdout.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "tools/vtql/commands.hpp"
#include "vtql/exchange.hpp"

namespace vtql::cli {
namespace {

// A new empty file in the directory of `path` (so that a rename onto `path` stays on one file system), with the
// permissions a newly created file gets; its name, or empty when none could be made.
std::string temporary_beside(const std::string& path) {
  const std::filesystem::path target(path);
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  std::string name = (directory / ("." + target.filename().string() + ".vtql-export-XXXXXX")).string();
  const int fd = mkstemp(name.data());
  if (fd < 0) return {};
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  close(fd);
  return name;
}

struct ExportCommandOptions {
  std::string db_path;
  std::string module;
  std::string format;
  std::string output;
  std::uint32_t timeout_ms = 0;
  std::uint64_t max_rows = 0;
  bool explain = false;
};

int run_export(const ExportCommandOptions& options) {
  DataFormat format = DataFormat::kCsv;
  if (!options.format.empty()) {
    format = options.format == "csv" ? DataFormat::kCsv : DataFormat::kJsonLines;
  } else if (!options.output.empty()) {
    format = format_from_path(options.output).value_or(DataFormat::kCsv);
  }

  OpenOptions open;
  open.read_only = true;
  auto database = Database::open(options.db_path, open);
  if (!database) {
    std::cerr << "vtql export: " << database.error().message << "\n";
    if (!database.error().hint.empty()) std::cerr << "  hint: " << database.error().hint << "\n";
    return kExitUsage;
  }

  ExportOptions exporting;
  exporting.format = format;
  exporting.max_query_ms = options.timeout_ms;
  exporting.max_rows = options.max_rows;
  if (options.explain) {
    auto plan = explain_export(**database, options.module, exporting);
    if (!plan) {
      std::cerr << "vtql export: " << plan.error().message << "\n";
      return kExitUsage;
    }
    std::cout << *plan;
    return kExitOk;
  }

  // A file is written under a temporary name beside it and renamed over the target only once the export is whole,
  // so that a failed export leaves an existing file as it was.
  std::ofstream file;
  std::ostream* out = &std::cout;
  std::string temporary;
  if (!options.output.empty() && options.output != "-") {
    temporary = temporary_beside(options.output);
    if (temporary.empty()) {
      std::cerr << "vtql export: cannot write " << options.output << "\n";
      return kExitUsage;
    }
    file.open(temporary, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::remove(temporary.c_str());
      std::cerr << "vtql export: cannot write " << options.output << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  // Removes the temporary file unless it has been renamed into place.
  struct Cleanup {
    std::string& path;
    ~Cleanup() {
      if (!path.empty()) std::remove(path.c_str());
    }
  } cleanup{temporary};

  exporting.progress = terminal_progress("exporting " + options.module);
  const auto start = std::chrono::steady_clock::now();
  auto report = export_records(**database, options.module, *out, exporting);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!report) {
    std::cerr << "vtql export: " << report.error().message << "\n";
    if (!report.error().hint.empty()) std::cerr << "  hint: " << report.error().hint << "\n";
    if (!options.output.empty() && options.output != "-") std::cerr << "  " << options.output << " is unchanged\n";
    return report.error().code == ErrorCode::kIoError ? kExitOutput : kExitUsage;
  }
  if (file.is_open()) {
    file.close();
    if (!file) {
      std::cerr << "vtql export: writing " << options.output << " failed; " << options.output << " is unchanged\n";
      return kExitOutput;
    }
    std::error_code renamed;
    std::filesystem::rename(temporary, options.output, renamed);
    if (renamed) {
      std::cerr << "vtql export: cannot replace " << options.output << ": " << renamed.message() << "\n";
      return kExitOutput;
    }
    temporary.clear();
  }
  std::fprintf(stderr, "exported %llu %s %s in %.2f s\n", static_cast<unsigned long long>(report->rows),
               options.module.c_str(), report->rows == 1 ? "record" : "records", seconds);
  return kExitOk;
}

}  // namespace

std::function<int()> add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write a module's live records from a database file as CSV or JSON Lines (id first, then the fields "
      "of SELECT * in describe order)");
  cmd->add_option("--db", options->db_path, "The vtql SQLite database file")->required();
  cmd->add_option("--module", options->module, "The module to export, e.g. Contacts")->required();
  cmd->add_option("--format", options->format, "csv or jsonl; by default from --output's extension, else csv")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("--output,-o", options->output, "The file to write (replaced); standard output by default");
  cmd->add_option("--timeout", options->timeout_ms,
                  "Stop the export after this many milliseconds with DATABASE_QUERY_ERROR (0, the default: no limit)");
  cmd->add_option("--max-rows", options->max_rows, "Write at most this many records, the first in id order (0: all)");
  cmd->add_flag("--explain", options->explain, "Print the plan the export runs (as vtql explain does) and stop");
  return [options] { return run_export(*options); };
}

}  // namespace vtql::cli
