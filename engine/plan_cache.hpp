// Prepared queries kept by their exact text, least recently used first out, shared by the threads of one Engine.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vtql/engine.hpp"

namespace vtql {

class PlanCache {
 public:
  explicit PlanCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const PreparedQuery> find(std::string_view text);
  void insert(std::string_view text, std::shared_ptr<const PreparedQuery> prepared);

 private:
  using Order = std::list<std::string>;
  struct Entry {
    std::shared_ptr<const PreparedQuery> prepared;
    Order::iterator position;
  };

  std::size_t capacity_;
  std::mutex mutex_;
  Order order_;                                          // most recently used first
  std::unordered_map<std::string_view, Entry> entries_;  // keys view the strings in order_
};

}  // namespace vtql
