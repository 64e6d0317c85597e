// The vtql command-line program: parses the command line and runs the chosen subcommand.
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "tools/vtql/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"vtql: the query language of the vtiger / Simply CRM webservice"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vtql 0.1.0");
  const std::vector<std::pair<std::string, std::function<int()>>> commands{
      {"query", vtql::cli::add_query_command(app)},
      {"check", vtql::cli::add_check_command(app)},
      {"explain", vtql::cli::add_explain_command(app)},
      {"describe", vtql::cli::add_describe_command(app)},
      {"listtypes", vtql::cli::add_listtypes_command(app)},
      {"bench", vtql::cli::add_bench_command(app)},
      {"import", vtql::cli::add_import_command(app)},
      {"export", vtql::cli::add_export_command(app)},
      {"demo", vtql::cli::add_demo_command(app)}};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : vtql::cli::kExitUsage;
  }
  for (const auto& [name, run] : commands) {
    if (!app.got_subcommand(name)) continue;
    const int status = run();
    // A full disk must not pass for a complete answer: every command's output is checked once it is all written.
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
      std::cerr << "vtql " << name << ": writing the output failed; it is incomplete\n";
      return vtql::cli::kExitOutput;
    }
    return status;
  }
  return vtql::cli::kExitUsage;
}
