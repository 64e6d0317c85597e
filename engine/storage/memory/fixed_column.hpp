// Fixed-width columns (numbers, booleans, dates, times, entity ids) with a validity bit per row.
//
// Most types are stored as they are (a date is its 32-bit day number). Entity ids and decimals are packed into
// 64 bits when they fit, which is nearly always, and otherwise kept whole in a side table keyed by row:
//   - an entity id: an 8-bit code of its prefix (a per-column table of the prefixes seen) and a 56-bit number;
//   - a decimal: a mantissa of up to 59 bits (sign included) and its 5-bit scale.
#pragma once

#include <compare>
#include <type_traits>
#include <unordered_map>

#include "engine/storage/memory/column.hpp"
#include "engine/types/value_ops.hpp"

namespace vtql::storage::memory {

// The value as it is stored, and what comparisons see: the value itself.
template <typename T>
class PlainCodec {
 public:
  // std::vector<bool> packs bits and has no data(); booleans are stored a byte each.
  using Stored = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;
  Stored encode(const T& value, std::uint32_t /*row*/) { return Stored(value); }
  void clear(std::uint32_t /*row*/) {}
  T decode(Stored s, std::uint32_t /*row*/) const { return T(s); }
  T comparable(Stored s, std::uint32_t /*row*/) const { return T(s); }
  static T comparable(const T& literal) { return literal; }
  std::size_t memory_bytes() const { return 0; }
};

// Entity ids compare by record number only, as the original compares them.
class EntityIdCodec {
 public:
  using Stored = std::uint64_t;

  Stored encode(const types::EntityId& id, std::uint32_t row) {
    if (!wide_.empty()) wide_.erase(row);
    if (id.number <= kNumberMask) {
      const auto it = std::find(prefixes_.begin(), prefixes_.end(), id.prefix);
      if (it != prefixes_.end()) return pack(static_cast<std::uint64_t>(it - prefixes_.begin()), id.number);
      if (prefixes_.size() < kCodes) {
        prefixes_.push_back(id.prefix);
        return pack(prefixes_.size() - 1, id.number);
      }
    }
    wide_[row] = id;
    return kWide;
  }
  void clear(std::uint32_t row) {
    if (!wide_.empty()) wide_.erase(row);
  }
  types::EntityId decode(Stored s, std::uint32_t row) const {
    if (s == kWide) return wide_.at(row);
    return {prefixes_[s >> kNumberBits], s & kNumberMask};
  }
  std::uint64_t comparable(Stored s, std::uint32_t row) const {
    return s == kWide ? wide_.at(row).number : s & kNumberMask;
  }
  static std::uint64_t comparable(const types::EntityId& literal) { return literal.number; }
  std::size_t memory_bytes() const {
    return prefixes_.capacity() * sizeof(std::uint32_t) + wide_.bucket_count() * sizeof(void*) +
           wide_.size() * (sizeof(void*) + sizeof(std::pair<std::uint32_t, types::EntityId>) + 8);
  }

 private:
  static constexpr int kNumberBits = 56;
  static constexpr std::uint64_t kNumberMask = (std::uint64_t{1} << kNumberBits) - 1;
  static constexpr std::size_t kCodes = 255;  // code 255 is left out so that kWide is never a packed id
  static constexpr Stored kWide = UINT64_MAX;
  static Stored pack(std::uint64_t code, std::uint64_t number) { return (code << kNumberBits) | number; }

  std::vector<std::uint32_t> prefixes_;
  std::unordered_map<std::uint32_t, types::EntityId> wide_;
};

class DecimalCodec {
 public:
  using Stored = std::int64_t;

  Stored encode(const types::Decimal& d, std::uint32_t row) {
    if (!wide_.empty()) wide_.erase(row);
    const types::Decimal::Mantissa& m = d.mantissa();
    if (d.scale() >= 0 && d.scale() < 32 && m >= -kMantissaLimit && m <= kMantissaLimit) {
      return static_cast<std::int64_t>(static_cast<std::uint64_t>(static_cast<std::int64_t>(m)) << 5) | d.scale();
    }
    wide_[row] = d;
    return kWide;
  }
  void clear(std::uint32_t row) {
    if (!wide_.empty()) wide_.erase(row);
  }
  types::Decimal decode(Stored s, std::uint32_t row) const {
    if (s == kWide) return wide_.at(row);
    return types::Decimal(types::Decimal::Mantissa(s >> 5), static_cast<int>(s & 31));
  }
  types::Decimal comparable(Stored s, std::uint32_t row) const { return decode(s, row); }
  static const types::Decimal& comparable(const types::Decimal& literal) { return literal; }
  std::size_t memory_bytes() const {
    return wide_.bucket_count() * sizeof(void*) +
           wide_.size() * (sizeof(void*) + sizeof(std::pair<std::uint32_t, types::Decimal>) + 8);
  }

 private:
  static constexpr std::int64_t kMantissaLimit = (std::int64_t{1} << 58) - 1;
  static constexpr Stored kWide = INT64_MIN;  // (m << 5) | scale never is, as |m| < 2^58

  std::unordered_map<std::uint32_t, types::Decimal> wide_;
};

template <typename T>
using CodecFor = std::conditional_t<std::is_same_v<T, types::EntityId>, EntityIdCodec,
                                    std::conditional_t<std::is_same_v<T, types::Decimal>, DecimalCodec, PlainCodec<T>>>;

template <typename T>
class FixedColumn final : public Column {
  using Codec = CodecFor<T>;
  using Stored = typename Codec::Stored;

 public:
  using Column::Column;

  void append(const types::Value& value) override {
    const T* v = std::get_if<T>(&value);
    reserve_one_more(data_);
    data_.push_back(v != nullptr ? codec_.encode(*v, static_cast<std::uint32_t>(data_.size())) : Stored{});
    valid_.push_back(v != nullptr);
  }
  void set(std::uint32_t row, const types::Value& value) override {
    const T* v = std::get_if<T>(&value);
    if (v == nullptr) codec_.clear(row);
    data_[row] = v != nullptr ? codec_.encode(*v, row) : Stored{};
    valid_.set(row, v != nullptr);
  }
  types::Value get(std::uint32_t row) const override {
    if (!valid_.test(row)) return types::Null{};
    return codec_.decode(data_[row], row);
  }
  bool is_null(std::uint32_t row) const override { return !valid_.test(row); }

  void select(ast::CompareOp op, const types::Value& literal, const Selection& in,
              std::vector<std::uint32_t>& out) const override {
    const T* lit = std::get_if<T>(&literal);
    if (lit == nullptr) return Column::select(op, literal, in, out);
    const auto& key = Codec::comparable(*lit);
    const Stored* data = data_.data();
    if (empty_is_zero()) {
      in.for_each([&](std::uint32_t r) {
        if (types::holds(order(codec_.comparable(data[r], r), key), op)) out.push_back(r);
      });
      return;
    }
    in.for_each([&](std::uint32_t r) {
      if (valid_.test(r) && types::holds(order(codec_.comparable(data[r], r), key), op)) out.push_back(r);
    });
  }

  void select_in(const std::vector<types::Value>& values, const Selection& in,
                 std::vector<std::uint32_t>& out) const override {
    using Key = std::decay_t<decltype(Codec::comparable(std::declval<const T&>()))>;
    std::vector<Key> keys;
    for (const types::Value& v : values) {
      const T* lit = std::get_if<T>(&v);
      if (lit == nullptr) return Column::select_in(values, in, out);
      keys.push_back(Codec::comparable(*lit));
    }
    const bool zero = empty_is_zero();
    in.for_each([&](std::uint32_t r) {
      if (!zero && !valid_.test(r)) return;
      const auto value = codec_.comparable(data_[r], r);
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const Key& key = keys[k];  // a copy for std::vector<bool>'s proxies
        if (order(value, key) == 0) {
          out.push_back(r);
          return;
        }
      }
    });
  }

  int compare_rows(std::uint32_t a, std::uint32_t b) const override {
    const bool va = valid_.test(a);
    const bool vb = valid_.test(b);
    if (!va || !vb) return va == vb ? 0 : !va ? -1 : 1;
    const std::partial_ordering o = order(codec_.comparable(data_[a], a), codec_.comparable(data_[b], b));
    return o < 0 ? -1 : o > 0 ? 1 : 0;
  }

  std::string_view encoding() const noexcept override { return "fixed"; }

  std::size_t memory_bytes() const override {
    return data_.capacity() * sizeof(Stored) + valid_.memory_bytes() + codec_.memory_bytes();
  }

 private:
  template <typename A>
  static std::partial_ordering order(const A& a, const A& b) {
    return a <=> b;
  }

  // An empty reference or owner is the number 0 in the original's tables, and compares as such.
  bool empty_is_zero() const noexcept {
    if constexpr (std::is_same_v<T, types::EntityId>) {
      return field().type == FieldType::kReference || field().type == FieldType::kOwner;
    } else {
      return false;
    }
  }

  std::vector<Stored> data_;
  BitVector valid_;
  Codec codec_;
};

}  // namespace vtql::storage::memory
