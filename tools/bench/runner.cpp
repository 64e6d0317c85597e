// The workload runner: client threads per round, alternating backends, merged per-thread histograms.
#include "tools/bench/runner.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace vtql::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kProgressTick = std::chrono::milliseconds(200);

// Picks a template with probability weight / total weight.
class Picker {
 public:
  explicit Picker(const Workload& workload) {
    for (const QueryTemplate& t : workload.templates) {
      total_ += t.weight;
      cumulative_.push_back(total_);
    }
  }
  std::size_t pick(Rng& rng) const {
    const std::uint64_t x = rng.below(total_);
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  }

 private:
  std::vector<std::uint64_t> cumulative_;
  std::uint64_t total_ = 0;
};

// A client's running totals, read by the progress display; one cache line each so that clients do not contend.
struct alignas(64) LiveCounter {
  std::atomic<std::uint64_t> queries{0};
  std::atomic<std::uint64_t> errors{0};
};

void run_one(const Workload& workload, const Target& target, std::size_t index, Rng& rng, Tally& tally) {
  const std::string query = target.values.instantiate(workload.templates[index], rng);
  const auto start = Clock::now();
  const auto result = target.engine->query(query);
  const auto elapsed = Clock::now() - start;
  tally.latency.record(
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()));
  if (result) {
    tally.rows += result->rows.size();
    return;
  }
  ++tally.errors;
  if (tally.first_error.empty()) {
    tally.first_error = std::string(to_string(result.error().code)) + ": " + result.error().message + " in " + query;
  }
}

struct RoundPlan {
  std::size_t index = 0;  // from 0
  std::optional<std::uint64_t> count;
  std::chrono::nanoseconds duration{};
};

RoundResult run_round(const Workload& workload, const Picker& picker, const Target& target, const RunOptions& options,
                      const RoundPlan& plan) {
  const unsigned threads = std::max(1U, options.threads);
  std::vector<std::vector<Tally>> tallies(threads, std::vector<Tally>(workload.templates.size()));
  const auto live = std::make_unique<LiveCounter[]>(threads);
  std::atomic<std::uint64_t> issued{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable all_done;
  unsigned finished = 0;                         // guarded by mutex
  std::vector<Clock::time_point> ends(threads);  // when each client stopped

  auto client = [&](unsigned thread) {
    Rng rng(mix_seed(mix_seed(options.seed, plan.index), thread));
    std::vector<Tally>& mine = tallies[thread];
    while (true) {
      if (plan.count) {
        if (issued.fetch_add(1, std::memory_order_relaxed) >= *plan.count) break;
      } else if (stop.load(std::memory_order_relaxed)) {
        break;
      }
      const std::size_t index = picker.pick(rng);
      const std::uint64_t errors_before = mine[index].errors;
      run_one(workload, target, index, rng, mine[index]);
      live[thread].queries.fetch_add(1, std::memory_order_relaxed);
      if (mine[index].errors != errors_before) live[thread].errors.fetch_add(1, std::memory_order_relaxed);
    }
    ends[thread] = Clock::now();
    const std::lock_guard lock(mutex);
    ++finished;
    all_done.notify_one();
  };

  const auto start = Clock::now();
  const auto deadline = start + plan.duration;
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(client, t);
  {
    std::unique_lock lock(mutex);
    while (finished < threads) {
      auto wake = Clock::now() + kProgressTick;
      if (!plan.count && !stop.load(std::memory_order_relaxed)) wake = std::min(wake, deadline);
      all_done.wait_until(lock, wake, [&] { return finished == threads; });
      if (finished == threads) break;
      if (!plan.count && Clock::now() >= deadline) stop.store(true, std::memory_order_relaxed);
      if (options.progress) {
        lock.unlock();
        Progress progress;
        progress.label = target.label;
        progress.round = plan.index + 1;
        progress.rounds = options.rounds;
        progress.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        for (unsigned t = 0; t < threads; ++t) {
          progress.queries += live[t].queries.load(std::memory_order_relaxed);
          progress.errors += live[t].errors.load(std::memory_order_relaxed);
        }
        options.progress(progress);
        lock.lock();
      }
    }
  }
  for (std::thread& t : pool) t.join();
  RoundResult round;
  round.seconds = std::chrono::duration<double>(*std::max_element(ends.begin(), ends.end()) - start).count();
  round.templates.resize(workload.templates.size());
  for (const auto& mine : tallies) {
    for (std::size_t i = 0; i < mine.size(); ++i) {
      round.templates[i].merge(mine[i]);
      round.total.merge(mine[i]);
    }
  }
  return round;
}

}  // namespace

void Tally::merge(const Tally& other) {
  latency.merge(other.latency);
  errors += other.errors;
  rows += other.rows;
  if (first_error.empty()) first_error = other.first_error;
}

std::vector<BackendResult> run_workload(const Workload& workload, const std::vector<Target>& targets,
                                        const RunOptions& options) {
  const Picker picker(workload);
  const unsigned rounds = std::max(1U, options.rounds);
  std::vector<BackendResult> results(targets.size());
  for (std::size_t b = 0; b < targets.size(); ++b) {
    results[b].label = targets[b].label;
    results[b].templates.resize(workload.templates.size());
    Rng rng(mix_seed(options.seed, ~std::uint64_t{0}));
    std::vector<Tally> discarded(workload.templates.size());
    for (std::uint64_t i = 0; i < options.warmup; ++i) {
      const std::size_t index = picker.pick(rng);
      run_one(workload, targets[b], index, rng, discarded[index]);
    }
  }
  for (unsigned r = 0; r < rounds; ++r) {
    RoundPlan plan;
    plan.index = r;
    if (options.count) {
      plan.count = *options.count * (r + 1) / rounds - *options.count * r / rounds;
    } else {
      plan.duration = options.duration / rounds;
    }
    for (std::size_t b = 0; b < targets.size(); ++b) {
      RoundResult round = run_round(workload, picker, targets[b], options, plan);
      BackendResult& result = results[b];
      result.seconds += round.seconds;
      result.total.merge(round.total);
      for (std::size_t i = 0; i < round.templates.size(); ++i) result.templates[i].merge(round.templates[i]);
      result.rounds.push_back(std::move(round));
    }
  }
  return results;
}

std::vector<std::vector<QueryTiming>> time_queries(const std::vector<std::shared_ptr<const Engine>>& engines,
                                                   const std::vector<std::pair<std::string, std::size_t>>& queries,
                                                   std::uint64_t runs, std::uint64_t warmup,
                                                   const std::function<void(std::size_t done)>& progress) {
  std::vector<std::vector<QueryTiming>> out(engines.size());
  for (auto& timings : out) {
    for (const auto& [query, line] : queries) {
      QueryTiming timing;
      timing.query = query;
      timing.line = line;
      timings.push_back(std::move(timing));
    }
  }
  for (std::size_t q = 0; q < queries.size(); ++q) {
    const std::string& query = queries[q].first;
    for (std::uint64_t w = 0; w < warmup; ++w) {
      for (const auto& engine : engines) (void)engine->query(query);
    }
    for (std::uint64_t r = 0; r < std::max<std::uint64_t>(runs, 1); ++r) {
      for (std::size_t e = 0; e < engines.size(); ++e) {
        QueryTiming& timing = out[e][q];
        if (timing.error) continue;
        const auto start = Clock::now();
        const auto result = engines[e]->query(query);
        const auto elapsed = Clock::now() - start;
        timing.latency.record(
            static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()));
        if (result) {
          timing.rows = result->rows.size();
        } else {
          timing.error = result.error();
        }
      }
    }
    if (progress) progress(q + 1);
  }
  return out;
}

}  // namespace vtql::bench
