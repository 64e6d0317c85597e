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

struct Explanation {
  std::string expected;
  std::string hint;
  std::string message;  // replaces "expected X, found Y" when set
};

Explanation explain(FailurePoint point, const Found& found, std::string_view text, std::uint32_t offset,
                    const FailureContext& context) {
  Explanation e;
  const bool at_end = found.kind == TokenKind::kEnd;
  const bool at_semicolon = found.is_symbol(';');
  switch (point) {
    case FailurePoint::kSelectKeyword:
      e.expected = "SELECT at the start of the query";
      if (found.is("update") || found.is("insert") || found.is("delete")) {
        e.hint = "the query operation reads records only; SELECT is the one statement";
      }
      break;
    case FailurePoint::kSelectList:
      e.expected = "'*', COUNT(*) or a field name after SELECT";
      if (found.is("from")) e.hint = "name the fields to read, or '*' for all of them";
      if (found.kind == TokenKind::kString) e.hint = "field names are not quoted";
      break;
    case FailurePoint::kSelectField:
      e.expected = "a field name after ','";
      if (found.is("count")) e.hint = "COUNT(*) must be the first item of the select list";
      if (found.is_symbol('*')) e.hint = "'*' cannot be combined with field names";
      if (found.kind == TokenKind::kString) e.hint = "field names are not quoted";
      break;
    case FailurePoint::kCountOpen:
      e.expected = "'(' after COUNT";
      break;
    case FailurePoint::kCountStar:
      e.expected = "'*' in COUNT(*)";
      if (found.kind == TokenKind::kWord)
        e.hint =
            "write COUNT(*): to count the records where a field has a value, put a condition on the field in WHERE";
      break;
    case FailurePoint::kCountClose:
      e.expected = "')' to close COUNT(*)";
      break;
    case FailurePoint::kFromKeyword:
      e.expected = context.select_is_star ? "FROM after '*'" : "',' or FROM after the select list";
      if (context.select_is_star && found.is_symbol(',')) {
        e.hint = "'*' cannot be combined with field names";
      } else if (found.is_symbol('(')) {
        e.hint = "the only function is COUNT(*), as the whole select list";
      } else if (found.is("as")) {
        e.hint = "columns cannot be renamed";
      } else if (found.is_symbol('.')) {
        e.hint = "field names take no module prefix: write lastname, not Contacts.lastname";
      } else if (found.kind == TokenKind::kWord && context.select_is_star) {
        e.hint = "write FROM before the module name";
      } else if (found.is("distinct")) {
        e.hint = "DISTINCT is not supported";
      } else if (found.kind == TokenKind::kWord) {
        e.hint = "separate field names with ','";
      } else if (at_end || at_semicolon) {
        e.hint = "name the module to read: ... FROM Contacts;";
      }
      break;
    case FailurePoint::kModuleName:
      e.expected = "a module name after FROM";
      if (at_end || at_semicolon) e.hint = "name the module to read, for example FROM Contacts";
      break;
    case FailurePoint::kFieldName:
      e.expected = "a field name";
      if (found.is_symbol('(')) {
        e.hint =
            "conditions take no parentheses; AND binds tighter than OR, so a = 1 OR b = 2 AND c = 3 means a = 1 OR (b "
            "= 2 AND c = 3)";
      } else if (found.is("not")) {
        e.hint = "there is no NOT: write != for one value, or IN with the other values";
      } else if (found.kind == TokenKind::kString) {
        e.hint = "field names are not quoted";
      } else if (found.kind == TokenKind::kWord) {
        e.hint = in_quotes(found.text) + " is a keyword, not a field name";
      } else if (at_end || at_semicolon) {
        e.hint = "a condition is missing";
      }
      break;
    case FailurePoint::kPredicateOperator:
      e.expected = "an operator (=, !=, <, <=, >, >=, LIKE or IN) after the field name";
      if (found.is("not") || found.is("is") || found.is("between")) {
        e.hint =
            "there is no NOT LIKE, NOT IN, IS [NOT] NULL or BETWEEN: write != for one value, field >= 'a' AND "
            "field <= 'b' for a range; a field without a value matches no condition";
      } else if (found.is_symbol('.')) {
        e.hint =
            "field names take no module prefix and a query reads one module: compare the reference field itself "
            "(account_id = '11x5')";
      }
      break;
    case FailurePoint::kValue:
      e.expected = "a value (a quoted string, an integer or an entity id such as 12x34)";
      if (found.kind == TokenKind::kSymbol && found.text == ">" && offset > 0 && text[offset - 1] == '<') {
        e.hint = "write != for 'not equal'";
      } else if (found.kind == TokenKind::kSymbol && found.text[0] == '=' && offset > 0 && text[offset - 1] == '=') {
        e.hint = "compare with a single '='";
      } else if (found.kind == TokenKind::kSymbol && found.text[0] == '<' && offset > 0 && text[offset - 1] == '=') {
        e.hint = "write <= for 'less than or equal'";
      } else if (found.kind == TokenKind::kSymbol && found.text[0] == '>' && offset > 0 && text[offset - 1] == '=') {
        e.hint = "write >= for 'greater than or equal'";
      } else if (found.is_symbol('"')) {
        e.hint = "strings take single quotes: 'text'";
      } else if (found.is_symbol(')')) {
        e.hint = "an IN list needs at least one value";
      } else if (found.is("null")) {
        e.hint = "a field without a value matches no comparison; empty text compares equal to ' ' (a space)";
      } else if (found.kind == TokenKind::kWord && !found.is_number()) {
        e.hint = "quote text values: '" + std::string(found.text) + "'";
      } else if (found.is_symbol('.') || found.is_symbol('-') || found.is_symbol('%')) {
        e.hint = "quote the value: decimal numbers, dates and patterns are written as strings";
      }
      break;
    case FailurePoint::kValueClose:
      e.expected = "')' after the value";
      if (found.is_symbol(',')) e.hint = "only IN takes a list of values";
      break;
    case FailurePoint::kInClose:
      e.expected = "',' or ')' in the IN list";
      if (found.kind == TokenKind::kWord || found.kind == TokenKind::kString) e.hint = "separate values with ','";
      if (at_end || at_semicolon) e.hint = "close the list with ')'";
      break;
    case FailurePoint::kInListIsLast:
      e.message = "an IN list without parentheses must be the last condition";
      e.hint = "put the values in parentheses: IN ('a', 'b')";
      break;
    case FailurePoint::kByKeyword:
      e.expected = "BY after ORDER";
      e.hint = "sort with ORDER BY field";
      break;
    case FailurePoint::kOrderField:
      e.expected = "a field name to order by";
      if (found.kind == TokenKind::kString) e.hint = "field names are not quoted";
      break;
    case FailurePoint::kLimitFirst:
    case FailurePoint::kLimitSecond:
      e.expected = point == FailurePoint::kLimitFirst ? "a number of rows (an unsigned integer) after LIMIT"
                                                      : "a number of rows (an unsigned integer) after ','";
      if (found.kind == TokenKind::kSignedNumber && found.text[0] == '-') {
        e.hint = "LIMIT takes no negative numbers";
      } else if (found.kind == TokenKind::kString) {
        e.hint = "LIMIT numbers are not quoted";
      } else if (found.is_symbol('(')) {
        e.hint = "LIMIT numbers take no parentheses";
      } else if (found.kind == TokenKind::kWord || found.kind == TokenKind::kSignedNumber) {
        e.hint = "LIMIT takes whole numbers written in digits only: LIMIT 10 or LIMIT 20, 10";
      }
      break;
    case FailurePoint::kEndAfterModule:
      e.expected = "WHERE, ORDER BY, LIMIT or ';' after the module name";
      if (at_end) {
        e.hint = "end the query with ';'";
      } else if (found.is_symbol(',')) {
        e.hint = "a query reads one module";
      } else if (found.is("group") || found.is("having")) {
        e.hint = "there is no grouping: count each group with its own SELECT count(*) ... WHERE field = 'value';";
      } else if (found.is("by")) {
        e.hint = "sort with ORDER BY field";
      }
      break;
    case FailurePoint::kEndAfterWhere:
      e.expected = "AND, OR, ORDER BY, LIMIT or ';' after the condition";
      if (at_end) {
        e.hint = "end the query with ';'";
      } else if (found.kind == TokenKind::kSignedNumber && follows_digit(text, offset)) {
        e.hint = "quote dates: '2020-01-01'";
      } else if (found.is_symbol('.') && follows_digit(text, offset)) {
        e.hint = "quote decimal numbers: '1.5'";
      } else if (found.is_symbol('(')) {
        e.hint =
            "conditions take no parentheses; AND binds tighter than OR, so a = 1 OR b = 2 AND c = 3 means a = 1 OR (b "
            "= 2 AND c = 3)";
      } else if (found.kind == TokenKind::kString || found.is_symbol(',')) {
        e.hint = "only IN takes a list of values";
      } else if (found.is_symbol('|') || found.is_symbol('&')) {
        e.hint = "join conditions with AND or OR";
      }
      break;
    case FailurePoint::kEndAfterOrder:
      e.expected = context.order_has_direction ? "LIMIT or ';' after ORDER BY"
                                               : "',', ASC, DESC, LIMIT or ';' after the ORDER BY field";
      if (context.order_has_direction && found.is_symbol(',')) {
        e.hint = "only the last ORDER BY field takes a direction; the others sort ascending";
      } else if (found.is("where")) {
        e.hint = "WHERE comes before ORDER BY";
      } else if (at_end) {
        e.hint = "end the query with ';'";
      }
      break;
    case FailurePoint::kEndAfterLimit:
      e.expected = context.limit_has_offset ? "';' after LIMIT" : "',' or ';' after the LIMIT number";
      if (found.is("offset")) {
        e.hint = "write LIMIT offset, count";
      } else if (found.is_symbol(',')) {
        e.hint = "LIMIT takes at most two numbers: LIMIT offset, count";
      } else if (found.is("order") || found.is("orderby") || found.is("where")) {
        e.hint = "LIMIT comes last, after WHERE and ORDER BY";
      } else if (at_end) {
        e.hint = "end the query with ';'";
      }
      break;
    case FailurePoint::kEndOfInput:
      e.message = "nothing may follow the ';' that ends the query, found " + found.shown;
      e.hint = "send one query at a time";
      break;
    case FailurePoint::kStringBody:
      if (found.kind == TokenKind::kString) {
        e.message = "the empty string '' cannot be written in the vtiger dialect";
        e.hint = "write ' ' (a space), which compares equal to ''";
      }
      [[fallthrough]];
    case FailurePoint::kStringClose:
      if (!e.message.empty()) break;
      if (at_end) {
        e.message = "unterminated string: it has no closing quote";
        e.hint = "close the string with '; write '' for a quote inside it";
      } else {
        e.message = "a string holds " + found.shown;
        e.hint = "send the query as UTF-8";
      }
      break;
    case FailurePoint::kEscapedChar:
      if (at_end) {
        e.message = "unterminated string: it has no closing quote";
      } else {
        e.message = "a backslash before a quote escapes it, so MySQL would read this string differently";
        e.hint = "write '' for a quote inside a string, and \\\\ for a backslash";
      }
      break;
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
      Error::syntax(e.message.empty() ? "expected " + e.expected + ", found " + found.shown : std::move(e.message),
                    {offset, static_cast<std::uint32_t>(found.kind == TokenKind::kString ? 1 : found.text.size())},
                    std::move(e.hint));
  const bool in_string =
      point == FailurePoint::kStringBody || point == FailurePoint::kStringClose || point == FailurePoint::kEscapedChar;
  if (in_string && found.kind == TokenKind::kEnd) error.span = {context.string_start, 1};
  if (point == FailurePoint::kStringBody && found.kind == TokenKind::kString) error.span = {context.string_start, 2};
  return error;
}

}  // namespace vtql::grammar
