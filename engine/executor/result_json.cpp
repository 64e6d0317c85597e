// The result set as the webservice's JSON array, and the sink that collects a stream into a result set.
#include <nlohmann/json.hpp>

#include "vtql/result.hpp"

namespace vtql {

std::string ResultSet::to_json() const {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& row : rows) {
    nlohmann::ordered_json record = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      record[columns[i]] = row[i] ? nlohmann::ordered_json(*row[i]) : nlohmann::ordered_json();
    }
    out.push_back(std::move(record));
  }
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

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
