// A query's answer in the webservice's shape: named columns, and rows of strings or nulls.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vtql {

struct ResultSet {
  // Field names in order: the select list (or every readable field for `*`) with `id` last unless named;
  // {"count"} for COUNT(*).
  std::vector<std::string> columns;
  // One entry per column: the value's webservice string form, or nullopt for null.
  std::vector<std::vector<std::optional<std::string>>> rows;

  // The webservice's result array: [{"column":"value"|null,...},...].
  std::string to_json() const;
};

}  // namespace vtql
