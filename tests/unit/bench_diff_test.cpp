// Tests of comparing benchmark runs: vtql bench JSON and Google Benchmark JSON, thresholds and noise.
#include "tools/bench/run_diff.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace vtql::bench {
namespace {

// A vtql bench document with one backend, one template, and its rounds' throughput.
std::string vtql_doc(double qps, double p50, std::initializer_list<double> rounds) {
  std::string r;
  for (const double q : rounds) {
    r += (r.empty() ? "" : ",") + std::string("{\"qps\":") + std::to_string(q) + ",\"p50_us\":" + std::to_string(p50) +
         ",\"p99_us\":100}";
  }
  const std::string tally = "\"qps\":" + std::to_string(qps) + ",\"latency_us\":{\"p50\":" + std::to_string(p50) +
                            ",\"p99\":100},\"rounds\":[" + r + "]";
  return "{\"vtql_bench\":1,\"mode\":\"workload\",\"backends\":[{\"backend\":\"memory\"," + tally +
         ",\"templates\":[{\"name\":\"list\"," + tally + "}]}]}";
}

const MetricChange* find(const std::vector<MetricChange>& changes, const std::string& metric) {
  for (const MetricChange& c : changes) {
    if (c.metric == metric) return &c;
  }
  return nullptr;
}

TEST(BenchDiff, FlagsChangesBeyondThresholdAndNoise) {
  // 20% fewer queries per second, rounds tight: worse.
  auto changes = diff_runs(vtql_doc(1000, 10, {990, 1010}), vtql_doc(800, 10, {795, 805}), 0.05);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  const MetricChange* qps = find(*changes, "memory/all q/s");
  ASSERT_NE(qps, nullptr);
  EXPECT_EQ(qps->verdict, Verdict::kWorse);
  EXPECT_NEAR(qps->change(), -0.2, 1e-9);
  EXPECT_NEAR(qps->noise, 15, 1e-9);  // 10 + 5: half ranges added
  ASSERT_NE(find(*changes, "memory/list q/s"), nullptr);
  EXPECT_EQ(find(*changes, "memory/all p50")->verdict, Verdict::kSame);

  // The same 20% inside rounds that spread more than that: noise.
  changes = diff_runs(vtql_doc(1000, 10, {700, 1300}), vtql_doc(800, 10, {790, 810}), 0.05);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(find(*changes, "memory/all q/s")->verdict, Verdict::kSame);

  // Under the threshold: the same, however tight.
  changes = diff_runs(vtql_doc(1000, 10, {1000, 1000}), vtql_doc(1040, 10, {1040, 1040}), 0.05);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(find(*changes, "memory/all q/s")->verdict, Verdict::kSame);

  // Lower latency is better.
  changes = diff_runs(vtql_doc(1000, 10, {1000}), vtql_doc(1000, 5, {1000}), 0.05);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(find(*changes, "memory/all p50")->verdict, Verdict::kBetter);
  std::ostringstream table;
  print_diff(table, *changes, 0.05);
  EXPECT_NE(table.str().find("better"), std::string::npos);
  EXPECT_NE(table.str().find("0 worse, 2 better"), std::string::npos) << table.str();
}

TEST(BenchDiff, ReadsGoogleBenchmarkRepetitionsAndAggregates) {
  const std::string iterations_old = R"({"context":{},"benchmarks":[
    {"name":"BM_Parse","run_type":"iteration","real_time":100,"time_unit":"ns"},
    {"name":"BM_Parse","run_type":"iteration","real_time":102,"time_unit":"ns"},
    {"name":"BM_Scan","run_type":"iteration","real_time":2.0,"time_unit":"us"}]})";
  const std::string aggregates_new = R"({"context":{},"benchmarks":[
    {"name":"BM_Parse_mean","run_name":"BM_Parse","run_type":"aggregate","aggregate_name":"mean","real_time":130,"time_unit":"ns"},
    {"name":"BM_Parse_stddev","run_name":"BM_Parse","run_type":"aggregate","aggregate_name":"stddev","real_time":1,"time_unit":"ns"},
    {"name":"BM_Scan","run_type":"iteration","real_time":1900,"time_unit":"ns"}]})";
  const auto changes = diff_runs(iterations_old, aggregates_new, 0.05);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  ASSERT_EQ(changes->size(), 2U);
  const MetricChange* parse = find(*changes, "BM_Parse real_time");
  ASSERT_NE(parse, nullptr);
  EXPECT_DOUBLE_EQ(parse->before, 101);
  EXPECT_EQ(parse->verdict, Verdict::kWorse);
  const MetricChange* scan = find(*changes, "BM_Scan real_time");
  ASSERT_NE(scan, nullptr);
  EXPECT_DOUBLE_EQ(scan->before, 2000);      // microseconds read as nanoseconds
  EXPECT_EQ(scan->verdict, Verdict::kSame);  // 5% faster is not beyond 5%
}

TEST(BenchDiff, RejectsWhatItCannotRead) {
  EXPECT_FALSE(diff_runs("not json", vtql_doc(1, 1, {1}), 0.05).ok());
  EXPECT_FALSE(diff_runs("{\"x\":1}", vtql_doc(1, 1, {1}), 0.05).ok());
  const auto disjoint = diff_runs(vtql_doc(1, 1, {1}), R"({"benchmarks":[]})", 0.05);
  ASSERT_FALSE(disjoint.ok());
  EXPECT_NE(disjoint.error().message.find("share no metric"), std::string::npos);
}

}  // namespace
}  // namespace vtql::bench
