// The subcommands of the vtql program; each registers its options on the CLI11 app and runs when chosen.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace vtql::cli {

// Exit statuses: 0 all good, 1 some query was invalid, 2 a usage error (bad options, unreadable files), 3 the
// output could not be written (a full disk), so what was written is not the whole answer.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitOutput = 3;

// Each adds a subcommand to `app`; the returned function runs it once the command line is parsed.
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_query_command(CLI::App& app);
std::function<int()> add_explain_command(CLI::App& app);
std::function<int()> add_describe_command(CLI::App& app);
std::function<int()> add_listtypes_command(CLI::App& app);
std::function<int()> add_bench_command(CLI::App& app);
std::function<int()> add_import_command(CLI::App& app);
std::function<int()> add_export_command(CLI::App& app);
std::function<int()> add_demo_command(CLI::App& app);

// A progress bar on standard error for `done` of `total` (bytes, rows), drawn only when standard error is a
// terminal; empty otherwise. Defined in import_command.cpp.
std::function<void(std::uint64_t done, std::uint64_t total)> terminal_progress(std::string label);

}  // namespace vtql::cli
