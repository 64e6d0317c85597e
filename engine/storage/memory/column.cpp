// Column implementations: generic operations by value, and typed fast paths for the common predicates.
#include "engine/storage/memory/column.hpp"

#include <optional>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>

#include "engine/types/collation.hpp"
#include "engine/types/value_ops.hpp"

namespace vtql::storage::memory {
namespace {

using types::holds;

std::partial_ordering from_int(int c) {
  return c < 0 ? std::partial_ordering::less : c > 0 ? std::partial_ordering::greater : std::partial_ordering::equivalent;
}

char upper_ascii(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// The upper-cased word of a pattern '%word%' whose word is printable ASCII without wildcards or escapes; else "".
std::string ascii_infix(std::string_view pattern) {
  if (pattern.size() < 3 || pattern.front() != '%' || pattern.back() != '%') return {};
  std::string word;
  for (const char c : pattern.substr(1, pattern.size() - 2)) {
    if (c < 0x20 || c > 0x7E || c == '%' || c == '_' || c == '\\') return {};
    word.push_back(upper_ascii(c));
  }
  return word;
}

// Whether ASCII `text` contains `upper_needle` ignoring case; nullopt when `text` is not all ASCII.
std::optional<bool> contains_ascii(std::string_view text, std::string_view upper_needle) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
  }
  if (upper_needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + upper_needle.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < upper_needle.size() && upper_ascii(text[i + k]) == upper_needle[k]) ++k;
    if (k == upper_needle.size()) return true;
  }
  return false;
}

// Text in one arena per column: appends are cheap, an update appends the new text and repoints the row.
class TextColumn final : public Column {
 public:
  using Column::Column;

  void append(const types::Value& value) override {
    slots_.push_back(store(value));
  }
  void set(std::uint32_t row, const types::Value& value) override { slots_[row] = store(value); }
  types::Value get(std::uint32_t row) const override {
    if (is_null(row)) return types::Null{};
    return std::string(view(row));
  }
  bool is_null(std::uint32_t row) const override { return slots_[row].length == kNullLength; }

  void select(ast::CompareOp op, const types::Value& literal, const Selection& in,
              std::vector<std::uint32_t>& out) const override {
    const auto* text = std::get_if<std::string>(&literal);
    if (text == nullptr) return Column::select(op, literal, in, out);
    in.for_each([&](std::uint32_t r) {
      if (!is_null(r) && holds(from_int(types::collation::compare(view(r), *text)), op)) out.push_back(r);
    });
  }

  void select_like(std::string_view pattern, const Selection& in, std::vector<std::uint32_t>& out) const override {
    // '%word%' with a plain ASCII word is a case-insensitive substring search on ASCII text, where the collation
    // folds only case; text with other characters takes the collation's LIKE.
    const std::string needle = ascii_infix(pattern);
    if (!needle.empty()) {
      in.for_each([&](std::uint32_t r) {
        if (is_null(r)) return;
        const std::string_view cell = view(r);
        const auto found = contains_ascii(cell, needle);
        if (found ? *found : types::collation::like(cell, pattern)) out.push_back(r);
      });
      return;
    }
    in.for_each([&](std::uint32_t r) {
      if (!is_null(r) && types::collation::like(view(r), pattern)) out.push_back(r);
    });
  }

  void select_in(const std::vector<types::Value>& values, const Selection& in,
                 std::vector<std::uint32_t>& out) const override {
    std::vector<std::string_view> texts;
    for (const types::Value& v : values) {
      const auto* text = std::get_if<std::string>(&v);
      if (text == nullptr) return Column::select_in(values, in, out);
      texts.push_back(*text);
    }
    in.for_each([&](std::uint32_t r) {
      if (is_null(r)) return;
      const std::string_view cell = view(r);
      for (const std::string_view t : texts) {
        if (types::collation::equal(cell, t)) {
          out.push_back(r);
          return;
        }
      }
    });
  }

  int compare_rows(std::uint32_t a, std::uint32_t b) const override {
    const bool na = is_null(a);
    const bool nb = is_null(b);
    if (na || nb) return na == nb ? 0 : na ? -1 : 1;
    return types::collation::compare(view(a), view(b));
  }

  std::size_t memory_bytes() const override { return slots_.capacity() * sizeof(Slot) + arena_.capacity(); }

 private:
  static constexpr std::uint32_t kNullLength = UINT32_MAX;
  struct Slot {
    std::uint64_t offset = 0;
    std::uint32_t length = kNullLength;
  };

  Slot store(const types::Value& value) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) return {};
    const Slot slot{arena_.size(), static_cast<std::uint32_t>(text->size())};
    arena_.append(*text);
    return slot;
  }
  std::string_view view(std::uint32_t row) const {
    return std::string_view(arena_).substr(slots_[row].offset, slots_[row].length);
  }

  std::vector<Slot> slots_;
  std::string arena_;
};

// Picklists hold few distinct values: each row stores a code, and a predicate is evaluated once per distinct value.
class DictionaryColumn final : public Column {
 public:
  using Column::Column;

  void append(const types::Value& value) override { codes_.push_back(code_of(value)); }
  void set(std::uint32_t row, const types::Value& value) override { codes_[row] = code_of(value); }
  types::Value get(std::uint32_t row) const override {
    if (codes_[row] == kNull) return types::Null{};
    return dictionary_[codes_[row]];
  }
  bool is_null(std::uint32_t row) const override { return codes_[row] == kNull; }

  void select(ast::CompareOp op, const types::Value& literal, const Selection& in,
              std::vector<std::uint32_t>& out) const override {
    const auto* text = std::get_if<std::string>(&literal);
    if (text == nullptr) return Column::select(op, literal, in, out);
    scan_codes([&](const std::string& entry) { return holds(from_int(types::collation::compare(entry, *text)), op); },
               in, out);
  }
  // A count over all rows is one pass over the codes with a table lookup per row and no branches, the fast path
  // of dashboard counts on picklists.
  std::uint64_t count(ast::CompareOp op, const types::Value& literal, const Selection& in) const override {
    const auto* text = std::get_if<std::string>(&literal);
    if (text == nullptr || in.rows != nullptr) return Column::count(op, literal, in);
    std::vector<std::uint8_t> hit(dictionary_.size() + 1, 0);  // the last entry stands for NULL
    for (std::size_t i = 0; i < dictionary_.size(); ++i) {
      hit[i] = holds(from_int(types::collation::compare(dictionary_[i], *text)), op) ? 1 : 0;
    }
    const std::uint8_t* h = hit.data();
    const std::uint32_t* codes = codes_.data();
    const std::uint8_t* alive = in.live->data();
    const auto null_slot = static_cast<std::uint32_t>(dictionary_.size());
    std::uint64_t n = 0;
    for (std::uint32_t r = 0; r < in.row_count; ++r) {
      const std::uint32_t c = codes[r] == kNull ? null_slot : codes[r];
      n += static_cast<std::uint64_t>(h[c] & alive[r]);
    }
    return n;
  }

  void select_in(const std::vector<types::Value>& values, const Selection& in,
                 std::vector<std::uint32_t>& out) const override {
    scan_codes(
        [&](const std::string& entry) {
          for (const types::Value& v : values) {
            const auto* text = std::get_if<std::string>(&v);
            if (text != nullptr && types::collation::equal(entry, *text)) return true;
          }
          return false;
        },
        in, out);
  }
  void select_like(std::string_view pattern, const Selection& in, std::vector<std::uint32_t>& out) const override {
    scan_codes([&](const std::string& entry) { return types::collation::like(entry, pattern); }, in, out);
  }

  int compare_rows(std::uint32_t a, std::uint32_t b) const override {
    const std::uint32_t ca = codes_[a];
    const std::uint32_t cb = codes_[b];
    if (ca == cb) return 0;
    if (ca == kNull || cb == kNull) return ca == kNull ? -1 : 1;
    return types::collation::compare(dictionary_[ca], dictionary_[cb]);
  }

  std::size_t memory_bytes() const override {
    std::size_t bytes = codes_.capacity() * sizeof(std::uint32_t);
    for (const std::string& s : dictionary_) bytes += sizeof(std::string) + s.capacity();
    return bytes + index_.size() * (sizeof(std::string) + 16);
  }

 private:
  static constexpr std::uint32_t kNull = UINT32_MAX;

  std::uint32_t code_of(const types::Value& value) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) return kNull;
    const auto [it, added] = index_.try_emplace(*text, static_cast<std::uint32_t>(dictionary_.size()));
    if (added) dictionary_.push_back(*text);
    return it->second;
  }

  template <typename Predicate>
  void scan_codes(Predicate&& matches, const Selection& in, std::vector<std::uint32_t>& out) const {
    std::vector<std::uint8_t> hit(dictionary_.size());
    for (std::size_t i = 0; i < dictionary_.size(); ++i) hit[i] = matches(dictionary_[i]) ? 1 : 0;
    const std::uint8_t* h = hit.data();
    const std::uint32_t* codes = codes_.data();
    in.for_each([&](std::uint32_t r) {
      const std::uint32_t c = codes[r];
      if (c != kNull && h[c] != 0) out.push_back(r);
    });
  }

  std::vector<std::uint32_t> codes_;
  std::vector<std::string> dictionary_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

// Fixed-width values (numbers, booleans, dates, entity ids) with a validity byte per row.
template <typename T>
class FixedColumn final : public Column {
  // std::vector<bool> packs bits and has no data(); booleans are stored a byte each.
  using Stored = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;

 public:
  using Column::Column;

  void append(const types::Value& value) override {
    const T* v = std::get_if<T>(&value);
    data_.push_back(v != nullptr ? Stored(*v) : Stored{});
    valid_.push_back(v != nullptr ? 1 : 0);
  }
  void set(std::uint32_t row, const types::Value& value) override {
    const T* v = std::get_if<T>(&value);
    data_[row] = v != nullptr ? Stored(*v) : Stored{};
    valid_[row] = v != nullptr ? 1 : 0;
  }
  types::Value get(std::uint32_t row) const override {
    if (valid_[row] == 0) return types::Null{};
    return T(data_[row]);
  }
  bool is_null(std::uint32_t row) const override { return valid_[row] == 0; }

  void select(ast::CompareOp op, const types::Value& literal, const Selection& in,
              std::vector<std::uint32_t>& out) const override {
    const T* lit = std::get_if<T>(&literal);
    if (lit == nullptr) return Column::select(op, literal, in, out);
    const Stored* data = data_.data();
    const std::uint8_t* valid = valid_.data();
    if (empty_is_zero()) {
      in.for_each([&](std::uint32_t r) {
        if (holds(order(T(data[r]), *lit), op)) out.push_back(r);
      });
      return;
    }
    in.for_each([&](std::uint32_t r) {
      if (valid[r] != 0 && holds(order(T(data[r]), *lit), op)) out.push_back(r);
    });
  }

  void select_in(const std::vector<types::Value>& values, const Selection& in,
                 std::vector<std::uint32_t>& out) const override {
    std::vector<T> literals;
    for (const types::Value& v : values) {
      const T* lit = std::get_if<T>(&v);
      if (lit == nullptr) return Column::select_in(values, in, out);
      literals.push_back(*lit);
    }
    const bool zero = empty_is_zero();
    in.for_each([&](std::uint32_t r) {
      if (valid_[r] == 0 && !zero) return;
      for (const T& lit : literals) {
        if (order(T(data_[r]), lit) == 0) {
          out.push_back(r);
          return;
        }
      }
    });
  }

  int compare_rows(std::uint32_t a, std::uint32_t b) const override {
    if (valid_[a] == 0 || valid_[b] == 0) return valid_[a] == valid_[b] ? 0 : valid_[a] == 0 ? -1 : 1;
    const std::partial_ordering o = order(T(data_[a]), T(data_[b]));
    return o < 0 ? -1 : o > 0 ? 1 : 0;
  }

  std::size_t memory_bytes() const override { return data_.capacity() * sizeof(Stored) + valid_.capacity(); }

 private:
  static std::partial_ordering order(const T& a, const T& b) {
    if constexpr (std::is_same_v<T, types::EntityId>) {
      return a.number <=> b.number;
    } else if constexpr (std::is_same_v<T, double>) {
      return a <=> b;
    } else {
      return std::partial_ordering(a <=> b);
    }
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
  std::vector<std::uint8_t> valid_;
};

}  // namespace

void Column::select(ast::CompareOp op, const types::Value& literal, const Selection& in,
                    std::vector<std::uint32_t>& out) const {
  in.for_each([&](std::uint32_t r) {
    if (types::satisfies(get(r), op, literal)) out.push_back(r);
  });
}

std::uint64_t Column::count(ast::CompareOp op, const types::Value& literal, const Selection& in) const {
  std::vector<std::uint32_t> rows;
  select(op, literal, in, rows);
  return rows.size();
}

void Column::select_in(const std::vector<types::Value>& values, const Selection& in,
                       std::vector<std::uint32_t>& out) const {
  in.for_each([&](std::uint32_t r) {
    const types::Value v = get(r);
    for (const types::Value& candidate : values) {
      if (types::satisfies(v, ast::CompareOp::kEq, candidate)) {
        out.push_back(r);
        return;
      }
    }
  });
}

void Column::select_like(std::string_view pattern, const Selection& in, std::vector<std::uint32_t>& out) const {
  in.for_each([&](std::uint32_t r) {
    const auto text = types::like_text(get(r), field());
    if (text && types::collation::like(*text, pattern)) out.push_back(r);
  });
}

int Column::compare_rows(std::uint32_t a, std::uint32_t b) const { return types::compare_for_order(get(a), get(b)); }

std::unique_ptr<Column> make_column(const FieldDef& field) {
  if (field.is_id()) return std::make_unique<FixedColumn<types::EntityId>>(field);
  switch (field.type) {
    case FieldType::kPicklist:
    case FieldType::kMultiPicklist:
      return std::make_unique<DictionaryColumn>(field);
    default:
      break;
  }
  switch (value_class(field.type)) {
    case ValueClass::kInteger: return std::make_unique<FixedColumn<std::int64_t>>(field);
    case ValueClass::kDouble: return std::make_unique<FixedColumn<double>>(field);
    case ValueClass::kDecimal: return std::make_unique<FixedColumn<types::Decimal>>(field);
    case ValueClass::kBoolean: return std::make_unique<FixedColumn<bool>>(field);
    case ValueClass::kDate: return std::make_unique<FixedColumn<types::Date>>(field);
    case ValueClass::kDateTime: return std::make_unique<FixedColumn<types::DateTime>>(field);
    case ValueClass::kTime: return std::make_unique<FixedColumn<types::Time>>(field);
    case ValueClass::kEntityId: return std::make_unique<FixedColumn<types::EntityId>>(field);
    case ValueClass::kText:
    case ValueClass::kNone: return std::make_unique<TextColumn>(field);
  }
  return std::make_unique<TextColumn>(field);
}

}  // namespace vtql::storage::memory
