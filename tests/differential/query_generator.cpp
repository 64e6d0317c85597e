// The random query generator: a catalog of real values read from a database, and queries drawn over it.
#include "tests/differential/query_generator.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>

#include "vtql/engine.hpp"

namespace vtql::differential {

std::uint64_t Random::below(std::uint64_t n) {
  // Rejection sampling: the largest multiple of n below 2^64 splits the generator's range into equal parts.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

const std::vector<std::string>& Catalog::main_modules() {
  static const std::vector<std::string> kMain = {"Contacts", "Accounts", "Leads",   "Potentials",
                                                 "HelpDesk", "Products", "Invoice", "Calendar"};
  return kMain;
}

Result<Catalog> Catalog::sample(const std::shared_ptr<Database>& database, const std::vector<std::string>& favoured,
                                std::size_t per_field) {
  Settings settings;
  settings.max_rows = 0;
  settings.plan_cache = 0;
  const Engine engine(database, settings);
  const Schema& schema = *database->schema();
  Catalog catalog;
  for (const ModuleDef& module : schema.modules()) {
    auto result = engine.query("SELECT * FROM " + module.name + ";");
    if (!result) return std::move(result).error();
    SampledModule sampled;
    sampled.name = module.name;
    sampled.id_prefix = module.id_prefix;
    sampled.weight = std::find(favoured.begin(), favoured.end(), module.name) != favoured.end() ? 12 : 1;
    const std::size_t rows = result->rows.size();
    // Every k-th record, so that the values spread over the whole table rather than its first ids.
    const std::size_t stride = std::max<std::size_t>(1, rows / std::max<std::size_t>(1, per_field * 4));
    for (std::size_t c = 0; c < result->columns.size(); ++c) {
      const FieldDef* field = module.find_field(result->columns[c]);
      if (field == nullptr) continue;
      SampledField f;
      f.name = field->name;
      f.type = field->type;
      f.value_class = field->is_id() ? ValueClass::kEntityId : value_class(field->type);
      for (const std::string& target : field->refers_to) {
        if (const ModuleDef* m = schema.find_module(target)) f.target_prefixes.push_back(m->id_prefix);
      }
      if (field->type == FieldType::kOwner) f.target_prefixes = {"19", "20"};
      std::set<std::string> seen;
      for (std::size_t r = 0; r < rows && f.values.size() < per_field; r += stride) {
        const auto& value = result->rows[r][c];
        if (!value) {
          f.has_null = true;
        } else if (seen.insert(*value).second) {
          f.values.push_back(*value);
        }
      }
      sampled.fields.push_back(std::move(f));
    }
    catalog.total_weight_ += sampled.weight;
    catalog.id_prefixes_.push_back(module.id_prefix);
    catalog.modules_.push_back(std::move(sampled));
  }
  return catalog;
}

namespace {

// Pools of values that do not fit a field's type (or only just), per value class.
const std::vector<std::string>& off_type_values(ValueClass value_class) {
  static const std::vector<std::string> kText = {"123",    "0",       "-7",         "12x5",    "2024-01-01",
                                                 " ",      "%",       "_",          "O'Brien", "back\\slash",
                                                 "Müller", "MÜLLER",  "muller",     "Mueller", "Straße",
                                                 "Strase", "Strasse", "Łódź",       "lodz",    "\xF0\x9F\x98\x80",
                                                 "a\tb",   "zzzz",    "A",          "é",       "Smith ",
                                                 " Smith", "smith",   "ZZZ\xC3\xBF"};
  // The edges of each stored form too: 64-bit integers, the largest doubles, the first and last dates.
  static const std::vector<std::string> kInteger = {"12abc",
                                                    "abc",
                                                    "1.5",
                                                    "-1",
                                                    "99999999999999999999",
                                                    "0x10",
                                                    "1e3",
                                                    " 42",
                                                    "+5",
                                                    "-0",
                                                    "9223372036854775807",
                                                    "9223372036854775808",
                                                    "-9223372036854775808",
                                                    "-9223372036854775809"};
  static const std::vector<std::string> kDouble = {"1.5", "abc",     "1e3",   "0.1",   "-0",     "1e400",
                                                   ".5",  "3.14159", "12abc", "1e308", "-1e308", "4.9e-324"};
  static const std::vector<std::string> kDecimal = {"1500.5",
                                                    "1500.50000000",
                                                    "abc",
                                                    "0",
                                                    "-1",
                                                    "1e2",
                                                    "12abc",
                                                    "1e30",
                                                    "0.000000001",
                                                    "-0.00000001",
                                                    "99999999999999999999999.99"};
  static const std::vector<std::string> kBoolean = {"1", "0", "true", "false", "on", "yes", "2", "-1", "TRUE", "01"};
  static const std::vector<std::string> kDate = {
      "2000-02-29", "2000/02/29", "20000229",   "2024-13-45",          "abc",
      "2026",       "0000-00-00", "2024-02-30", "1999-12-31 23:59:59", "2024-1-5",
      "2025-06-15", "1970-01-01", "9999-12-31", "0001-01-01",          "10000-01-01"};
  static const std::vector<std::string> kDateTime = {"2024-05-01 10:00:00",
                                                     "2024-05-01T10:00",
                                                     "2024-05-01 25:61:61",
                                                     "2024-05-01",
                                                     "abc",
                                                     "2026",
                                                     "2025-01-01 00:00:01",
                                                     "20250101103000",
                                                     "0000-00-00 00:00:00",
                                                     "9999-12-31 23:59:59",
                                                     "0001-01-01 00:00:00"};
  static const std::vector<std::string> kTime = {"10:00",     "10:00:00",   "25:00:00", "abc",
                                                 "1000",      "12:30:45.5", "00:00:00", "23:59:59",
                                                 "838:59:59", "-838:59:59", "839:00:00"};
  static const std::vector<std::string> kEntity = {"11x5",
                                                   "99x5",
                                                   "x5",
                                                   "5",
                                                   "12x0",
                                                   "abc",
                                                   "0x0",
                                                   "12x99999999",
                                                   "19x1",
                                                   "20x2",
                                                   "12x-1",
                                                   "12x1 ",
                                                   "1x1",
                                                   "12x9223372036854775807",
                                                   "12x9223372036854775808",
                                                   "12x18446744073709551615",
                                                   "12x18446744073709551616"};
  switch (value_class) {
    case ValueClass::kInteger:
      return kInteger;
    case ValueClass::kDouble:
      return kDouble;
    case ValueClass::kDecimal:
      return kDecimal;
    case ValueClass::kBoolean:
      return kBoolean;
    case ValueClass::kDate:
      return kDate;
    case ValueClass::kDateTime:
      return kDateTime;
    case ValueClass::kTime:
      return kTime;
    case ValueClass::kEntityId:
      return kEntity;
    default:
      return kText;
  }
}

// A few common characters with accented or cased relatives that the collation folds (or does not).
std::string accent_variant(const std::string& s, Random& random) {
  static const std::vector<std::pair<std::string, std::string>> kSwaps = {
      {"a", "á"},  {"a", "ä"}, {"e", "é"}, {"o", "ö"}, {"u", "ü"}, {"ss", "ß"}, {"ß", "ss"}, {"s", "ß"},
      {"ü", "ue"}, {"ü", "u"}, {"i", "í"}, {"c", "ç"}, {"n", "ñ"}, {"A", "Å"},  {"e", "E"}};
  std::string out = s;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const auto& [from, to] = random.pick(kSwaps);
    const auto at = out.find(from);
    if (at != std::string::npos) {
      out.replace(at, from.size(), to);
      return out;
    }
  }
  return out + "é";
}

std::string change_case(const std::string& s, Random& random) {
  std::string out = s;
  const auto mode = random.below(3);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) continue;
    if (mode == 0)
      c = static_cast<char>(std::toupper(u));
    else if (mode == 1)
      c = static_cast<char>(std::tolower(u));
    else if (random.chance(1, 2))
      c = static_cast<char>(std::isupper(u) ? std::tolower(u) : std::toupper(u));
  }
  return out;
}

// Length in bytes of the UTF-8 prefix of at most `n` characters.
std::size_t utf8_prefix(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t chars = 0; i < s.size() && chars < n; ++chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A string as a quoted literal that reads back as `s`: quotes doubled, backslashes escaped, and now and then a
// tab or newline written as its escape.
std::string quote(const std::string& s, Random& random) {
  std::string out = "'";
  const bool escape_controls = random.chance(1, 2);
  for (const char c : s) {
    if (c == '\'')
      out += "''";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\t' && escape_controls)
      out += "\\t";
    else if (c == '\n' && escape_controls)
      out += "\\n";
    else if (c == '\0')
      out += "\\0";  // a NUL can only be written as its escape
    else
      out += c;
  }
  return out + "'";
}

// A LIKE pattern (in LIKE's own escaping) as a quoted literal: the pattern's backslashes are written doubled,
// except that `\%` and `\_` may stay short since MySQL keeps those escaped.
std::string quote_pattern(const std::string& pattern, Random& random) {
  std::string out = "'";
  const bool short_escapes = random.chance(1, 2);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\'') {
      out += "''";
    } else if (c == '\\') {
      const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
      out += short_escapes && (next == '%' || next == '_') ? "\\" : "\\\\";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// A real text as a LIKE pattern matching it literally.
std::string like_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_entity_id(std::string_view s) {
  const auto x = s.find('x');
  return x != std::string_view::npos && is_digits(s.substr(0, x)) && is_digits(s.substr(x + 1));
}

class Builder {
 public:
  Builder(const Catalog& catalog, Random& random) : catalog_(catalog), random_(random) {}

  std::string build() {
    module_ = &pick_module();
    // Each draw in a statement of its own: the operands of + are evaluated in an order the compiler chooses, and
    // the same seed must give the same query everywhere.
    std::string q = keyword("SELECT");
    q += " ";
    q += select_list();
    q += gap();
    q += keyword("FROM");
    q += " ";
    q += module_name();
    if (random_.chance(3, 5)) {
      q += gap();
      q += keyword("WHERE");
      q += " ";
      q += condition();
    }
    if (random_.chance(7, 20)) {
      q += gap();
      q += order_by();
    }
    if (random_.chance(9, 20)) {
      q += gap();
      q += limit();
    }
    return finish(q);
  }

 private:
  const SampledModule& pick_module() {
    std::uint64_t at = random_.below(catalog_.total_weight());
    for (const SampledModule& m : catalog_.modules()) {
      if (at < m.weight) return m;
      at -= m.weight;
    }
    return catalog_.modules().back();
  }

  // A keyword in upper, lower or mixed case.
  std::string keyword(std::string_view word) {
    std::string out(word);
    const auto mode = random_.below(6);
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto u = static_cast<unsigned char>(out[i]);
      if (mode == 1 || (mode == 2 && i > 0)) out[i] = static_cast<char>(std::tolower(u));
    }
    return out;
  }

  std::string gap() {
    switch (random_.below(12)) {
      case 0:
        return "\n";
      case 1:
        return "  ";
      case 2:
        return "\t";
      default:
        return " ";
    }
  }

  std::string module_name() {
    if (random_.chance(1, 150)) {
      std::string wrong = change_case(module_->name, random_);
      return random_.chance(1, 2) ? wrong : wrong + "s";
    }
    return module_->name;
  }

  // A field name, now and then one the module does not have (a typo or the wrong case).
  std::string field_name(const SampledField& field) {
    if (random_.chance(1, 200)) return field.name + "x";
    if (random_.chance(1, 300)) return change_case(field.name, random_) + "_";
    return field.name;
  }

  const SampledField& pick_field() { return random_.pick(module_->fields); }

  std::string select_list() {
    const auto roll = random_.below(100);
    if (roll < 14) {
      std::string count = random_.chance(1, 2) ? "count(*)" : "COUNT(*)";
      if (random_.chance(1, 10)) count += ", " + field_name(pick_field());
      return count;
    }
    if (roll < 32) return "*";
    const auto n = random_.between(1, 5);
    std::string list;
    for (std::uint64_t i = 0; i < n; ++i) {
      if (i > 0) list += random_.chance(1, 4) ? "," : ", ";
      list += field_name(pick_field());
    }
    return list;
  }

  std::string condition() {
    const auto n = random_.chance(1, 2) ? 1 : random_.between(2, 5);
    std::string text = predicate();
    for (std::uint64_t i = 1; i < n; ++i) {
      const bool parenthesised = random_.chance(1, 150);  // a syntax error in the vtiger dialect
      text += gap();
      text += keyword(random_.chance(3, 5) ? "AND" : "OR");
      text += " ";
      if (parenthesised) {
        text += "(";
        text += predicate();
        text += " OR ";
        text += predicate();
        text += ")";
      } else {
        text += predicate();
      }
    }
    return text;
  }

  std::string predicate() {
    const SampledField& field = pick_field();
    const std::string name = field_name(field);
    const auto roll = random_.below(100);
    if (roll < 33) {
      std::string text = name + " " + keyword(roll < 18 ? "LIKE" : "IN") + " ";
      return text + (roll < 18 ? like_pattern(field) : in_list(field));
    }
    static const std::vector<std::string> kOps = {"=", "=", "=", "!=", "<", "<=", ">", ">="};
    std::string op = random_.pick(kOps);
    if (random_.chance(1, 200)) op = "<>";  // extended dialect only
    const std::string v = value(field);
    if (random_.chance(1, 20)) return name + op + "(" + v + ")";
    return name + (random_.chance(1, 5) ? "" : " ") + op + " " + v;
  }

  std::string in_list(const SampledField& field) {
    std::uint64_t n = random_.between(1, 8);
    if (random_.chance(1, 30)) n = random_.between(1001, 1400);  // past the inline limit: SQLite's vtql_in path
    // Without parentheses the list must be the last condition (else a syntax error).
    const bool bare = n < 1000 && random_.chance(1, 15);
    std::string list = bare ? "" : "(";
    for (std::uint64_t i = 0; i < n; ++i) {
      if (i) list += ", ";
      list += n > 1000 && random_.chance(1, 2) ? filler_value(field, i) : value(field);
    }
    return bare ? list : list + ")";
  }

  // Cheap distinct values for long IN lists.
  std::string filler_value(const SampledField& field, std::uint64_t i) {
    switch (field.value_class) {
      case ValueClass::kEntityId: {
        const std::string prefix =
            field.target_prefixes.empty() ? module_->id_prefix : random_.pick(field.target_prefixes);
        return "'" + prefix + "x" + std::to_string(random_.between(1, 4000)) + "'";
      }
      case ValueClass::kInteger:
      case ValueClass::kDouble:
      case ValueClass::kDecimal:
        return std::to_string(random_.below(100000));
      case ValueClass::kDate: {
        const auto year = 2010 + random_.below(20);
        const auto month = 1 + random_.below(9);
        const auto day = 10 + random_.below(10);
        return "'" + std::to_string(year) + "-0" + std::to_string(month) + "-" + std::to_string(day) + "'";
      }
      default:
        return "'v" + std::to_string(i) + "'";
    }
  }

  std::string real_value(const SampledField& field) {
    return field.values.empty() ? random_.pick(off_type_values(field.value_class)) : random_.pick(field.values);
  }

  // A variant of a real value that the collation or the type's conversion may or may not treat as equal.
  std::string variant(const SampledField& field) {
    std::string v = real_value(field);
    switch (random_.below(9)) {
      case 8: {
        // Characters that weigh less than the space PAD SPACE pads with, at the end or in place of a space.
        static const std::vector<std::string> kLow = {"\t", "\n", std::string(1, '\0'), " \t", "\x01", "  "};
        const auto space = v.find(' ');
        if (space != std::string::npos && random_.chance(1, 2)) return v.replace(space, 1, random_.pick(kLow));
        return v + random_.pick(kLow);
      }
      case 0:
        return change_case(v, random_);
      case 1:
        return accent_variant(v, random_);
      case 2:
        return v + " ";
      case 3:
        return " " + v;
      case 4:
        return v.substr(0, utf8_prefix(v, random_.below(utf8_length(v) + 1)));
      case 5:
        return v + random_.pick(std::vector<std::string>{"a", "0", "9", ".5", "x", "Z"});
      case 6:
        if (field.value_class == ValueClass::kEntityId && is_entity_id(v)) {
          return random_.pick(catalog_.id_prefixes()) + v.substr(v.find('x'));
        }
        return v;
      default:
        if (!v.empty() && v.back() >= '0' && v.back() <= '8') v.back() = static_cast<char>(v.back() + 1);
        return v;
    }
  }

  // A value as written in the query: quoted mostly, unquoted where the grammar has a form for it.
  std::string value(const SampledField& field) {
    const auto roll = random_.below(100);
    std::string v;
    if (roll < 58)
      v = real_value(field);
    else if (roll < 76)
      v = variant(field);
    else if (roll < 94)
      v = random_.pick(off_type_values(field.value_class));
    else
      v = random_.pick(std::vector<std::string>{"it''s", "a\\b", "\\%", "tab\there", "line\nbreak", "'", "\\"});
    if (v.empty()) v = random_.chance(1, 20) ? "" : " ";  // '' is a syntax error in the vtiger dialect
    if ((is_digits(v) || is_entity_id(v) || (v.size() > 1 && v[0] == '-' && is_digits(v.substr(1)))) &&
        random_.chance(1, 3)) {
      return v;
    }
    if ((v == "true" || v == "false" || v == "TRUE") && random_.chance(1, 2)) return v;
    if (roll >= 94) {
      // Pre-escaped texts: \\ and '' as written, and the odd backslash before a quote (a syntax error).
      if (v == "'") return random_.chance(1, 4) ? "'\\''" : "''''";
      return "'" + v + "'";
    }
    return quote(v, random_);
  }

  std::string like_pattern(const SampledField& field) {
    if (field.value_class == ValueClass::kEntityId && random_.chance(1, 2)) {
      const std::string prefix =
          field.target_prefixes.empty() ? module_->id_prefix : random_.pick(field.target_prefixes);
      static const std::vector<std::string> kTails = {"%", "1%", "%1", "_", "1_", "%0%", "", "1", "12"};
      std::string pattern = random_.chance(1, 5) ? random_.pick(catalog_.id_prefixes()) : prefix;
      pattern += "x";
      pattern += random_.pick(kTails);
      return quote_pattern(pattern, random_);
    }
    const std::string v = real_value(field);
    const std::size_t length = utf8_length(v);
    std::string pattern;
    switch (random_.below(11)) {
      case 0:
        pattern = like_escape(v);
        break;
      case 1:
        pattern = like_escape(v.substr(0, utf8_prefix(v, random_.below(length + 1)))) + "%";
        break;
      case 2: {
        const std::size_t from = utf8_prefix(v, random_.below(length + 1));
        const std::size_t to = utf8_prefix(v, random_.between(0, length));
        pattern = "%" + like_escape(v.substr(from, to > from ? to - from : 0)) + "%";
        break;
      }
      case 3: {
        if (length == 0) break;
        const std::size_t at = utf8_prefix(v, random_.below(length));
        const std::size_t end = utf8_prefix(v, utf8_length(v.substr(0, at)) + 1);
        pattern = like_escape(v.substr(0, at)) + "_" + like_escape(v.substr(end));
        break;
      }
      case 4:
        pattern = like_escape(change_case(v, random_)) + "%";
        break;
      case 5:
        pattern = like_escape(accent_variant(v, random_));
        break;
      case 6:
        pattern = like_escape(v) + " ";
        break;
      case 7:
        pattern = random_.pick(std::vector<std::string>{"%", "_%", "%_", "___", "%%", "_", "%a%", "%e_"});
        break;
      case 8:
        pattern = random_.pick(std::vector<std::string>{"100\\%", "a\\_b", "%\\%%", "%\\_%", "\\\\%", "%\\\\%"});
        break;
      case 9:
        pattern = like_escape(random_.pick(off_type_values(field.value_class))) + "%";
        break;
      default:
        pattern = "%" + like_escape(v.substr(utf8_prefix(v, length / 2)));
    }
    if (pattern.empty()) pattern = "%";
    return quote_pattern(pattern, random_);
  }

  std::string order_by() {
    std::string text;
    if (random_.chance(1, 10)) {
      text = keyword("ORDERBY");
    } else {
      text = keyword("ORDER");
      text += " ";
      text += keyword("BY");
    }
    const auto n = random_.chance(3, 5) ? 1 : random_.between(2, 3);
    for (std::uint64_t i = 0; i < n; ++i) {
      text += (i ? ", " : " ") + field_name(pick_field());
      if (i + 1 < n && random_.chance(1, 60)) text += " DESC";  // per-field directions: a syntax error here
    }
    if (random_.chance(2, 3)) text += " " + keyword(random_.chance(1, 2) ? "ASC" : "DESC");
    return text;
  }

  std::string limit() {
    static const std::vector<std::string> kCounts = {"0",  "1",  "2",   "3",   "5",   "10",  "20",
                                                     "50", "99", "100", "101", "250", "1000"};
    static const std::vector<std::string> kOffsets = {"0",  "1",   "2",   "5",    "10",  "37",
                                                      "50", "100", "500", "1000", "5000"};
    std::string text = keyword("LIMIT") + " ";
    if (random_.chance(1, 100))
      return text + random_.pick(std::vector<std::string>{"-5", "'5'", "abc", "1e3", "18446744073709551615"});
    if (random_.chance(2, 5)) {
      text += random_.pick(kOffsets);
      text += random_.chance(1, 3) ? "," : ", ";
    }
    return text + random_.pick(kCounts);
  }

  std::string finish(std::string q) {
    switch (random_.below(200)) {
      case 0:
        return q;  // no ';'
      case 1:
        return q + "; SELECT";  // something after ';'
      case 2:
        return q + " ;  \n";
      default:
        return q + ";";
    }
  }

  const Catalog& catalog_;
  Random& random_;
  const SampledModule* module_ = nullptr;
};

// One stream per (seed, index), so any query can be made again without making the ones before it.
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed * 0x9E3779B97F4A7C15ULL + index * 0xD1B54A32D192ED03ULL + 0x2545F4914F6CDD1DULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

std::string QueryGenerator::query(std::uint64_t index) const {
  Random random(stream_seed(seed_, index));
  return Builder(catalog_, random).build();
}

}  // namespace vtql::differential
