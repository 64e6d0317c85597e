// Column operations by value (the fallback of every typed fast path), and the choice of a column for a field.
#include "engine/storage/memory/column.hpp"

#include "engine/storage/memory/fixed_column.hpp"
#include "engine/storage/memory/text_column.hpp"
#include "engine/types/collation.hpp"
#include "engine/types/value_ops.hpp"

namespace vtql::storage::memory {

bool ascii_folds_only_case() noexcept {
  static const bool folds = [] {
    for (char32_t c = 0; c < 0x80; ++c) {
      const char32_t upper = c >= 'a' && c <= 'z' ? c - 32 : c;
      if (types::collation::weight(c) != upper) return false;
    }
    return true;
  }();
  return folds;
}

bool Selection::contains(std::uint32_t r) const {
  if (rows != nullptr) return std::binary_search(rows->begin(), rows->end(), r);
  return r >= begin && r < end;
}

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

bool Column::sort_keys(const std::vector<std::uint32_t>& /*rows*/, std::vector<std::uint32_t>& /*keys*/) const {
  return false;
}

std::unique_ptr<Column> make_column(const FieldDef& field) {
  if (field.is_id()) return std::make_unique<FixedColumn<types::EntityId>>(field);
  switch (value_class(field.type)) {
    case ValueClass::kInteger:
      return std::make_unique<FixedColumn<std::int64_t>>(field);
    case ValueClass::kDouble:
      return std::make_unique<FixedColumn<double>>(field);
    case ValueClass::kDecimal:
      return std::make_unique<FixedColumn<types::Decimal>>(field);
    case ValueClass::kBoolean:
      return std::make_unique<FixedColumn<bool>>(field);
    case ValueClass::kDate:
      return std::make_unique<FixedColumn<types::Date>>(field);
    case ValueClass::kDateTime:
      return std::make_unique<FixedColumn<types::DateTime>>(field);
    case ValueClass::kTime:
      return std::make_unique<FixedColumn<types::Time>>(field);
    case ValueClass::kEntityId:
      return std::make_unique<FixedColumn<types::EntityId>>(field);
    case ValueClass::kText:
    case ValueClass::kNone:
      return std::make_unique<TextColumn>(field);
  }
  return std::make_unique<TextColumn>(field);
}

}  // namespace vtql::storage::memory
