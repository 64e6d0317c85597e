// The vtql command-line program: parses the command line and runs the chosen subcommand.
#include <iostream>

#include <CLI/CLI.hpp>

#include "tools/vtql/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"vtql: the query language of the vtiger / Simply CRM webservice"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vtql 0.1.0");
  auto run_check = vtql::cli::add_check_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : vtql::cli::kExitUsage;
  }
  if (app.got_subcommand("check")) return run_check();
  return vtql::cli::kExitUsage;
}
