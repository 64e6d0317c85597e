// Typed columns of the in-memory backend: the interface, the row selections it works on, and compact bit vectors.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/types/value.hpp"
#include "vtql/ast.hpp"
#include "vtql/schema.hpp"

namespace vtql::storage::memory {

// Grows a vector or string by a quarter instead of doubling, so that a loaded table carries at most a quarter of
// slack (memory_bytes() counts capacity); appends stay amortised O(1).
template <typename Container>
void reserve_one_more(Container& c, std::size_t extra = 1) {
  if (c.size() + extra <= c.capacity()) return;
  c.reserve(std::max(c.size() + extra, c.capacity() + c.capacity() / 4 + 16));
}

// One bit per row.
class BitVector {
 public:
  void push_back(bool bit) {
    if ((size_ & 63) == 0) {
      reserve_one_more(words_);
      words_.push_back(0);
    }
    if (bit) words_[size_ >> 6] |= std::uint64_t{1} << (size_ & 63);
    ++size_;
  }
  void set(std::uint32_t i, bool bit) {
    const std::uint64_t mask = std::uint64_t{1} << (i & 63);
    words_[i >> 6] = bit ? words_[i >> 6] | mask : words_[i >> 6] & ~mask;
  }
  bool test(std::uint32_t i) const { return ((words_[i >> 6] >> (i & 63)) & 1) != 0; }
  const std::uint64_t* words() const noexcept { return words_.data(); }
  std::uint32_t size() const noexcept { return size_; }
  std::size_t memory_bytes() const noexcept { return words_.capacity() * sizeof(std::uint64_t); }

 private:
  std::vector<std::uint64_t> words_;
  std::uint32_t size_ = 0;
};

// Which rows a column operation looks at: the listed rows (ascending), or every live row in [begin, end).
struct Selection {
  const std::vector<std::uint32_t>* rows = nullptr;
  const std::uint64_t* live = nullptr;  // one bit per row
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  template <typename F>
  void for_each(F&& f) const {
    if (rows != nullptr) {
      for (const std::uint32_t r : *rows) f(r);
      return;
    }
    if (begin >= end) return;
    const std::uint32_t first = begin >> 6;
    const std::uint32_t last = (end - 1) >> 6;
    for (std::uint32_t w = first; w <= last; ++w) {
      std::uint64_t bits = live[w];
      if (w == first) bits &= ~std::uint64_t{0} << (begin & 63);
      if (w == last && (end & 63) != 0) bits &= ~(~std::uint64_t{0} << (end & 63));
      while (bits != 0) {
        f((w << 6) + static_cast<std::uint32_t>(std::countr_zero(bits)));
        bits &= bits - 1;
      }
    }
  }

  // Whether row r is selected; for a range, REQUIRES that r is live.
  bool contains(std::uint32_t r) const;
};

class Column {
 public:
  explicit Column(const FieldDef& field) : field_(field) {}
  virtual ~Column() = default;
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;

  const FieldDef& field() const noexcept { return field_; }

  virtual void append(const types::Value& value) = 0;
  virtual void set(std::uint32_t row, const types::Value& value) = 0;
  virtual types::Value get(std::uint32_t row) const = 0;
  virtual bool is_null(std::uint32_t row) const = 0;

  // Appends to `out` the rows of `in` whose value satisfies `op literal` (NULL never does).
  virtual void select(ast::CompareOp op, const types::Value& literal, const Selection& in,
                      std::vector<std::uint32_t>& out) const;
  // How many rows of `in` satisfy `op literal`: what select() would append, without materialising it.
  virtual std::uint64_t count(ast::CompareOp op, const types::Value& literal, const Selection& in) const;
  // ... whose value is one of `values`.
  virtual void select_in(const std::vector<types::Value>& values, const Selection& in,
                         std::vector<std::uint32_t>& out) const;
  // ... whose LIKE text matches `pattern`.
  virtual void select_like(std::string_view pattern, const Selection& in, std::vector<std::uint32_t>& out) const;

  // Orders two rows for ORDER BY: NULL first, then by the field's comparison.
  virtual int compare_rows(std::uint32_t a, std::uint32_t b) const;
  // Fills keys[i] for rows[i] with a number that orders as compare_rows() does (equal exactly when it returns 0),
  // when the column can do so cheaply; false otherwise.
  virtual bool sort_keys(const std::vector<std::uint32_t>& rows, std::vector<std::uint32_t>& keys) const;

  // How the values are held: "dictionary8", "dictionary16", "arena" or "fixed".
  virtual std::string_view encoding() const noexcept = 0;
  // Bytes held, capacity included.
  virtual std::size_t memory_bytes() const = 0;

 private:
  const FieldDef& field_;
};

// The column for a field, chosen by its type.
std::unique_ptr<Column> make_column(const FieldDef& field);

}  // namespace vtql::storage::memory
