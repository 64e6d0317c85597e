// The subcommands of the vtql program; each registers its options on the CLI11 app and runs when chosen.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace vtql::cli {

// Exit statuses: 0 all good, 1 some query was invalid, 2 a usage error (bad options, unreadable files).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// Each adds a subcommand to `app`; the returned function runs it once the command line is parsed.
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_query_command(CLI::App& app);
std::function<int()> add_explain_command(CLI::App& app);
std::function<int()> add_describe_command(CLI::App& app);
std::function<int()> add_listtypes_command(CLI::App& app);
std::function<int()> add_bench_command(CLI::App& app);

}  // namespace vtql::cli
