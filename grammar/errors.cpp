// Syntax error messages and hints: what each failure point expected, what was found there, and how to fix it.
#include "grammar/errors.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace vtql::grammar {
namespace {

bool is_word_char(char c) noexcept { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Length of the valid UTF-8 sequence starting at `s`, or 0 when it is not one: overlong forms, surrogates and
// code points above U+10FFFF are invalid, as PEGTL's utf8 rules (and so the grammar) have them.
std::size_t utf8_length(std::string_view s) noexcept {
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return 1;
  const std::size_t n = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || n > s.size()) return 0;
  char32_t c = b & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    const auto t = static_cast<unsigned char>(s[i]);
    if ((t & 0xC0) != 0x80) return 0;
    c = (c << 6) | (t & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return n;
}

// `s` with every byte that is not part of valid UTF-8 written as \xNN, so that messages are valid UTF-8.
std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s.substr(i));
    if (n == 0) {
      const auto b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

enum class TokenKind { kEnd, kWord, kString, kSignedNumber, kSymbol, kInvalid };

// The token at the failure position, as the error shows it.
struct Found {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;
  std::string shown;

  bool is(std::string_view keyword) const { return kind == TokenKind::kWord && iequals(text, keyword); }
  bool is_symbol(char c) const { return kind == TokenKind::kSymbol && text.size() == 1 && text[0] == c; }
  bool is_number() const {
    return kind == TokenKind::kWord &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
};

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

Found find_token(std::string_view text, std::uint32_t offset) {
  Found found;
  if (offset >= text.size()) {
    found.shown = "the end of the query";
    return found;
  }
  const std::string_view rest = text.substr(offset);
  const char c = rest[0];
  if (is_word_char(c)) {
    std::size_t n = 1;
    while (n < rest.size() && is_word_char(rest[n])) ++n;
    found.kind = TokenKind::kWord;
    found.text = rest.substr(0, n);
    found.shown = in_quotes(found.text);
    return found;
  }
  if (c == '\'') {
    std::size_t n = 1;
    while (n < rest.size() && rest[n] != '\'' && rest[n] != '\n') ++n;
    n = std::min(rest.size(), n + 1);
    found.kind = TokenKind::kString;
    found.text = rest.substr(0, n);
    found.shown = "the string " + printable(n > 24 ? rest.substr(0, 20) : found.text) + (n > 24 ? "..." : "");
    return found;
  }
  if ((c == '-' || c == '+') && rest.size() > 1 && rest[1] >= '0' && rest[1] <= '9') {
    std::size_t n = 1;
    while (n < rest.size() && is_word_char(rest[n])) ++n;
    found.kind = TokenKind::kSignedNumber;
    found.text = rest.substr(0, n);
    found.shown = in_quotes(found.text);
    return found;
  }
  const std::size_t n = utf8_length(rest);
  if (n == 0) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(c);
    found.kind = TokenKind::kInvalid;
    found.text = rest.substr(0, 1);
    found.shown = std::string("the byte 0x") + kHex[b >> 4] + kHex[b & 0xF] + " (not valid UTF-8)";
    return found;
  }
  found.kind = TokenKind::kSymbol;
  std::size_t length = n;
  if (std::string_view("<>!=").find(c) != std::string_view::npos && rest.size() > 1 &&
      std::string_view("<>=").find(rest[1]) != std::string_view::npos) {
    length = 2;
  }
  found.text = rest.substr(0, length);
  if (c == '\0') {
    found.shown = "a NUL byte";
  } else if (c == '\t' || static_cast<unsigned char>(c) < 0x20) {
    found.shown = "a control character";
  } else {
    found.shown = in_quotes(found.text);
  }
  return found;
}

bool follows_digit(std::string_view text, std::uint32_t offset) {
  return offset > 0 && offset <= text.size() && text[offset - 1] >= '0' && text[offset - 1] <= '9';
}

// What an explanation of a failure point goes on: the token found there and what the parse had seen.
struct Clue {
  const Found& found;
  std::string_view text;
  std::uint32_t offset;
  const FailureContext& context;

  bool at_end() const { return found.kind == TokenKind::kEnd; }
  bool at_end_or_semicolon() const { return at_end() || found.is_symbol(';'); }
  bool word() const { return found.kind == TokenKind::kWord; }
  bool string() const { return found.kind == TokenKind::kString; }
  // Whether the found token is the symbol `c` right after the character `before` (the second half of "<>").
  bool symbol_after(char c, char before) const {
    return found.kind == TokenKind::kSymbol && found.text[0] == c && offset > 0 && text[offset - 1] == before;
  }
};

using When = bool (*)(const Clue&);
bool always(const Clue&) { return true; }

// What each failure point expected, for "expected X, found Y": the first entry of the point whose condition holds.
struct Expected {
  FailurePoint point;
  const char* text;
  When when = always;
};

const Expected kExpected[] = {
    {FailurePoint::kSelectKeyword, "SELECT at the start of the query"},
    {FailurePoint::kSelectList, "'*', COUNT(*) or a field name after SELECT"},
    {FailurePoint::kSelectField, "a field name after ','"},
    {FailurePoint::kCountOpen, "'(' after COUNT"},
    {FailurePoint::kCountStar, "'*' in COUNT(*)"},
    {FailurePoint::kCountClose, "')' to close COUNT(*)"},
    {FailurePoint::kFromKeyword, "FROM after '*'", [](const Clue& c) { return c.context.select_is_star; }},
    {FailurePoint::kFromKeyword, "',' or FROM after the select list"},
    {FailurePoint::kModuleName, "a module name after FROM"},
    {FailurePoint::kFieldName, "a field name"},
    {FailurePoint::kPredicateOperator, "an operator (=, !=, <, <=, >, >=, LIKE or IN) after the field name"},
    {FailurePoint::kValue, "a value (a quoted string, an integer or an entity id such as 12x34)"},
    {FailurePoint::kValueClose, "')' after the value"},
    {FailurePoint::kInClose, "',' or ')' in the IN list"},
    {FailurePoint::kByKeyword, "BY after ORDER"},
    {FailurePoint::kOrderField, "a field name to order by"},
    {FailurePoint::kLimitFirst, "a number of rows (an unsigned integer) after LIMIT"},
    {FailurePoint::kLimitSecond, "a number of rows (an unsigned integer) after ','"},
    {FailurePoint::kEndAfterModule, "WHERE, ORDER BY, LIMIT or ';' after the module name"},
    {FailurePoint::kEndAfterWhere, "AND, OR, ORDER BY, LIMIT or ';' after the condition"},
    {FailurePoint::kEndAfterOrder, "LIMIT or ';' after ORDER BY",
     [](const Clue& c) { return c.context.order_has_direction; }},
    {FailurePoint::kEndAfterOrder, "',', ASC, DESC, LIMIT or ';' after the ORDER BY field"},
    {FailurePoint::kEndAfterLimit, "';' after LIMIT", [](const Clue& c) { return c.context.limit_has_offset; }},
    {FailurePoint::kEndAfterLimit, "',' or ';' after the LIMIT number"},
};

// Failure points whose message is not "expected X, found Y": the first entry of the point whose condition holds
// gives the whole message (`text`, then what `found` adds when `then_found`) and the hint.
struct Message {
  FailurePoint point;
  When when;
  const char* text;
  const char* hint;
  bool then_found = false;  // the message goes on with the found token
};

const Message kMessages[] = {
    {FailurePoint::kInListIsLast, always, "an IN list without parentheses must be the last condition",
     "put the values in parentheses: IN ('a', 'b')"},
    {FailurePoint::kEndOfInput, always, "nothing may follow the ';' that ends the query, found ",
     "send one query at a time", true},
    {FailurePoint::kStringBody, [](const Clue& c) { return c.string(); },
     "the empty string '' cannot be written in the vtiger dialect", "write ' ' (a space), which compares equal to ''"},
    {FailurePoint::kStringBody, [](const Clue& c) { return c.at_end(); },
     "unterminated string: it has no closing quote", "close the string with '; write '' for a quote inside it"},
    {FailurePoint::kStringBody, always, "a string holds ", "send the query as UTF-8", true},
    {FailurePoint::kStringClose, [](const Clue& c) { return c.at_end(); },
     "unterminated string: it has no closing quote", "close the string with '; write '' for a quote inside it"},
    {FailurePoint::kStringClose, always, "a string holds ", "send the query as UTF-8", true},
    {FailurePoint::kEscapedChar, [](const Clue& c) { return c.at_end(); },
     "unterminated string: it has no closing quote", ""},
    {FailurePoint::kEscapedChar, always,
     "a backslash before a quote escapes it, so MySQL would read this string differently",
     "write '' for a quote inside a string, and \\\\ for a backslash"},
};

constexpr const char* kNoParentheses =
    "conditions take no parentheses; AND binds tighter than OR, so a = 1 OR b = 2 AND c = 3 means a = 1 OR (b = 2 AND "
    "c "
    "= 3)";

// How to fix the usual causes of a failure: the first entry of the point whose condition holds gives the hint,
// as `text`, or as what `make` writes from the clue.
struct Hint {
  FailurePoint point;
  When when;
  const char* text;
  std::string (*make)(const Clue&) = nullptr;
};

const Hint kHints[] = {
    {FailurePoint::kSelectKeyword,
     [](const Clue& c) { return c.found.is("update") || c.found.is("insert") || c.found.is("delete"); },
     "the query operation reads records only; SELECT is the one statement"},

    {FailurePoint::kSelectList, [](const Clue& c) { return c.found.is("from"); },
     "name the fields to read, or '*' for all of them"},
    {FailurePoint::kSelectList, [](const Clue& c) { return c.string(); }, "field names are not quoted"},

    {FailurePoint::kSelectField, [](const Clue& c) { return c.found.is("count"); },
     "COUNT(*) must be the first item of the select list"},
    {FailurePoint::kSelectField, [](const Clue& c) { return c.found.is_symbol('*'); },
     "'*' cannot be combined with field names"},
    {FailurePoint::kSelectField, [](const Clue& c) { return c.string(); }, "field names are not quoted"},

    {FailurePoint::kCountStar, [](const Clue& c) { return c.word(); },
     "write COUNT(*): to count the records where a field has a value, put a condition on the field in WHERE"},

    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.context.select_is_star && c.found.is_symbol(','); },
     "'*' cannot be combined with field names"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.found.is_symbol('('); },
     "the only function is COUNT(*), as the whole select list"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.found.is("as"); }, "columns cannot be renamed"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.found.is_symbol('.'); },
     "field names take no module prefix: write lastname, not Contacts.lastname"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.word() && c.context.select_is_star; },
     "write FROM before the module name"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.found.is("distinct"); }, "DISTINCT is not supported"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.word(); }, "separate field names with ','"},
    {FailurePoint::kFromKeyword, [](const Clue& c) { return c.at_end_or_semicolon(); },
     "name the module to read: ... FROM Contacts;"},

    {FailurePoint::kModuleName, [](const Clue& c) { return c.at_end_or_semicolon(); },
     "name the module to read, for example FROM Contacts"},

    {FailurePoint::kFieldName, [](const Clue& c) { return c.found.is_symbol('('); }, kNoParentheses},
    {FailurePoint::kFieldName, [](const Clue& c) { return c.found.is("not"); },
     "there is no NOT: write != for one value, or IN with the other values"},
    {FailurePoint::kFieldName, [](const Clue& c) { return c.string(); }, "field names are not quoted"},
    {FailurePoint::kFieldName, [](const Clue& c) { return c.word(); }, nullptr,
     [](const Clue& c) { return in_quotes(c.found.text) + " is a keyword, not a field name"; }},
    {FailurePoint::kFieldName, [](const Clue& c) { return c.at_end_or_semicolon(); }, "a condition is missing"},

    {FailurePoint::kPredicateOperator,
     [](const Clue& c) { return c.found.is("not") || c.found.is("is") || c.found.is("between"); },
     "there is no NOT LIKE, NOT IN, IS [NOT] NULL or BETWEEN: write != for one value, field >= 'a' AND field <= 'b' "
     "for a range; a field without a value matches no condition"},
    {FailurePoint::kPredicateOperator, [](const Clue& c) { return c.found.is_symbol('.'); },
     "field names take no module prefix and a query reads one module: compare the reference field itself (account_id = "
     "'11x5')"},

    {FailurePoint::kValue,
     [](const Clue& c) {
       return c.found.kind == TokenKind::kSymbol && c.found.text == ">" && c.symbol_after('>', '<');
     },
     "write != for 'not equal'"},
    {FailurePoint::kValue, [](const Clue& c) { return c.symbol_after('=', '='); }, "compare with a single '='"},
    {FailurePoint::kValue, [](const Clue& c) { return c.symbol_after('<', '='); }, "write <= for 'less than or equal'"},
    {FailurePoint::kValue, [](const Clue& c) { return c.symbol_after('>', '='); },
     "write >= for 'greater than or equal'"},
    {FailurePoint::kValue, [](const Clue& c) { return c.found.is_symbol('"'); }, "strings take single quotes: 'text'"},
    {FailurePoint::kValue, [](const Clue& c) { return c.found.is_symbol(')'); }, "an IN list needs at least one value"},
    {FailurePoint::kValue, [](const Clue& c) { return c.found.is("null"); },
     "a field without a value matches no comparison; empty text compares equal to ' ' (a space)"},
    {FailurePoint::kValue, [](const Clue& c) { return c.word() && !c.found.is_number(); }, nullptr,
     [](const Clue& c) { return "quote text values: '" + std::string(c.found.text) + "'"; }},
    {FailurePoint::kValue,
     [](const Clue& c) { return c.found.is_symbol('.') || c.found.is_symbol('-') || c.found.is_symbol('%'); },
     "quote the value: decimal numbers, dates and patterns are written as strings"},

    {FailurePoint::kValueClose, [](const Clue& c) { return c.found.is_symbol(','); }, "only IN takes a list of values"},

    {FailurePoint::kInClose, [](const Clue& c) { return c.at_end_or_semicolon(); }, "close the list with ')'"},
    {FailurePoint::kInClose, [](const Clue& c) { return c.word() || c.string(); }, "separate values with ','"},

    {FailurePoint::kByKeyword, always, "sort with ORDER BY field"},

    {FailurePoint::kOrderField, [](const Clue& c) { return c.string(); }, "field names are not quoted"},

    {FailurePoint::kLimitFirst,
     [](const Clue& c) { return c.found.kind == TokenKind::kSignedNumber && c.found.text[0] == '-'; },
     "LIMIT takes no negative numbers"},
    {FailurePoint::kLimitFirst, [](const Clue& c) { return c.string(); }, "LIMIT numbers are not quoted"},
    {FailurePoint::kLimitFirst, [](const Clue& c) { return c.found.is_symbol('('); },
     "LIMIT numbers take no parentheses"},
    {FailurePoint::kLimitFirst, [](const Clue& c) { return c.word() || c.found.kind == TokenKind::kSignedNumber; },
     "LIMIT takes whole numbers written in digits only: LIMIT 10 or LIMIT 20, 10"},

    {FailurePoint::kEndAfterModule, [](const Clue& c) { return c.at_end(); }, "end the query with ';'"},
    {FailurePoint::kEndAfterModule, [](const Clue& c) { return c.found.is_symbol(','); }, "a query reads one module"},
    {FailurePoint::kEndAfterModule, [](const Clue& c) { return c.found.is("group") || c.found.is("having"); },
     "there is no grouping: count each group with its own SELECT count(*) ... WHERE field = 'value';"},
    {FailurePoint::kEndAfterModule, [](const Clue& c) { return c.found.is("by"); }, "sort with ORDER BY field"},

    {FailurePoint::kEndAfterWhere, [](const Clue& c) { return c.at_end(); }, "end the query with ';'"},
    {FailurePoint::kEndAfterWhere,
     [](const Clue& c) { return c.found.kind == TokenKind::kSignedNumber && follows_digit(c.text, c.offset); },
     "quote dates: '2020-01-01'"},
    {FailurePoint::kEndAfterWhere,
     [](const Clue& c) { return c.found.is_symbol('.') && follows_digit(c.text, c.offset); },
     "quote decimal numbers: '1.5'"},
    {FailurePoint::kEndAfterWhere, [](const Clue& c) { return c.found.is_symbol('('); }, kNoParentheses},
    {FailurePoint::kEndAfterWhere, [](const Clue& c) { return c.string() || c.found.is_symbol(','); },
     "only IN takes a list of values"},
    {FailurePoint::kEndAfterWhere, [](const Clue& c) { return c.found.is_symbol('|') || c.found.is_symbol('&'); },
     "join conditions with AND or OR"},

    {FailurePoint::kEndAfterOrder,
     [](const Clue& c) { return c.context.order_has_direction && c.found.is_symbol(','); },
     "only the last ORDER BY field takes a direction; the others sort ascending"},
    {FailurePoint::kEndAfterOrder, [](const Clue& c) { return c.found.is("where"); }, "WHERE comes before ORDER BY"},
    {FailurePoint::kEndAfterOrder, [](const Clue& c) { return c.at_end(); }, "end the query with ';'"},

    {FailurePoint::kEndAfterLimit, [](const Clue& c) { return c.found.is("offset"); }, "write LIMIT offset, count"},
    {FailurePoint::kEndAfterLimit, [](const Clue& c) { return c.found.is_symbol(','); },
     "LIMIT takes at most two numbers: LIMIT offset, count"},
    {FailurePoint::kEndAfterLimit,
     [](const Clue& c) { return c.found.is("order") || c.found.is("orderby") || c.found.is("where"); },
     "LIMIT comes last, after WHERE and ORDER BY"},
    {FailurePoint::kEndAfterLimit, [](const Clue& c) { return c.at_end(); }, "end the query with ';'"},
};

struct Explanation {
  std::string message;
  std::string hint;
};

Explanation explain(FailurePoint point, const Found& found, std::string_view text, std::uint32_t offset,
                    const FailureContext& context) {
  const Clue clue{found, text, offset, context};
  for (const Message& m : kMessages) {
    if (m.point == point && m.when(clue)) return {m.then_found ? m.text + found.shown : m.text, m.hint};
  }
  Explanation e;
  for (const Expected& x : kExpected) {
    if (x.point == point && x.when(clue)) {
      e.message = "expected " + std::string(x.text) + ", found " + found.shown;
      break;
    }
  }
  // The two numbers of LIMIT go wrong in the same ways.
  const FailurePoint hinted = point == FailurePoint::kLimitSecond ? FailurePoint::kLimitFirst : point;
  for (const Hint& h : kHints) {
    if (h.point == hinted && h.when(clue)) {
      e.hint = h.make != nullptr ? h.make(clue) : h.text;
      break;
    }
  }
  return e;
}

}  // namespace

bool is_reserved_word(const char* word, std::size_t length) noexcept {
  static constexpr std::string_view kByLength[8][4] = {
      {},         {},         {"in", "or", "by"}, {"and", "asc"}, {"like", "desc"}, {"where", "order", "limit"},
      {"select"}, {"orderby"}};
  if (length < 2 || length > 7) return false;
  const std::string_view w(word, length);
  for (const std::string_view k : kByLength[length]) {
    if (!k.empty() && iequals(w, k)) return true;
  }
  return false;
}

Error syntax_error(FailurePoint point, std::string_view text, std::uint32_t offset, const FailureContext& context) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const Found found = find_token(text, offset);
  Explanation e = explain(point, found, text, offset, context);
  Error error =
      Error::syntax(std::move(e.message),
                    {offset, static_cast<std::uint32_t>(found.kind == TokenKind::kString ? 1 : found.text.size())},
                    std::move(e.hint));
  const bool in_string =
      point == FailurePoint::kStringBody || point == FailurePoint::kStringClose || point == FailurePoint::kEscapedChar;
  if (in_string && found.kind == TokenKind::kEnd) error.span = {context.string_start, 1};
  if (point == FailurePoint::kStringBody && found.kind == TokenKind::kString) error.span = {context.string_start, 2};
  return error;
}

}  // namespace vtql::grammar
