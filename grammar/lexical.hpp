// Lexical rules of the query language: whitespace, words, keywords and punctuation.
#pragma once

#include <tao/pegtl.hpp>

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

// Words that the original's lexer always reads as keywords after the module name, so they never name a field there.
struct reserved_word
    : pegtl::sor<kw_select, kw_from, kw_where, kw_and, kw_or, kw_in, kw_like, kw_order, kw_by, kw_orderby, kw_asc,
                 kw_desc, kw_limit> {};

}  // namespace vtql::grammar
