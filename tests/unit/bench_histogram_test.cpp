// Tests of the benchmark histogram: bucket bounds, percentiles against a sorted reference, merging.
#include "tools/bench/histogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace vtql::bench {
namespace {

// The reference percentile: the ceil(p/100 * n)-th smallest sample.
std::uint64_t reference(const std::vector<std::uint64_t>& sorted, double percentile) {
  const auto n = static_cast<double>(sorted.size());
  auto rank = static_cast<std::size_t>(std::ceil(percentile / 100.0 * n - 1e-9));
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

TEST(BenchHistogram, SmallValuesAreExact) {
  Histogram h(3);
  for (std::uint64_t v = 0; v < 2048; ++v) {
    EXPECT_EQ(h.lowest_equivalent(v), v);
    EXPECT_EQ(h.highest_equivalent(v), v);
  }
  for (std::uint64_t v = 1; v <= 1000; ++v) h.record(v);
  EXPECT_EQ(h.count(), 1000U);
  EXPECT_EQ(h.min(), 1U);
  EXPECT_EQ(h.max(), 1000U);
  EXPECT_EQ(h.percentile(50), 500U);
  EXPECT_EQ(h.percentile(99), 990U);
  EXPECT_EQ(h.percentile(99.9), 999U);
  EXPECT_EQ(h.percentile(100), 1000U);
  EXPECT_DOUBLE_EQ(h.mean(), 500.5);
}

TEST(BenchHistogram, BucketsAreWithinTheStatedPrecision) {
  for (const int digits : {1, 2, 3, 4}) {
    const Histogram h(digits);
    const double precision = std::pow(10.0, -digits);
    std::mt19937_64 rng(digits);
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t v = rng() >> (rng() % 64);
      const std::uint64_t low = h.lowest_equivalent(v);
      const std::uint64_t high = h.highest_equivalent(v);
      ASSERT_LE(low, v);
      ASSERT_GE(high, v);
      ASSERT_TRUE(h.equivalent(low, v) && h.equivalent(high, v)) << v;
      if (high < UINT64_MAX) {
        ASSERT_FALSE(h.equivalent(high + 1, v)) << v;
      }
      if (low > 0) {
        ASSERT_FALSE(h.equivalent(low - 1, v)) << v;
      }
      ASSERT_LE(static_cast<double>(high - low), precision * static_cast<double>(low) + 1) << v << " digits " << digits;
    }
  }
}

TEST(BenchHistogram, HugeValuesDoNotOverflow) {
  Histogram h(3);
  h.record(UINT64_MAX);
  h.record(1);
  EXPECT_EQ(h.max(), UINT64_MAX);
  EXPECT_EQ(h.percentile(100), UINT64_MAX);
  EXPECT_EQ(h.percentile(50), 1U);
  EXPECT_EQ(h.highest_equivalent(UINT64_MAX), UINT64_MAX);
}

TEST(BenchHistogram, PercentilesMatchASortedReference) {
  const double percentiles[] = {1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};
  for (int trial = 0; trial < 20; ++trial) {
    std::mt19937_64 rng(1000 + trial);
    // Latency-like samples: log-normal around tens of microseconds, in nanoseconds, with a few huge outliers.
    std::lognormal_distribution<double> latency(10.0 + trial % 3, 1.0 + 0.2 * (trial % 4));
    const std::size_t n = 1 + rng() % 50000;
    std::vector<std::uint64_t> samples;
    Histogram h(3);
    for (std::size_t i = 0; i < n; ++i) {
      const auto v = rng() % 1000 == 0 ? rng() % 10'000'000'000ULL : static_cast<std::uint64_t>(latency(rng));
      samples.push_back(v);
      h.record(v);
    }
    std::sort(samples.begin(), samples.end());
    ASSERT_EQ(h.count(), n);
    EXPECT_EQ(h.min(), samples.front());
    EXPECT_EQ(h.max(), samples.back());
    for (const double p : percentiles) {
      const std::uint64_t want = reference(samples, p);
      const std::uint64_t got = h.percentile(p);
      // The same bucket as the exact answer, so within 0.1% of it (3 significant digits).
      EXPECT_TRUE(h.equivalent(got, want)) << "p" << p << " got " << got << " want " << want << " n " << n;
      EXPECT_LE(std::abs(static_cast<double>(got) - static_cast<double>(want)), 1e-3 * static_cast<double>(want) + 1)
          << "p" << p;
    }
  }
}

TEST(BenchHistogram, MergeEqualsRecordingEverythingInOne) {
  std::mt19937_64 rng(7);
  Histogram whole(3);
  std::vector<Histogram> parts(4, Histogram(3));
  std::vector<std::uint64_t> samples;
  for (int i = 0; i < 40000; ++i) {
    const std::uint64_t v = (rng() % 5'000'000) * (i % 3 == 0 ? 50 : 1);  // parts reach different bucket counts
    whole.record(v);
    parts[rng() % parts.size()].record(v);
    samples.push_back(v);
  }
  Histogram merged(3);
  for (const Histogram& part : parts) merged.merge(part);
  std::sort(samples.begin(), samples.end());
  EXPECT_EQ(merged.count(), whole.count());
  EXPECT_EQ(merged.min(), whole.min());
  EXPECT_EQ(merged.max(), whole.max());
  EXPECT_DOUBLE_EQ(merged.mean(), whole.mean());
  for (const double p : {50.0, 90.0, 99.0, 99.9, 100.0}) {
    EXPECT_EQ(merged.percentile(p), whole.percentile(p)) << p;
    EXPECT_TRUE(merged.equivalent(merged.percentile(p), reference(samples, p))) << p;
  }
}

TEST(BenchHistogram, MergingEmptyAndResetting) {
  Histogram h(3);
  h.merge(Histogram(3));
  EXPECT_EQ(h.count(), 0U);
  EXPECT_EQ(h.percentile(50), 0U);
  Histogram other(3);
  other.record(5000, 3);
  h.merge(other);
  EXPECT_EQ(h.count(), 3U);
  EXPECT_EQ(h.min(), 5000U);
  h.reset();
  EXPECT_EQ(h.count(), 0U);
  EXPECT_EQ(h.max(), 0U);
}

}  // namespace
}  // namespace vtql::bench
