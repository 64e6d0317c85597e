// Rules for the WHERE condition: predicates joined by AND and OR, AND binding tighter.
#pragma once

#include "grammar/literals.hpp"

namespace vtql::grammar {

struct op_ne : pegtl::string<'!', '='> {};
struct op_le : pegtl::string<'<', '='> {};
struct op_ge : pegtl::string<'>', '='> {};
struct op_lt : pegtl::one<'<'> {};
struct op_gt : pegtl::one<'>'> {};
struct op_eq : pegtl::one<'='> {};
struct op_like : kw_like {};
struct compare_op : pegtl::sor<op_ne, op_le, op_ge, op_lt, op_gt, op_eq, op_like> {};

// A word before an operator is a field, as in the original (`not = 'a'` asks for a field named not); but NOT before
// anything else is a negation, which the vtiger dialect does not have, and the error says so at NOT.
struct field_name
    : pegtl::seq<pegtl::not_at<kw_not, sep, pegtl::not_at<pegtl::sor<compare_op, kw_in>>>, unreserved_word> {};

// `= ('a')` is the same as `= 'a'`; only IN takes several values.
struct value_close : pegtl::one<')'> {};
struct parenthesized_value : pegtl::seq<pegtl::one<'('>, sep, value, sep, value_close> {};
struct single_value : pegtl::sor<parenthesized_value, value> {};

// IN ('a', 'b') anywhere, or IN 'a', 'b' as the last condition (the original lexer stays in its list mode).
struct in_op : kw_in {};
struct in_close : pegtl::one<')'> {};
struct more_values : pegtl::star<comma, sep, value, sep> {};
struct in_list_parenthesized : pegtl::seq<pegtl::one<'('>, sep, value, sep, more_values, in_close> {};
struct in_list_is_last : pegtl::not_at<pegtl::sor<kw_and, kw_or>> {};
struct in_list_bare : pegtl::seq<value, sep, more_values, in_list_is_last> {};
struct in_tail : pegtl::seq<in_op, sep, pegtl::sor<in_list_parenthesized, in_list_bare>> {};

struct compare_tail : pegtl::seq<compare_op, sep, single_value> {};
struct predicate_operator : pegtl::sor<in_tail, compare_tail> {};
struct predicate : pegtl::seq<field_name, sep, predicate_operator> {};

// Zero-width marks where an AND or OR group starts, so that its action knows which operands are its own.
struct conjunction_start : pegtl::success {};
struct disjunction_start : pegtl::success {};
struct conjunction : pegtl::seq<conjunction_start, predicate, pegtl::star<sep, kw_and, sep, predicate>> {};
struct disjunction : pegtl::seq<disjunction_start, conjunction, pegtl::star<sep, kw_or, sep, conjunction>> {};

struct where_clause : pegtl::seq<kw_where, sep, disjunction> {};

}  // namespace vtql::grammar
