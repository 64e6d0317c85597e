// One row as a JSON object, {"column":"value"|null,...}: what the result array and JSON Lines are made of.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vtql::output {

// Each column's name as a JSON string followed by ':', made once per result.
std::vector<std::string> json_keys(const std::vector<std::string>& columns);

// Appends the object of one row; `keys` from json_keys, one per value.
void append_json_object(std::string& out, const std::vector<std::string>& keys,
                        std::span<const std::optional<std::string_view>> values);

}  // namespace vtql::output
