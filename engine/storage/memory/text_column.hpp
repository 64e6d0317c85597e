// The text column: a dictionary of distinct values while they are few, an arena of length-prefixed strings after.
//
// A column starts as a dictionary with 8-bit codes (code 0 is NULL), widens to 16-bit codes past 255 distinct
// values, and turns into an arena for good once the distinct values are more than a quarter of the rows (or more
// than 16-bit codes can name). In a dictionary a predicate is evaluated once per distinct value and then answered
// by a pass over the codes. In the arena each row holds a 32-bit offset to a varint header (length × 2, plus 1 when
// the text has a non-ASCII byte) followed by the bytes; an update appends and repoints. The arena keeps 16 zero
// bytes after its end so that ASCII searches may read whole 16-byte blocks.
#pragma once

#include <algorithm>
#include <cstring>
#include <functional>
#include <new>
#include <numeric>
#include <unordered_set>

#include "engine/storage/memory/ascii_match.hpp"
#include "engine/storage/memory/column.hpp"
#include "engine/types/collation.hpp"
#include "engine/types/value_ops.hpp"

namespace vtql::storage::memory {

class TextColumn final : public Column {
 public:
  using Column::Column;

  void append(const types::Value& value) override {
    const auto* text = std::get_if<std::string>(&value);
    ++rows_;
    if (mode_ != Mode::kArena) {
      const std::uint16_t code = text == nullptr ? 0 : code_of(*text);
      if (mode_ != Mode::kArena) return push_code(code);
    }
    reserve_one_more(offsets_);
    offsets_.push_back(text == nullptr ? kNullOffset : store(*text));
  }

  void set(std::uint32_t row, const types::Value& value) override {
    const auto* text = std::get_if<std::string>(&value);
    if (mode_ != Mode::kArena) {
      const std::uint16_t code = text == nullptr ? 0 : code_of(*text);
      if (mode_ == Mode::kDictionary8) codes8_[row] = static_cast<std::uint8_t>(code);
      if (mode_ == Mode::kDictionary16) codes16_[row] = code;
      if (mode_ != Mode::kArena) return;
    }
    offsets_[row] = text == nullptr ? kNullOffset : store(*text);
  }

  types::Value get(std::uint32_t row) const override {
    if (is_null(row)) return types::Null{};
    return std::string(text(row));
  }

  bool is_null(std::uint32_t row) const override {
    switch (mode_) {
      case Mode::kDictionary8:
        return codes8_[row] == 0;
      case Mode::kDictionary16:
        return codes16_[row] == 0;
      case Mode::kArena:
        return offsets_[row] == kNullOffset;
    }
    return true;
  }

  void select(ast::CompareOp op, const types::Value& literal, const Selection& in,
              std::vector<std::uint32_t>& out) const override {
    const auto* lit = std::get_if<std::string>(&literal);
    if (lit == nullptr) return Column::select(op, literal, in, out);
    const auto holds = [&](std::string_view cell) {
      return types::holds(std::partial_ordering(types::collation::compare(cell, *lit) <=> 0), op);
    };
    if (mode_ != Mode::kArena) return select_codes(hits(holds), in, out);
    if (op != ast::CompareOp::kEq && op != ast::CompareOp::kNe) {
      return scan_arena([&](const Cell& c) { return holds(c.text); }, in, out);
    }
    const bool want_equal = op == ast::CompareOp::kEq;
    if (ascii_folds_only_case() && is_ascii(*lit)) {
      const std::string key = ascii_equality_key(*lit);
      return scan_arena(
          [&](const Cell& c) {
            return (c.ascii ? equals_ascii_key(c.text, key) : types::collation::equal(c.text, *lit)) == want_equal;
          },
          in, out);
    }
    scan_arena([&](const Cell& c) { return types::collation::equal(c.text, *lit) == want_equal; }, in, out);
  }

  // A count over a range of rows in a dictionary is a branch-free pass over the codes with a table lookup per row.
  std::uint64_t count(ast::CompareOp op, const types::Value& literal, const Selection& in) const override {
    const auto* lit = std::get_if<std::string>(&literal);
    if (lit == nullptr || in.rows != nullptr || mode_ == Mode::kArena) return Column::count(op, literal, in);
    const std::vector<std::uint8_t> hit = hits([&](std::string_view cell) {
      return types::holds(std::partial_ordering(types::collation::compare(cell, *lit) <=> 0), op);
    });
    return mode_ == Mode::kDictionary8 ? count_codes(codes8_.data(), hit.data(), in)
                                       : count_codes(codes16_.data(), hit.data(), in);
  }

  void select_in(const std::vector<types::Value>& values, const Selection& in,
                 std::vector<std::uint32_t>& out) const override {
    std::vector<std::string_view> literals;
    for (const types::Value& v : values) {
      const auto* lit = std::get_if<std::string>(&v);
      if (lit == nullptr) return Column::select_in(values, in, out);
      literals.push_back(*lit);
    }
    const auto any_equal = [&](std::string_view cell) {
      return std::any_of(literals.begin(), literals.end(),
                         [&](std::string_view lit) { return types::collation::equal(cell, lit); });
    };
    if (mode_ != Mode::kArena) return select_codes(hits(any_equal), in, out);
    if (!ascii_folds_only_case()) return scan_arena([&](const Cell& c) { return any_equal(c.text); }, in, out);
    // ASCII cells look their folded form up among the ASCII literals' keys, and still compare with the literals
    // that have other characters ('MULLER' IN ('Müller')).
    std::unordered_set<std::string> keys;
    std::vector<std::string_view> others;
    for (const std::string_view lit : literals) {
      if (is_ascii(lit)) {
        keys.insert(ascii_equality_key(lit));
      } else {
        others.push_back(lit);
      }
    }
    std::string folded;
    scan_arena(
        [&](const Cell& c) {
          if (!c.ascii) return any_equal(c.text);
          folded.assign(trim_trailing_spaces(c.text));
          for (char& ch : folded) ch = lower_ascii(ch);
          if (keys.count(folded) != 0) return true;
          return std::any_of(others.begin(), others.end(),
                             [&](std::string_view lit) { return types::collation::equal(c.text, lit); });
        },
        in, out);
  }

  void select_like(std::string_view pattern, const Selection& in, std::vector<std::uint32_t>& out) const override {
    if (mode_ != Mode::kArena) {
      return select_codes(hits([&](std::string_view cell) { return types::collation::like(cell, pattern); }), in, out);
    }
    if (const auto ascii = AsciiLike::parse(pattern)) {
      return scan_arena(
          [&](const Cell& c) {
            return c.ascii ? ascii->matches(c.text.data(), c.text.size()) : types::collation::like(c.text, pattern);
          },
          in, out);
    }
    scan_arena([&](const Cell& c) { return types::collation::like(c.text, pattern); }, in, out);
  }

  int compare_rows(std::uint32_t a, std::uint32_t b) const override {
    if (mode_ != Mode::kArena) {
      const std::uint16_t ca = code(a);
      const std::uint16_t cb = code(b);
      if (ca == cb) return 0;
      if (ca == 0 || cb == 0) return ca == 0 ? -1 : 1;
      return types::collation::compare(entry(ca), entry(cb));
    }
    const bool na = offsets_[a] == kNullOffset;
    const bool nb = offsets_[b] == kNullOffset;
    if (na || nb) return na == nb ? 0 : na ? -1 : 1;
    return types::collation::compare(cell(a).text, cell(b).text);
  }

  // Ranks of the distinct values, when there are few enough that sorting them costs less than sorting the rows.
  bool sort_keys(const std::vector<std::uint32_t>& rows, std::vector<std::uint32_t>& keys) const override {
    const std::size_t distinct = entry_ends_.size();
    if (mode_ == Mode::kArena || (distinct > 256 && distinct > rows.size())) return false;
    std::vector<std::uint16_t> by_value(distinct);
    std::iota(by_value.begin(), by_value.end(), std::uint16_t{1});
    std::sort(by_value.begin(), by_value.end(),
              [&](std::uint16_t a, std::uint16_t b) { return types::collation::compare(entry(a), entry(b)) < 0; });
    std::vector<std::uint32_t> rank(distinct + 1, 0);  // NULL ranks first
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < distinct; ++i) {
      if (i == 0 || types::collation::compare(entry(by_value[i - 1]), entry(by_value[i])) != 0) ++next;
      rank[by_value[i]] = next;
    }
    keys.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) keys[i] = rank[code(rows[i])];
    return true;
  }

  std::string_view encoding() const noexcept override {
    switch (mode_) {
      case Mode::kDictionary8:
        return "dictionary8";
      case Mode::kDictionary16:
        return "dictionary16";
      case Mode::kArena:
        return "arena";
    }
    return "arena";
  }

  std::size_t memory_bytes() const override {
    return codes8_.capacity() + codes16_.capacity() * sizeof(std::uint16_t) + entry_bytes_.capacity() +
           entry_ends_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(std::uint16_t) +
           offsets_.capacity() * sizeof(std::uint32_t) + arena_.capacity();
  }

 private:
  enum class Mode : std::uint8_t { kDictionary8, kDictionary16, kArena };
  static constexpr std::uint32_t kNullOffset = UINT32_MAX;
  static constexpr std::size_t kPadding = 16;
  static constexpr std::size_t kMaxDistinct = UINT16_MAX;

  struct Cell {
    std::string_view text;
    bool ascii;
  };

  // Dictionary.

  std::uint16_t code(std::uint32_t row) const { return mode_ == Mode::kDictionary8 ? codes8_[row] : codes16_[row]; }
  std::string_view entry(std::uint16_t code) const {
    const std::uint32_t begin = code == 1 ? 0 : entry_ends_[code - 2];
    return std::string_view(entry_bytes_).substr(begin, entry_ends_[code - 1] - begin);
  }

  void push_code(std::uint16_t code) {
    if (mode_ == Mode::kDictionary8) {
      reserve_one_more(codes8_);
      codes8_.push_back(static_cast<std::uint8_t>(code));
    } else {
      reserve_one_more(codes16_);
      codes16_.push_back(code);
    }
  }

  // The code of `text`, adding it to the dictionary if new; turns the column into an arena (and returns 0) when
  // the dictionary stops paying off.
  std::uint16_t code_of(const std::string& text) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = slots_.empty() ? 0 : std::hash<std::string_view>{}(text)&mask;
    if (!slots_.empty()) {
      for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
        if (entry(slots_[slot]) == text) return slots_[slot];
      }
    }
    const std::size_t distinct = entry_ends_.size() + 1;
    if (distinct > kMaxDistinct || (distinct > 255 && distinct * 4 > rows_) ||
        entry_bytes_.size() + text.size() >= kNullOffset) {
      to_arena();
      return 0;
    }
    if (distinct > 255 && mode_ == Mode::kDictionary8) {
      codes16_.reserve(codes8_.capacity());
      codes16_.assign(codes8_.begin(), codes8_.end());
      std::vector<std::uint8_t>().swap(codes8_);
      mode_ = Mode::kDictionary16;
    }
    reserve_one_more(entry_bytes_, text.size());
    entry_bytes_.append(text);
    reserve_one_more(entry_ends_);
    entry_ends_.push_back(static_cast<std::uint32_t>(entry_bytes_.size()));
    const auto code = static_cast<std::uint16_t>(distinct);
    if (distinct * 2 > slots_.size()) {
      rehash();
    } else {
      slots_[slot] = code;
    }
    return code;
  }

  void rehash() {
    std::vector<std::uint16_t> slots(std::max<std::size_t>(16, slots_.size() * 2), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t c = 1; c <= entry_ends_.size(); ++c) {
      std::size_t slot = std::hash<std::string_view>{}(entry(static_cast<std::uint16_t>(c))) & mask;
      while (slots[slot] != 0) slot = (slot + 1) & mask;
      slots[slot] = static_cast<std::uint16_t>(c);
    }
    slots_.swap(slots);
  }

  void to_arena() {
    const auto rows = static_cast<std::uint32_t>(mode_ == Mode::kDictionary8 ? codes8_.size() : codes16_.size());
    offsets_.reserve(rows + rows / 4 + 16);
    for (std::uint32_t r = 0; r < rows; ++r) {
      const std::uint16_t c = code(r);
      offsets_.push_back(c == 0 ? kNullOffset : store(entry(c)));
    }
    mode_ = Mode::kArena;
    std::vector<std::uint8_t>().swap(codes8_);
    std::vector<std::uint16_t>().swap(codes16_);
    std::string().swap(entry_bytes_);
    std::vector<std::uint32_t>().swap(entry_ends_);
    std::vector<std::uint16_t>().swap(slots_);
  }

  // The answer of `matches` for each code, NULL's (code 0) false.
  template <typename Matches>
  std::vector<std::uint8_t> hits(Matches&& matches) const {
    std::vector<std::uint8_t> hit(entry_ends_.size() + 1, 0);
    for (std::size_t c = 1; c < hit.size(); ++c) hit[c] = matches(entry(static_cast<std::uint16_t>(c))) ? 1 : 0;
    return hit;
  }

  void select_codes(const std::vector<std::uint8_t>& hit, const Selection& in, std::vector<std::uint32_t>& out) const {
    const std::uint8_t* h = hit.data();
    if (mode_ == Mode::kDictionary8) {
      const std::uint8_t* codes = codes8_.data();
      in.for_each([&](std::uint32_t r) {
        if (h[codes[r]] != 0) out.push_back(r);
      });
    } else {
      const std::uint16_t* codes = codes16_.data();
      in.for_each([&](std::uint32_t r) {
        if (h[codes[r]] != 0) out.push_back(r);
      });
    }
  }

  template <typename Code>
  static std::uint64_t count_codes(const Code* codes, const std::uint8_t* hit, const Selection& in) {
    std::uint64_t n = 0;
    std::uint32_t r = in.begin;
    // Whole 64-row words without branches; the ragged ends row by row.
    for (; r < in.end && (r & 63) != 0; ++r) n += hit[codes[r]] & ((in.live[r >> 6] >> (r & 63)) & 1);
    for (; r + 64 <= in.end; r += 64) {
      const std::uint64_t bits = in.live[r >> 6];
      std::uint64_t word_hits = 0;
      for (std::uint32_t i = 0; i < 64; ++i) word_hits |= std::uint64_t{hit[codes[r + i]]} << i;
      n += static_cast<std::uint64_t>(std::popcount(word_hits & bits));
    }
    for (; r < in.end; ++r) n += hit[codes[r]] & ((in.live[r >> 6] >> (r & 63)) & 1);
    return n;
  }

  // Arena.

  std::uint32_t store(std::string_view text) {
    std::uint64_t header = (std::uint64_t{text.size()} << 1) | (is_ascii(text) ? 0 : 1);
    if (used_ + text.size() + 10 + kPadding >= kNullOffset) throw std::bad_alloc();  // 32-bit offsets
    const std::size_t need = used_ + 10 + text.size() + kPadding;
    if (arena_.size() < need) {
      reserve_one_more(arena_, need - arena_.size());
      arena_.resize(need);
    }
    const auto at = static_cast<std::uint32_t>(used_);
    char* p = arena_.data() + used_;
    do {
      const auto byte = static_cast<std::uint8_t>(header & 0x7F);
      header >>= 7;
      *p++ = static_cast<char>(header != 0 ? byte | 0x80 : byte);
    } while (header != 0);
    std::memcpy(p, text.data(), text.size());
    used_ = static_cast<std::size_t>(p - arena_.data()) + text.size();
    std::memset(arena_.data() + used_, 0, std::min(kPadding, arena_.size() - used_));
    arena_.resize(used_ + kPadding);
    return at;
  }

  // REQUIRES: the row is not NULL.
  Cell cell(std::uint32_t row) const {
    const auto* p = reinterpret_cast<const unsigned char*>(arena_.data()) + offsets_[row];
    std::uint64_t header = *p & 0x7F;
    for (int shift = 7; (*p++ & 0x80) != 0; shift += 7) header |= std::uint64_t{*p & 0x7Fu} << shift;
    return {std::string_view(reinterpret_cast<const char*>(p), header >> 1), (header & 1) == 0};
  }

  template <typename Matches>
  void scan_arena(Matches&& matches, const Selection& in, std::vector<std::uint32_t>& out) const {
    const std::uint32_t* offsets = offsets_.data();
    in.for_each([&](std::uint32_t r) {
      if (offsets[r] != kNullOffset && matches(cell(r))) out.push_back(r);
    });
  }

  // REQUIRES: the row is not NULL.
  std::string_view text(std::uint32_t row) const { return mode_ == Mode::kArena ? cell(row).text : entry(code(row)); }

  Mode mode_ = Mode::kDictionary8;
  std::uint32_t rows_ = 0;
  std::vector<std::uint8_t> codes8_;
  std::vector<std::uint16_t> codes16_;
  std::string entry_bytes_;                // the distinct values, one after another
  std::vector<std::uint32_t> entry_ends_;  // where value `code` ends in entry_bytes_ (index code - 1)
  std::vector<std::uint16_t> slots_;       // open addressing from a value's hash to its code; 0 is empty
  std::vector<std::uint32_t> offsets_;
  std::vector<char> arena_;
  std::size_t used_ = 0;
};

}  // namespace vtql::storage::memory
