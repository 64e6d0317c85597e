// The sink that keeps a stream as a result set (ResultSet::to_json is in engine/output/json_writer.cpp).
#include "vtql/result.hpp"

namespace vtql {

void ResultCollector::begin(const std::vector<std::string>& columns) {
  ++begins_;
  result_.columns = columns;
}

void ResultCollector::row(std::span<const std::optional<std::string_view>> values) {
  std::vector<std::optional<std::string>> row;
  row.reserve(values.size());
  for (const auto& value : values) row.push_back(value ? std::optional<std::string>(*value) : std::nullopt);
  result_.rows.push_back(std::move(row));
}

}  // namespace vtql
