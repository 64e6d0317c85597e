// The memory backend's columns (adaptive text, packed fixed-width values) checked against the collation and value_ops.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "engine/storage/memory/column.hpp"
#include "engine/storage/memory/memory_backend.hpp"
#include "engine/types/collation.hpp"
#include "engine/types/value_ops.hpp"
#include "vtql/schema.hpp"

namespace vtql::storage::memory {
namespace {

using types::Value;
using Rows = std::vector<std::uint32_t>;

FieldDef field(std::string name, FieldType type) {
  FieldDef f;
  f.name = std::move(name);
  f.type = type;
  return f;
}

// Every row of a column, all live.
struct AllRows {
  explicit AllRows(std::uint32_t n) : live((n + 63) / 64, ~std::uint64_t{0}), n(n) {}
  Selection selection(std::uint32_t begin = 0) const { return {nullptr, live.data(), begin, n}; }
  std::vector<std::uint64_t> live;
  std::uint32_t n;
};

Value text(std::string s) { return Value(std::move(s)); }

// Values that exercise the collation: case, accents, trailing spaces, a tab, the empty string and NULL.
std::vector<Value> tricky_values() {
  return {text("Müller"),
          text("MULLER"),
          text("muller "),
          text("Lee"),
          text("Lee "),
          text("lee\t"),
          text(""),
          types::Null{},
          text("Straße"),
          text("Strase"),
          text("gmail"),
          text("xGMAILy"),
          text("someone@gmail.com"),
          text("g mail"),
          text("Zürich"),
          text("zurich"),
          text("Paris"),
          text("PRAHA  "),
          text("Łódź"),
          text("lodz"),
          text("a_b%c"),
          text("a\\b"),
          text("0123456789abcdefGMAIL0123456789abcdef")};
}

std::unique_ptr<Column> column_with(const FieldDef& f, const std::vector<Value>& values, std::size_t unique_padding) {
  auto column = make_column(f);
  for (const Value& v : values) column->append(v);
  for (std::size_t i = 0; i < unique_padding; ++i) column->append(text("pad-" + std::to_string(i)));
  return column;
}

Rows expected_rows(const Column& column, std::uint32_t n, const std::function<bool(const Value&)>& matches) {
  Rows rows;
  for (std::uint32_t r = 0; r < n; ++r) {
    if (matches(column.get(r))) rows.push_back(r);
  }
  return rows;
}

// The column's answers to comparisons, IN lists and LIKE patterns against value_ops and the collation.
void expect_agrees_with_collation(const Column& column, std::uint32_t n) {
  const AllRows all(n);
  const std::vector<std::string> literals = {"muller", "MÜLLER", "lee",  "Lee  ", "lee\t", "",     "strase",
                                             "GMAIL",  "zurich", "lodz", "a_b%c", "pad-7", "praha"};
  for (const std::string& literal : literals) {
    for (const auto op : {ast::CompareOp::kEq, ast::CompareOp::kNe, ast::CompareOp::kLt, ast::CompareOp::kGe}) {
      Rows got;
      column.select(op, text(literal), all.selection(), got);
      EXPECT_EQ(got, expected_rows(column, n, [&](const Value& v) { return types::satisfies(v, op, text(literal)); }))
          << column.encoding() << " op " << static_cast<int>(op) << " '" << literal << "'";
      EXPECT_EQ(column.count(op, text(literal), all.selection()), got.size()) << column.encoding() << " " << literal;
    }
  }
  const std::vector<std::vector<std::string>> lists = {
      {"Zürich", "Paris", "Praha"}, {"muller"}, {"lee", "LODZ", "strase", "", "gmail", "x", "y", "z", "w", "v"}};
  for (const auto& list : lists) {
    std::vector<Value> values;
    for (const std::string& s : list) values.push_back(text(s));
    Rows got;
    column.select_in(values, all.selection(), got);
    EXPECT_EQ(got, expected_rows(column, n,
                                 [&](const Value& v) {
                                   return std::any_of(values.begin(), values.end(), [&](const Value& lit) {
                                     return types::satisfies(v, ast::CompareOp::kEq, lit);
                                   });
                                 }))
        << column.encoding() << " IN starting " << list.front();
  }
  const std::vector<std::string> patterns = {"%gmail%",  "%GMAIL%",   "gmail", "mul%",   "%ER", "%er ",     "lee",
                                             "lee ",     "%",         "",      "%ü%",    "_ee", "%%mail%%", "%\\_b%",
                                             "%a\\\\b%", "%abcdefg%", "%EF",   "pad-1%", "%ł%", "%l%",      "z%"};
  for (const std::string& pattern : patterns) {
    Rows got;
    column.select_like(pattern, all.selection(), got);
    EXPECT_EQ(got, expected_rows(column, n,
                                 [&](const Value& v) {
                                   const auto* s = std::get_if<std::string>(&v);
                                   return s != nullptr && types::collation::like(*s, pattern);
                                 }))
        << column.encoding() << " LIKE '" << pattern << "'";
  }
}

TEST(MemoryColumn, TextStartsAsADictionaryAndAnswersAsTheCollation) {
  const FieldDef f = field("lastname", FieldType::kString);
  const auto values = tricky_values();
  const auto column = column_with(f, values, 0);
  EXPECT_EQ(column->encoding(), "dictionary8");
  for (std::uint32_t r = 0; r < values.size(); ++r) EXPECT_EQ(column->get(r), values[r]) << r;
  EXPECT_TRUE(column->is_null(7));
  EXPECT_FALSE(column->is_null(6));  // '' is not NULL
  expect_agrees_with_collation(*column, static_cast<std::uint32_t>(values.size()));
}

TEST(MemoryColumn, TextTurnsIntoAnArenaWhenDistinctValuesGrow) {
  const FieldDef f = field("email", FieldType::kEmail);
  const auto values = tricky_values();
  const auto column = column_with(f, values, 400);
  EXPECT_EQ(column->encoding(), "arena");
  for (std::uint32_t r = 0; r < values.size(); ++r) EXPECT_EQ(column->get(r), values[r]) << r;
  EXPECT_EQ(column->get(static_cast<std::uint32_t>(values.size()) + 399), text("pad-399"));
  expect_agrees_with_collation(*column, static_cast<std::uint32_t>(values.size() + 400));
}

TEST(MemoryColumn, ManyRowsOverAFewHundredValuesUseSixteenBitCodes) {
  const FieldDef f = field("city", FieldType::kString);
  auto column = make_column(f);
  for (int i = 0; i < 2000; ++i) column->append(text(i % 2 == 0 ? "a" : "B"));
  for (int i = 0; i < 300; ++i) column->append(text("city " + std::to_string(i)));
  column->append(types::Null{});
  EXPECT_EQ(column->encoding(), "dictionary16");
  EXPECT_EQ(column->get(1), text("B"));
  EXPECT_EQ(column->get(2299), text("city 299"));
  EXPECT_TRUE(column->is_null(2300));
  const AllRows all(2301);
  EXPECT_EQ(column->count(ast::CompareOp::kEq, text("b"), all.selection()), 1000U);
  EXPECT_EQ(column->count(ast::CompareOp::kEq, text("b"), all.selection(65)), 968U);  // odd rows from 65 to 1999
}

TEST(MemoryColumn, SetUpdatesEveryEncoding) {
  const FieldDef f = field("title", FieldType::kString);
  auto column = make_column(f);
  for (int i = 0; i < 10; ++i) column->append(text("same"));
  column->set(3, text("other"));
  column->set(4, types::Null{});
  EXPECT_EQ(column->encoding(), "dictionary8");
  EXPECT_EQ(column->get(3), text("other"));
  EXPECT_TRUE(column->is_null(4));
  EXPECT_EQ(column->get(5), text("same"));
  // New distinct values written by updates also turn a small column into an arena, keeping the other rows.
  for (int i = 0; i < 300; ++i) column->set(static_cast<std::uint32_t>(i % 3), text("v" + std::to_string(i)));
  EXPECT_EQ(column->encoding(), "arena");
  EXPECT_EQ(column->get(0), text("v297"));
  EXPECT_EQ(column->get(2), text("v299"));
  EXPECT_EQ(column->get(3), text("other"));
  EXPECT_TRUE(column->is_null(4));
  column->set(3, text("Ünïcode"));
  column->set(4, text(""));
  column->set(5, types::Null{});
  EXPECT_EQ(column->get(3), text("Ünïcode"));
  EXPECT_EQ(column->get(4), text(""));
  EXPECT_TRUE(column->is_null(5));
  Rows got;
  const AllRows all(10);
  column->select(ast::CompareOp::kEq, text("unicode"), all.selection(), got);
  EXPECT_EQ(got, Rows{3});
}

TEST(MemoryColumn, LongTextSearchesAcrossBlocks) {
  const FieldDef f = field("description", FieldType::kText);
  auto column = make_column(f);
  std::vector<std::string> cells;
  for (int i = 0; i < 300; ++i) {
    cells.push_back("unique " + std::to_string(i));
    column->append(text(cells.back()));
  }
  for (int i = 0; i < 300; ++i) {
    std::string s(static_cast<std::size_t>(i % 70), 'x');
    if (i % 5 == 0) s.insert(s.size() / 2, "NeedLE");
    if (i % 7 == 0) s += "needl";  // a prefix of the word at the very end
    if (i % 11 == 0) s += "NEEDLE";
    cells.push_back(s);
    column->append(text(s));
  }
  EXPECT_EQ(column->encoding(), "arena");
  const AllRows all(600);
  for (const std::string pattern : {"%needle%", "%e%", "%xneedlex%", "%needle", "needle%", "x%", "%que 29%"}) {
    Rows got;
    column->select_like(pattern, all.selection(), got);
    Rows want;
    for (std::uint32_t r = 0; r < 600; ++r) {
      if (types::collation::like(cells[r], pattern)) want.push_back(r);
    }
    EXPECT_EQ(got, want) << pattern;
  }
}

TEST(MemoryColumn, SortKeysOrderAsCompareRows) {
  const FieldDef f = field("lastname", FieldType::kString);
  const auto values = tricky_values();
  const auto column = column_with(f, values, 0);
  Rows rows(values.size());
  std::iota(rows.begin(), rows.end(), 0U);
  std::vector<std::uint32_t> keys;
  ASSERT_TRUE(column->sort_keys(rows, keys));
  for (std::uint32_t a = 0; a < rows.size(); ++a) {
    for (std::uint32_t b = 0; b < rows.size(); ++b) {
      const int c = column->compare_rows(a, b);
      EXPECT_EQ(c < 0, keys[a] < keys[b]) << a << " " << b;
      EXPECT_EQ(c == 0, keys[a] == keys[b]) << a << " " << b;
    }
  }
  const auto arena = column_with(f, values, 400);
  EXPECT_FALSE(arena->sort_keys(rows, keys));
}

TEST(MemoryColumn, SelectionsCoverRangesAndLists) {
  AllRows all(200);
  all.live[1] &= ~(std::uint64_t{1} << 6);  // row 70 is dead
  Rows seen;
  Selection{nullptr, all.live.data(), 60, 131}.for_each([&](std::uint32_t r) { seen.push_back(r); });
  Rows want(71);
  std::iota(want.begin(), want.end(), 60U);
  want.erase(std::find(want.begin(), want.end(), 70U));
  EXPECT_EQ(seen, want);
  const Rows listed = {3, 9};
  EXPECT_TRUE((Selection{&listed, nullptr, 0, 0}).contains(9));
  EXPECT_FALSE((Selection{&listed, nullptr, 0, 0}).contains(4));
}

TEST(MemoryColumn, EntityIdsPackAndFallBack) {
  const FieldDef f = field("account_id", FieldType::kReference);
  auto column = make_column(f);
  std::vector<Value> values;
  for (std::uint32_t p = 0; p < 300; ++p)
    values.emplace_back(types::EntityId{p, std::uint64_t{1000} + p});  // 255 prefixes fit
  values.push_back(types::EntityId{11, std::uint64_t{1} << 60});       // too large to pack
  values.push_back(types::Null{});
  for (const Value& v : values) column->append(v);
  for (std::uint32_t r = 0; r < values.size(); ++r) EXPECT_EQ(column->get(r), values[r]) << r;
  column->set(299, types::Null{});
  column->set(300, types::EntityId{11, 5});
  column->set(301, types::EntityId{12, std::uint64_t{1} << 62});
  EXPECT_TRUE(column->is_null(299));
  EXPECT_EQ(column->get(300), Value(types::EntityId{11, 5}));
  EXPECT_EQ(column->get(301), Value(types::EntityId{12, std::uint64_t{1} << 62}));
  const AllRows all(302);
  Rows got;
  column->select(ast::CompareOp::kEq, types::EntityId{0, 0}, all.selection(), got);  // an empty reference is 0
  EXPECT_EQ(got, Rows{299});
  got.clear();
  column->select_in({types::EntityId{99, 1010}, types::EntityId{0, std::uint64_t{1} << 62}}, all.selection(), got);
  EXPECT_EQ(got, (Rows{10, 301}));
  EXPECT_LT(column->compare_rows(299, 0), 0);  // NULL first
  EXPECT_GT(column->compare_rows(301, 0), 0);
}

TEST(MemoryColumn, DecimalsPackAndFallBack) {
  const FieldDef f = field("amount", FieldType::kCurrency);
  auto column = make_column(f);
  const std::vector<Value> values = {types::Decimal(types::Decimal::Mantissa(-150050), 2),
                                     types::Decimal(types::Decimal::Mantissa(7), 0),
                                     types::Decimal(types::Decimal::Mantissa(1) << 100, 30),
                                     types::Null{},
                                     types::Decimal((types::Decimal::Mantissa(1) << 58) - 1, 8),
                                     types::Decimal(-(types::Decimal::Mantissa(1) << 58), 3)};
  for (const Value& v : values) column->append(v);
  for (std::uint32_t r = 0; r < values.size(); ++r) {
    EXPECT_EQ(column->get(r).index(), values[r].index()) << r;
    if (const auto* d = std::get_if<types::Decimal>(&values[r])) {
      const auto got = std::get<types::Decimal>(column->get(r));
      EXPECT_EQ(got.mantissa(), d->mantissa()) << r;
      EXPECT_EQ(got.scale(), d->scale()) << r;
    }
  }
  const AllRows all(static_cast<std::uint32_t>(values.size()));
  Rows got;
  column->select(ast::CompareOp::kLt, types::Decimal::from_int(0), all.selection(), got);
  EXPECT_EQ(got, (Rows{0, 5}));
  column->set(2, types::Decimal::from_int(3));
  EXPECT_EQ(std::get<types::Decimal>(column->get(2)), types::Decimal::from_int(3));
}

TEST(MemoryColumn, FixedColumnsKeepNullsApart) {
  const FieldDef f = field("birthday", FieldType::kDate);
  auto column = make_column(f);
  for (int i = 0; i < 130; ++i) column->append(i % 3 == 0 ? Value(types::Null{}) : Value(types::Date{i}));
  const AllRows all(130);
  Rows got;
  column->select(ast::CompareOp::kNe, types::Date{1}, all.selection(), got);
  EXPECT_EQ(got.size(), 130U - 44U - 1U);
  column->set(0, types::Date{5});
  column->set(1, types::Null{});
  EXPECT_EQ(column->get(0), Value(types::Date{5}));
  EXPECT_TRUE(column->is_null(1));
  EXPECT_EQ(column->encoding(), "fixed");
}

// The id index: ids in ascending order are found by binary search, others through the fallback map.
TEST(MemoryBackendIds, OutOfOrderIdsAreFoundAndScannedInIdOrder) {
  auto schema = Schema::builtin();
  MemoryBackend backend(schema);
  const ModuleDef& faq = *schema->find_module("Faq");
  Record record(faq.fields.size(), types::Null{});
  for (const std::uint64_t id : {10, 20, 30, 25, 5, 40}) ASSERT_TRUE(backend.insert_with_id(faq, id, record).ok());
  EXPECT_FALSE(backend.insert_with_id(faq, 25, record).ok());
  EXPECT_FALSE(backend.insert_with_id(faq, 10, record).ok());
  for (const std::uint64_t id : {5, 10, 20, 25, 30, 40}) EXPECT_TRUE(backend.exists(faq, id)) << id;
  EXPECT_FALSE(backend.exists(faq, 15));
  ASSERT_TRUE(backend.retire(faq, 25, catalog::RecordState::kDeleted).ok());
  EXPECT_FALSE(backend.exists(faq, 25));
  ScanSpec spec;
  spec.module = &faq;
  spec.columns = {faq.field_index("id")};
  spec.limit = 3;
  auto cursor = std::move(backend.scan(spec)).value();
  Row row;
  std::vector<std::uint64_t> ids;
  while (cursor->next(row)) ids.push_back(std::get<types::EntityId>(row[0]).number);
  EXPECT_EQ(ids, (std::vector<std::uint64_t>{5, 10, 20}));
  EXPECT_GT(backend.memory_bytes("Faq"), 0U);
  EXPECT_EQ(backend.memory_bytes("NoSuchModule"), 0U);
}

}  // namespace
}  // namespace vtql::storage::memory
