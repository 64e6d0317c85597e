// Throughput of the front end over the conformance corpus: parse alone, parse + check, and parse + check + plan.
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vtql/engine.hpp"

namespace {

// The 240 recorded queries; `valid_only` keeps the 136 that the original and vtql both accept.
const std::vector<std::string>& corpus(bool valid_only) {
  static const auto load = [](bool valid) {
    std::vector<std::string> queries;
    std::ifstream in(std::string(VTQL_CONFORMANCE_DIR) + "/vtiger-oracle.jsonl");
    const vtql::Engine engine;
    for (std::string line; std::getline(in, line);) {
      const auto record = nlohmann::json::parse(line);
      std::string query = record.at("query");
      if (!valid || engine.check(query).ok()) queries.push_back(std::move(query));
    }
    return queries;
  };
  static const std::vector<std::string> all = load(false);
  static const std::vector<std::string> valid = load(true);
  return valid_only ? valid : all;
}

void BM_Parse(benchmark::State& state) {
  const auto& queries = corpus(state.range(0) != 0);
  for (auto _ : state) {
    for (const std::string& query : queries) {
      auto result = vtql::parse(query);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * queries.size()));
}
BENCHMARK(BM_Parse)->ArgName("valid_only")->Arg(0)->Arg(1);

void BM_ParseAndCheck(benchmark::State& state) {
  const auto& queries = corpus(state.range(0) != 0);
  const vtql::Engine engine;
  for (auto _ : state) {
    for (const std::string& query : queries) {
      auto result = engine.check(query);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * queries.size()));
}
BENCHMARK(BM_ParseAndCheck)->ArgName("valid_only")->Arg(0)->Arg(1);

// Parse, check and plan (Engine::prepare) for the default backend, SQLite: what a query costs before it runs when
// the plan cache does not have it.
void BM_ParseCheckAndPlan(benchmark::State& state) {
  const auto& queries = corpus(state.range(0) != 0);
  auto database = vtql::Database::open(":memory:");
  if (!database) {
    state.SkipWithError(database.error().message.c_str());
    return;
  }
  const vtql::Engine engine(*database);
  for (auto _ : state) {
    for (const std::string& query : queries) {
      auto result = engine.prepare(query);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * queries.size()));
}
BENCHMARK(BM_ParseCheckAndPlan)->ArgName("valid_only")->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();
