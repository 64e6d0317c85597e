// Lexical rules of the query language: whitespace, words, keywords and punctuation.
#pragma once

#include <cstddef>
#include <cstdint>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace vtql::grammar {

namespace pegtl = tao::pegtl;

// Space, tab, CR and LF separate tokens anywhere; nothing else is whitespace.
struct ws : pegtl::one<' ', '\t', '\r', '\n'> {};
struct sep : pegtl::star<ws> {};

// The original lexer's \w: ASCII letters, digits and underscore. Field and module names are words.
struct word_char : pegtl::identifier_other {};
struct word : pegtl::plus<word_char> {};
struct digits : pegtl::plus<pegtl::digit> {};

struct comma : pegtl::one<','> {};
struct semicolon : pegtl::one<';'> {};

// A case-insensitive keyword that is a whole word: `order` does not match the start of `orderdate`.
template <typename Spelling>
struct keyword : pegtl::seq<Spelling, pegtl::not_at<word_char>> {};

struct kw_select : keyword<TAO_PEGTL_ISTRING("select")> {};
struct kw_from : keyword<TAO_PEGTL_ISTRING("from")> {};
struct kw_where : keyword<TAO_PEGTL_ISTRING("where")> {};
struct kw_and : keyword<TAO_PEGTL_ISTRING("and")> {};
struct kw_or : keyword<TAO_PEGTL_ISTRING("or")> {};
struct kw_in : keyword<TAO_PEGTL_ISTRING("in")> {};
struct kw_like : keyword<TAO_PEGTL_ISTRING("like")> {};
struct kw_order : keyword<TAO_PEGTL_ISTRING("order")> {};
struct kw_by : keyword<TAO_PEGTL_ISTRING("by")> {};
struct kw_orderby : keyword<TAO_PEGTL_ISTRING("orderby")> {};
struct kw_asc : keyword<TAO_PEGTL_ISTRING("asc")> {};
struct kw_desc : keyword<TAO_PEGTL_ISTRING("desc")> {};
struct kw_limit : keyword<TAO_PEGTL_ISTRING("limit")> {};
struct kw_count : keyword<TAO_PEGTL_ISTRING("count")> {};
struct kw_true : keyword<TAO_PEGTL_ISTRING("true")> {};
struct kw_false : keyword<TAO_PEGTL_ISTRING("false")> {};
struct kw_not : keyword<TAO_PEGTL_ISTRING("not")> {};

// Whether `word` is one that the original's lexer always reads as a keyword after the module name (select from
// where and or in like order by orderby asc desc limit), so that it never names a field there.
bool is_reserved_word(const char* word, std::size_t length) noexcept;

// A word that is not a reserved word: a field name in WHERE and ORDER BY. One pass over the word and a lookup by
// length, where a chain of keyword rules would try thirteen matches on every field name.
struct unreserved_word {
  using rule_t = unreserved_word;
  using subs_t = pegtl::empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* p = in.current();
    const std::size_t available = in.size(SIZE_MAX);
    std::size_t n = 0;
    while (n < available && is_word_byte(p[n])) ++n;
    if (n == 0 || is_reserved_word(p, n)) return false;
    in.bump_in_this_line(n);
    return true;
  }

  static bool is_word_byte(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
};

}  // namespace vtql::grammar

namespace tao::pegtl {
// For pegtl::analyze: the rule consumes input when it succeeds.
template <typename Name>
struct analyze_traits<Name, vtql::grammar::unreserved_word> : analyze_any_traits<> {};
}  // namespace tao::pegtl
