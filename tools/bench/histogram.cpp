// The log-linear latency histogram: bucket arithmetic, percentiles and merging.
#include "tools/bench/histogram.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>

namespace vtql::bench {

Histogram::Histogram(int significant_digits) : digits_(significant_digits) {
  assert(significant_digits >= 1 && significant_digits <= 5);
  // Values up to 2 * 10^digits are counted one by one, as HdrHistogram does; larger ones share buckets of
  // relative width at most 1 / 2^(sub_bits_-1) < 10^-digits.
  const double exact = 2.0 * std::pow(10.0, significant_digits);
  sub_bits_ = static_cast<int>(std::ceil(std::log2(exact)));
}

std::size_t Histogram::index_of(std::uint64_t value) const noexcept {
  const std::uint64_t exact = std::uint64_t{1} << sub_bits_;
  if (value < exact) return static_cast<std::size_t>(value);
  const int shift = std::bit_width(value) - sub_bits_;
  const std::uint64_t half = exact >> 1;
  return static_cast<std::size_t>(static_cast<std::uint64_t>(shift) * half + (value >> shift));
}

std::uint64_t Histogram::lowest_of_index(std::size_t index) const noexcept {
  const std::uint64_t exact = std::uint64_t{1} << sub_bits_;
  if (index < exact) return index;
  const std::uint64_t half = exact >> 1;
  const std::uint64_t shift = index / half - 1;
  return (index - shift * half) << shift;
}

std::uint64_t Histogram::lowest_equivalent(std::uint64_t value) const noexcept {
  return lowest_of_index(index_of(value));
}

std::uint64_t Histogram::highest_equivalent(std::uint64_t value) const noexcept {
  if (value < (std::uint64_t{1} << sub_bits_)) return value;
  const int shift = std::bit_width(value) - sub_bits_;
  return lowest_equivalent(value) + ((std::uint64_t{1} << shift) - 1);
}

void Histogram::record(std::uint64_t value, std::uint64_t times) {
  if (times == 0) return;
  const std::size_t index = index_of(value);
  if (index >= counts_.size()) counts_.resize(index + 1, 0);
  counts_[index] += times;
  min_ = count_ == 0 ? value : std::min(min_, value);
  max_ = std::max(max_, value);
  count_ += times;
  sum_ += static_cast<long double>(value) * static_cast<long double>(times);
}

void Histogram::merge(const Histogram& other) {
  assert(other.digits_ == digits_);
  if (other.count_ == 0) return;
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (std::size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  count_ += other.count_;
  sum_ += other.sum_;
}

void Histogram::reset() {
  counts_.clear();
  count_ = 0;
  min_ = 0;
  max_ = 0;
  sum_ = 0;
}

double Histogram::mean() const noexcept {
  return count_ == 0 ? 0.0 : static_cast<double>(sum_ / static_cast<long double>(count_));
}

std::uint64_t Histogram::percentile(double percentile) const noexcept {
  if (count_ == 0) return 0;
  percentile = std::clamp(percentile, 0.0, 100.0);
  // The rank of the value asked for, 1-based; the tiny shave keeps 99.9% of 1000 at rank 999 despite rounding.
  const long double exact = static_cast<long double>(percentile) / 100.0L * static_cast<long double>(count_);
  auto rank = static_cast<std::uint64_t>(std::ceil(exact * (1.0L - 1e-12L)));
  rank = std::clamp<std::uint64_t>(rank, 1, count_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(highest_equivalent(lowest_of_index(i)), min_, max_);
  }
  return max_;
}

}  // namespace vtql::bench
