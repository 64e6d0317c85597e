// Rules for the whole statement: SELECT list FROM module [WHERE] [ORDER BY] [LIMIT] ';'.
#pragma once

#include "grammar/condition.hpp"

namespace vtql::grammar {

struct select_keyword : kw_select {};

struct select_star : pegtl::one<'*'> {};
struct count_open : pegtl::one<'('> {};
struct count_star : pegtl::one<'*'> {};
struct count_close : pegtl::one<')'> {};
struct select_count : pegtl::seq<kw_count, sep, count_open, sep, count_star, sep, count_close> {};

// A field in the select list; `from` ends the list and `count(` is COUNT(*) in the wrong place.
template <int Position>
struct select_field_at : pegtl::seq<pegtl::not_at<kw_from>, pegtl::not_at<kw_count, sep, pegtl::one<'('>>, word> {};
struct first_select_field : select_field_at<0> {};
struct select_field : select_field_at<1> {};
struct more_select_fields : pegtl::star<sep, comma, sep, select_field> {};

// COUNT(*) may be followed by fields, which are accepted and ignored.
struct select_list : pegtl::sor<select_star, pegtl::seq<select_count, more_select_fields>,
                                pegtl::seq<first_select_field, more_select_fields>> {};

struct from_keyword : kw_from {};
struct module_name : word {};

struct by_keyword : kw_by {};
struct order_keyword : pegtl::sor<kw_orderby, pegtl::seq<kw_order, sep, by_keyword>> {};
struct order_field : unreserved_word {};
struct ascending : kw_asc {};
struct descending : kw_desc {};
struct order_clause : pegtl::seq<order_keyword, sep, order_field, pegtl::star<sep, comma, sep, order_field>,
                                 pegtl::opt<sep, pegtl::sor<ascending, descending>>> {};

struct limit_first : pegtl::seq<digits, pegtl::not_at<word_char>> {};
struct limit_second : pegtl::seq<digits, pegtl::not_at<word_char>> {};
struct limit_clause : pegtl::seq<kw_limit, sep, limit_first, pegtl::opt<sep, comma, sep, limit_second>> {};

// The ';' that ends the statement, one rule per clause it may follow, so that each says what else could come.
struct end_after_module : semicolon {};
struct end_after_where : semicolon {};
struct end_after_order : semicolon {};
struct end_after_limit : semicolon {};

struct after_limit : pegtl::seq<limit_clause, sep, end_after_limit> {};
struct after_order : pegtl::seq<order_clause, sep, pegtl::sor<after_limit, end_after_order>> {};
struct after_where : pegtl::seq<where_clause, sep, pegtl::sor<after_order, after_limit, end_after_where>> {};
struct clauses : pegtl::sor<after_where, after_order, after_limit, end_after_module> {};

struct end_of_input : pegtl::eof {};

struct statement : pegtl::seq<sep, select_keyword, sep, select_list, sep, from_keyword, sep, module_name, sep, clauses,
                              sep, end_of_input> {};

}  // namespace vtql::grammar
