// The least-recently-used cache of prepared queries behind Engine::query.
#include "engine/plan_cache.hpp"

namespace vtql {

std::shared_ptr<const PreparedQuery> PlanCache::find(std::string_view text) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(text);
  if (it == entries_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second.position);
  return it->second.prepared;
}

void PlanCache::insert(std::string_view text, std::shared_ptr<const PreparedQuery> prepared) {
  std::lock_guard lock(mutex_);
  if (capacity_ == 0 || entries_.count(text) != 0) return;
  if (entries_.size() >= capacity_) {
    entries_.erase(std::string_view(order_.back()));
    order_.pop_back();
  }
  order_.emplace_front(text);
  entries_.emplace(std::string_view(order_.front()), Entry{std::move(prepared), order_.begin()});
}

}  // namespace vtql
