// A latency histogram in the manner of HdrHistogram: log-linear buckets exact to a stated number of digits.
//
// Values (nanoseconds here, but any non-negative integers) below 2 * 10^digits rounded up to a power of two are
// counted exactly; above, each power-of-two range is cut into as many equal sub-buckets, so a value and the bucket
// that holds it differ by less than one part in 10^digits. Recording is O(1) and allocation-free once the counts
// reach the largest value seen. Not thread-safe: give each thread its own and merge them.
#pragma once

#include <cstdint>
#include <vector>

namespace vtql::bench {

class Histogram {
 public:
  // REQUIRES: 1 <= significant_digits <= 5
  explicit Histogram(int significant_digits = 3);

  void record(std::uint64_t value) { record(value, 1); }
  void record(std::uint64_t value, std::uint64_t times);
  // Adds other's counts. REQUIRES: other.significant_digits() == significant_digits()
  void merge(const Histogram& other);
  void reset();

  std::uint64_t count() const noexcept { return count_; }
  std::uint64_t min() const noexcept { return count_ == 0 ? 0 : min_; }
  std::uint64_t max() const noexcept { return max_; }
  double mean() const noexcept;
  int significant_digits() const noexcept { return digits_; }

  // The value at or below which `percentile` percent of the recorded values lie (0 < percentile <= 100): the
  // highest value of the bucket holding the ceil(percentile/100 * count)-th smallest value, kept within
  // [min(), max()]. 0 when empty.
  std::uint64_t percentile(double percentile) const noexcept;

  // Whether two values fall into the same bucket.
  bool equivalent(std::uint64_t a, std::uint64_t b) const noexcept { return index_of(a) == index_of(b); }
  // The smallest and largest values of the bucket holding `value`.
  std::uint64_t lowest_equivalent(std::uint64_t value) const noexcept;
  std::uint64_t highest_equivalent(std::uint64_t value) const noexcept;

 private:
  std::size_t index_of(std::uint64_t value) const noexcept;
  std::uint64_t lowest_of_index(std::size_t index) const noexcept;

  int digits_;
  int sub_bits_;  // 2^sub_bits_ values are counted exactly; each larger power-of-two range has 2^(sub_bits_-1) buckets
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::uint64_t min_ = 0;
  std::uint64_t max_ = 0;
  long double sum_ = 0;
};

}  // namespace vtql::bench
