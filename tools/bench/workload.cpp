// The workload file parser: directives, parameters, weighted templates and their `$NAME` references.
#include "tools/bench/workload.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

#include "vtql/schema.hpp"

namespace vtql::bench {
namespace {

constexpr std::uint64_t kMaxWeight = 1'000'000;
constexpr std::uint64_t kMaxLength = 1'000'000;
constexpr int kUnresolved = -2;  // a $NAME piece before the parameters are all known

struct Line {
  std::string_view text;  // without the line break
  std::uint32_t offset = 0;
  std::size_t number = 0;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  std::size_t number = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, static_cast<std::uint32_t>(start), number++});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool is_identifier_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

bool is_identifier(std::string_view s) {
  return !s.empty() && is_identifier_start(s.front()) && std::all_of(s.begin(), s.end(), is_identifier_char);
}

// Template and workload names also allow '-' and '.', as in "contacts-list".
bool is_label(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_identifier_char(c) || c == '-' || c == '.'; });
}

// A directive line up to a comment: '#' after a space or tab. Query lines keep theirs, since '#' may be in a string.
std::string_view without_comment(std::string_view line) {
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '#' && is_space(line[i - 1])) return trim(line.substr(0, i));
  }
  return line;
}

bool starts_with_word(std::string_view line, std::string_view word) {
  return line.size() >= word.size() && line.substr(0, word.size()) == word &&
         (line.size() == word.size() || is_space(line[word.size()]));
}

template <typename T>
std::optional<T> parse_number(std::string_view s) {
  T value{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view name) : text_(text) {
    workload_.name = name;
    workload_.source = text;
  }

  Result<Workload> parse() {
    for (const Line& line : split_lines(text_)) {
      std::string_view body = trim(line.text);
      if (body.empty() || body.front() == '#') continue;
      if (open_) {
        if (starts_with_word(body, "weight") || starts_with_word(body, "param") || starts_with_word(body, "workload")) {
          return unterminated(line);
        }
        if (auto error = add_query_line(line, body)) return *std::move(error);
        continue;
      }
      std::optional<Error> error;
      body = without_comment(body);
      if (starts_with_word(body, "workload")) {
        error = workload_line(line, body);
      } else if (starts_with_word(body, "param")) {
        error = param_line(line, body);
      } else if (starts_with_word(body, "weight")) {
        error = weight_line(line, body);
      } else {
        error = unknown_line(line, body);
      }
      if (error) return *std::move(error);
    }
    if (open_) return unterminated(std::nullopt);
    if (workload_.templates.empty()) {
      return fail(Span{static_cast<std::uint32_t>(text_.size()), 0}, "the workload has no query templates",
                  "start one with a line 'weight W name=NAME', then the query on the next line");
    }
    if (auto error = resolve()) return *std::move(error);
    return std::move(workload_);
  }

 private:
  struct Reference {
    std::size_t template_index;
    std::size_t piece_index;
    std::string name;
    Span span;
  };

  static Error fail(Span span, std::string message, std::string hint = {}) {
    return Error::invalid_argument(std::move(message), span, std::move(hint));
  }

  Span span_of(const Line& line, std::string_view part) const {
    return Span{line.offset + static_cast<std::uint32_t>(part.data() - line.text.data()),
                static_cast<std::uint32_t>(part.size())};
  }

  std::optional<Error> workload_line(const Line& line, std::string_view body) {
    const auto w = words(body);
    if (w.size() != 2 || !is_label(w[1])) {
      return fail(span_of(line, body), "expected 'workload NAME' with one name of letters, digits, '_', '-' or '.'");
    }
    if (named_) return fail(span_of(line, body), "the workload is already named");
    named_ = true;
    workload_.name = w[1];
    return std::nullopt;
  }

  std::optional<Error> param_line(const Line& line, std::string_view body) {
    const std::string_view rest = trim(body.substr(5));
    const std::size_t equals = rest.find('=');
    if (equals == std::string_view::npos) {
      return fail(span_of(line, body), "expected 'param NAME = Module.field' or 'param NAME = int LO HI'");
    }
    const std::string_view name = trim(rest.substr(0, equals));
    if (!is_identifier(name)) {
      return fail(span_of(line, name.empty() ? body : name),
                  "a parameter name is a letter or '_' followed by letters, digits or '_'");
    }
    const bool taken = std::any_of(workload_.params.begin(), workload_.params.end(),
                                   [&](const ParamDef& p) { return p.name == name; });
    if (taken) return fail(span_of(line, name), "the parameter '" + std::string(name) + "' is already declared");
    ParamDef param;
    param.name = name;
    param.span = span_of(line, body);
    const auto w = words(rest.substr(equals + 1));
    if (w.empty()) return fail(span_of(line, body), "expected 'Module.field' or 'int LO HI' after '='");
    if (w[0] == "int") {
      if (w.size() != 3) return fail(span_of(line, body), "expected 'int LO HI', two integers");
      const auto low = parse_number<std::int64_t>(w[1]);
      const auto high = parse_number<std::int64_t>(w[2]);
      if (!low) return fail(span_of(line, w[1]), "'" + std::string(w[1]) + "' is not an integer");
      if (!high) return fail(span_of(line, w[2]), "'" + std::string(w[2]) + "' is not an integer");
      if (*low > *high) return fail(span_of(line, w[1]), "the range is empty: LO is greater than HI");
      param.kind = ParamKind::kInteger;
      param.low = *low;
      param.high = *high;
      workload_.params.push_back(std::move(param));
      return std::nullopt;
    }
    const std::size_t dot = w[0].find('.');
    const std::string_view module = dot == std::string_view::npos ? std::string_view{} : w[0].substr(0, dot);
    const std::string_view field = dot == std::string_view::npos ? std::string_view{} : w[0].substr(dot + 1);
    if (!is_identifier(module) || !is_identifier(field)) {
      return fail(span_of(line, w[0]), "expected 'Module.field' (as Contacts.mailingcity) or 'int LO HI'");
    }
    param.module = module;
    param.field = field;
    if (w.size() == 1) {
      workload_.params.push_back(std::move(param));
      return std::nullopt;
    }
    if (w[1] == "prefix") {
      param.kind = ParamKind::kPrefix;
    } else if (w[1] == "contains") {
      param.kind = ParamKind::kContains;
    } else if (w[1] == "latest") {
      param.kind = ParamKind::kLatest;
    } else {
      return fail(span_of(line, w[1]), "unknown way to draw '" + std::string(w[1]) + "'",
                  "use 'prefix N', 'contains N' or 'latest N', or nothing for the value itself");
    }
    if (w.size() != 3) return fail(span_of(line, w[1]), "expected one number after '" + std::string(w[1]) + "'");
    const auto length = parse_number<std::uint64_t>(w[2]);
    if (!length || *length == 0 || *length > kMaxLength) {
      return fail(span_of(line, w[2]), "expected a count from 1 to 1000000, found '" + std::string(w[2]) + "'");
    }
    param.length = *length;
    workload_.params.push_back(std::move(param));
    return std::nullopt;
  }

  std::optional<Error> weight_line(const Line& line, std::string_view body) {
    const auto w = words(body);
    if (w.size() < 2) return fail(span_of(line, body), "expected 'weight W' with a whole number W");
    const auto weight = parse_number<std::uint64_t>(w[1]);
    if (!weight || *weight == 0 || *weight > kMaxWeight) {
      return fail(span_of(line, w[1]),
                  "a weight is a whole number from 1 to 1000000, found '" + std::string(w[1]) + "'");
    }
    QueryTemplate added;
    added.weight = static_cast<std::uint32_t>(*weight);
    added.span = span_of(line, body);
    added.name = "line" + std::to_string(line.number);
    for (std::size_t i = 2; i < w.size(); ++i) {
      if (w[i].substr(0, 5) != "name=") {
        return fail(span_of(line, w[i]), "unknown attribute '" + std::string(w[i]) + "'",
                    "the one attribute is name=NAME");
      }
      const std::string_view name = w[i].substr(5);
      if (!is_label(name)) {
        return fail(span_of(line, w[i]), "a template name is letters, digits, '_', '-' or '.'");
      }
      const bool taken = std::any_of(workload_.templates.begin(), workload_.templates.end(),
                                     [&](const QueryTemplate& t) { return t.name == name; });
      if (taken) return fail(span_of(line, w[i]), "a template is already named '" + std::string(name) + "'");
      added.name = name;
    }
    workload_.templates.push_back(std::move(added));
    open_ = true;
    open_line_ = line.number;
    return std::nullopt;
  }

  std::optional<Error> unknown_line(const Line& line, std::string_view body) {
    const auto first = words(body).front();
    std::string upper(first);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    if (upper == "SELECT") {
      return fail(span_of(line, body), "a query must follow a 'weight W' line",
                  "start each template with 'weight W name=NAME' on the line before its query");
    }
    return fail(span_of(line, first), "unknown directive '" + std::string(first) + "'",
                "lines are 'workload NAME', 'param NAME = ...', 'weight W ...' followed by a query, or # comments");
  }

  // Adds one line of the open template's query, splitting it at `$NAME` references.
  std::optional<Error> add_query_line(const Line& line, std::string_view body) {
    QueryTemplate& current = workload_.templates.back();
    if (!current.text.empty()) {
      current.text += ' ';
      append_text(current, " ");
    }
    current.text += body;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] != '$') {
        append_text(current, std::string_view(&body[i], 1));
        continue;
      }
      if (i + 1 < body.size() && body[i + 1] == '$') {
        append_text(current, "$");
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < body.size() && is_identifier_char(body[end])) ++end;
      const std::string_view name = body.substr(i + 1, end - i - 1);
      if (!is_identifier(name)) {
        return fail(span_of(line, body.substr(i, 1)), "'$' must start a parameter name, as $city",
                    "write $$ for a dollar sign");
      }
      current.pieces.push_back({std::string(), kUnresolved});
      references_.push_back({workload_.templates.size() - 1, current.pieces.size() - 1, std::string(name),
                             span_of(line, body.substr(i, end - i))});
      i = end - 1;
    }
    if (body.back() == ';') open_ = false;
    return std::nullopt;
  }

  static void append_text(QueryTemplate& t, std::string_view text) {
    if (t.pieces.empty() || t.pieces.back().param != -1) t.pieces.push_back({std::string(), -1});
    t.pieces.back().text += text;
  }

  Error unterminated(const std::optional<Line>& at) const {
    const QueryTemplate& t = workload_.templates.back();
    std::string message =
        "the query of template '" + t.name + "' (line " + std::to_string(open_line_) + ") does not end with ';'";
    message += at ? " before line " + std::to_string(at->number) : " before the end of the file";
    if (t.text.empty()) message = "the 'weight' line of template '" + t.name + "' has no query after it";
    return fail(t.span, std::move(message), "end each query with ';' at the end of its last line");
  }

  std::optional<Error> resolve() {
    std::vector<std::string_view> names;
    for (const ParamDef& p : workload_.params) names.push_back(p.name);
    for (const Reference& r : references_) {
      const auto found = std::find(names.begin(), names.end(), r.name);
      if (found == names.end()) {
        const std::string close = closest_name(r.name, names);
        return fail(
            r.span, "no parameter '" + r.name + "' is declared",
            close.empty() ? "declare it with 'param " + r.name + " = Module.field'" : "did you mean '$" + close + "'?");
      }
      workload_.templates[r.template_index].pieces[r.piece_index].param = static_cast<int>(found - names.begin());
    }
    return std::nullopt;
  }

  std::string_view text_;
  Workload workload_;
  std::vector<Reference> references_;
  bool named_ = false;
  bool open_ = false;
  std::size_t open_line_ = 0;
};

}  // namespace

std::uint64_t Workload::total_weight() const noexcept {
  std::uint64_t total = 0;
  for (const QueryTemplate& t : templates) total += t.weight;
  return total;
}

Result<Workload> parse_workload(std::string_view text, std::string_view name) { return Parser(text, name).parse(); }

}  // namespace vtql::bench
