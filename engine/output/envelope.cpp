// The webservice envelope: {"success":true,"result":...} or {"success":false,"error":{...}}.
#include "vtql/output.hpp"

namespace vtql {

std::string success_envelope(std::string_view result_json) {
  std::string out;
  out.reserve(result_json.size() + 28);
  out += "{\"success\":true,\"result\":";
  out += result_json;
  out.push_back('}');
  return out;
}

std::string error_json(const Error& error, std::optional<std::string_view> query) {
  std::string out = "{\"code\":";
  append_json_string(out, to_string(error.code));
  out += ",\"message\":";
  append_json_string(out, error.message);
  if (query) {
    const Location where = locate(*query, error.span.offset);
    out += ",\"offset\":" + std::to_string(error.span.offset);
    out += ",\"line\":" + std::to_string(where.line);
    out += ",\"column\":" + std::to_string(where.column);
  }
  // With a position the hint is always there (null without one); without, only when there is one.
  if (query || !error.hint.empty()) {
    out += ",\"hint\":";
    if (error.hint.empty()) {
      out += "null";
    } else {
      append_json_string(out, error.hint);
    }
  }
  out.push_back('}');
  return out;
}

std::string error_envelope(const Error& error, std::optional<std::string_view> query) {
  return "{\"success\":false,\"error\":" + error_json(error, query) + "}";
}

std::string check_answer(std::optional<std::string_view> query, const Result<CheckedQuery>& result) {
  std::string out = "{\"query\":";
  if (query) {
    append_json_string(out, *query);
  } else {
    out += "null";
  }
  out += result.ok() ? ",\"success\":true" : ",\"success\":false";
  if (!result.ok()) {
    out += ",\"error\":" + error_json(result.error(), query);
    out.push_back('}');
    return out;
  }
  out += ",\"warnings\":[";
  const std::string_view text = query.value_or(std::string_view());
  bool first = true;
  for (const Warning& warning : result->warnings()) {
    const Location where = locate(text, warning.span.offset);
    out += first ? "{\"message\":" : ",{\"message\":";
    first = false;
    append_json_string(out, warning.message);
    out += ",\"offset\":" + std::to_string(warning.span.offset) + ",\"line\":" + std::to_string(where.line) +
           ",\"column\":" + std::to_string(where.column) + "}";
  }
  out += "],\"parsed\":" + result->parsed_json() + "}";
  return out;
}

std::string query_envelope(const Result<ResultSet>& result, std::string_view query) {
  if (!result) return error_envelope(result.error(), query);
  return success_envelope(result->to_json());
}

}  // namespace vtql
