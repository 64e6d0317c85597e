// Typed columns of the in-memory backend: text in an arena, dictionary-encoded picklists, fixed-width values.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/types/value.hpp"
#include "vtql/ast.hpp"
#include "vtql/schema.hpp"

namespace vtql::storage::memory {

// Which rows a column operation looks at: the listed rows, or (rows == nullptr) every live row of the table.
struct Selection {
  const std::vector<std::uint32_t>* rows = nullptr;
  const std::vector<std::uint8_t>* live = nullptr;
  std::uint32_t row_count = 0;

  template <typename F>
  void for_each(F&& f) const {
    if (rows != nullptr) {
      for (const std::uint32_t r : *rows) f(r);
    } else {
      const std::uint8_t* alive = live->data();
      for (std::uint32_t r = 0; r < row_count; ++r) {
        if (alive[r] != 0) f(r);
      }
    }
  }
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

  virtual std::size_t memory_bytes() const = 0;

 private:
  const FieldDef& field_;
};

// The column for a field, chosen by its type.
std::unique_ptr<Column> make_column(const FieldDef& field);

}  // namespace vtql::storage::memory
