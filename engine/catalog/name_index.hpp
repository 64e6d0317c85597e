// A name -> index map for the schema's lookups by module name, field name and id prefix (Schema, ModuleDef).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace vtql::catalog {

// A name -> index map tuned for what the binder does on every query: look up short, mostly-known names. Open
// addressing over a power-of-two table, a hash of the first and last eight bytes and the length.
class NameIndex {
 public:
  // The index stored for `name`, or -1.
  int find(std::string_view name) const noexcept {
    if (slots_.empty()) return -1;
    const std::uint64_t h = hash(name);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.value < 0) return -1;
      if (slot.hash == h && slot.name == name) return slot.value;
    }
  }
  // Adds `name`, or replaces its index when `replace`; returns whether it was new.
  bool insert(std::string name, int value, bool replace);
  void clear() noexcept {
    slots_.clear();
    size_ = 0;
    mask_ = 0;
  }

  static std::uint64_t hash(std::string_view s) noexcept {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    const std::size_t n = s.size();
    if (n >= 8) {
      std::memcpy(&head, s.data(), 8);
      std::memcpy(&tail, s.data() + n - 8, 8);
    } else {
      std::memcpy(&head, s.data(), n);
    }
    std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ n) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
  }

 private:
  struct Slot {
    std::string name;
    std::uint64_t hash = 0;
    int value = -1;
  };
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace vtql::catalog
