// Drawing parameter values from the loaded data and writing them into templates as VTQL literals.
#include "tools/bench/parameters.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace vtql::bench {
namespace {

Error param_error(const ParamDef& param, std::string message, std::string hint = {}) {
  return Error::invalid_argument("param " + param.name + ": " + std::move(message), param.span, std::move(hint));
}

// Byte offsets of the UTF-8 characters of `s`, and s.size() at the end.
std::vector<std::size_t> char_starts(std::string_view s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '\'':
      out += "''";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\0':
      out += "\\0";
      break;
    case '\x1A':
      out += "\\Z";
      break;
    default:
      out.push_back(c);
      break;
  }
}

}  // namespace

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b) noexcept {
  Rng rng(a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL));
  rng.next();
  return rng.next();
}

std::string quote_string(std::string_view value) {
  std::string out = "'";
  for (const char c : value) append_escaped(out, c);
  return out + "'";
}

std::string quote_like(std::string_view piece, bool leading, bool trailing) {
  std::string out = "'";
  if (leading) out += '%';
  for (const char c : piece) {
    // In the literal, \% and \_ keep their backslash for LIKE; a backslash for LIKE is \\ once read, so \\\\ here.
    if (c == '%' || c == '_') {
      out += '\\';
      out += c;
    } else if (c == '\\') {
      out += "\\\\\\\\";
    } else {
      append_escaped(out, c);
    }
  }
  if (trailing) out += '%';
  return out + "'";
}

Result<ParameterValues> ParameterValues::load(const Workload& workload, const Engine& engine) {
  Settings unlimited = engine.settings();
  unlimited.max_rows = 0;
  const Engine reader(engine.database(), unlimited);
  std::map<std::string, std::vector<std::string>> cache;  // "Module.field" -> values, for fields drawn twice
  ParameterValues out;
  for (const ParamDef& param : workload.params) {
    Pool pool;
    pool.kind = param.kind;
    pool.length = param.length;
    pool.low = param.low;
    pool.high = param.high;
    if (param.kind == ParamKind::kInteger) {
      out.pools_.push_back(std::move(pool));
      continue;
    }
    const ModuleDef* module = engine.schema().find_module(param.module);
    if (module == nullptr) {
      std::vector<std::string_view> names;
      for (const ModuleDef& m : engine.schema().modules()) names.push_back(m.name);
      const std::string close = closest_name(param.module, names);
      return param_error(param, "there is no module '" + param.module + "'",
                         close.empty() ? std::string() : "did you mean '" + close + "'?");
    }
    const FieldDef* field = module->find_field(param.field);
    if (field == nullptr || !module->readable(*field)) {
      std::vector<std::string_view> names;
      for (const FieldDef& f : module->fields) names.push_back(f.name);
      const std::string close = closest_name(param.field, names);
      return param_error(param, module->name + " has no readable field '" + param.field + "'",
                         close.empty() ? std::string() : "did you mean '" + close + "'?");
    }
    pool.bare = (field->is_id() || value_class(field->type) == ValueClass::kEntityId) &&
                param.kind != ParamKind::kPrefix && param.kind != ParamKind::kContains;
    const std::string key = param.module + "." + param.field;
    auto cached = cache.find(key);
    if (cached == cache.end()) {
      const std::string query = "SELECT " + param.field + " FROM " + param.module + ";";
      auto result = reader.query(query);
      if (!result) return param_error(param, "reading " + key + " failed: " + result.error().message);
      std::vector<std::string> values;
      values.reserve(result->rows.size());
      for (auto& row : result->rows) {
        if (!row.empty() && row[0] && !row[0]->empty()) values.push_back(std::move(*row[0]));
      }
      cached = cache.emplace(key, std::move(values)).first;
    }
    pool.values = cached->second;
    if (pool.values.empty()) {
      return param_error(param, key + " has no values in the data to draw from",
                         "every record has it null or empty; draw from another field");
    }
    if (param.kind == ParamKind::kLatest) {
      std::sort(pool.values.begin(), pool.values.end(), std::greater<>());
      if (pool.values.size() > param.length) pool.values.resize(param.length);
    }
    out.pools_.push_back(std::move(pool));
  }
  // Every template must give a valid query, or the run would measure error paths.
  Rng rng(0);
  for (const QueryTemplate& t : workload.templates) {
    const std::string instance = out.instantiate(t, rng);
    const auto checked = engine.check(instance);
    if (!checked) {
      const Error& e = checked.error();
      return Error::invalid_argument(
          "the query of template '" + t.name + "' is not valid: " + std::string(to_string(e.code)) + ": " + e.message,
          t.span, "an instance: " + instance);
    }
  }
  return out;
}

std::string ParameterValues::draw(std::size_t param, Rng& rng) const {
  const Pool& pool = pools_[param];
  if (pool.kind == ParamKind::kInteger) {
    const auto span = static_cast<std::uint64_t>(pool.high) - static_cast<std::uint64_t>(pool.low);
    const std::uint64_t offset = span == UINT64_MAX ? rng.next() : rng.below(span + 1);
    return std::to_string(static_cast<std::int64_t>(static_cast<std::uint64_t>(pool.low) + offset));
  }
  const std::string& value = pool.values[rng.below(pool.values.size())];
  switch (pool.kind) {
    case ParamKind::kPrefix:
    case ParamKind::kContains: {
      const auto starts = char_starts(value);
      const std::size_t chars = starts.size() - 1;
      const std::size_t take = std::min<std::size_t>(chars, pool.length);
      const std::size_t first = pool.kind == ParamKind::kPrefix ? 0 : rng.below(chars - take + 1);
      const std::string_view piece =
          std::string_view(value).substr(starts[first], starts[first + take] - starts[first]);
      return quote_like(piece, pool.kind == ParamKind::kContains, true);
    }
    case ParamKind::kValue:
    case ParamKind::kLatest:
    case ParamKind::kInteger:
      break;
  }
  return pool.bare ? value : quote_string(value);
}

std::string ParameterValues::instantiate(const QueryTemplate& query_template, Rng& rng) const {
  std::vector<std::optional<std::string>> drawn(pools_.size());
  std::string out;
  for (const TemplatePiece& piece : query_template.pieces) {
    if (piece.param < 0) {
      out += piece.text;
      continue;
    }
    auto& value = drawn[static_cast<std::size_t>(piece.param)];
    if (!value) value = draw(static_cast<std::size_t>(piece.param), rng);
    out += *value;
  }
  return out;
}

}  // namespace vtql::bench
