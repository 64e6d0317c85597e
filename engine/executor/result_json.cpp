// A result set as the webservice's JSON result array.
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

}  // namespace vtql
