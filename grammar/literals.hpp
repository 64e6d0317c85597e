// Rules for values: quoted strings (read as MySQL reads them), integers, entity ids and booleans.
#pragma once

#include "grammar/lexical.hpp"

namespace vtql::grammar {

// A string is what the original lexer reads, '(?:[^']|'')+': `''` is a quote inside it. Its content must also
// read the same way under MySQL's backslash escapes, so a backslash may not escape a quote (it would move the end
// of the string in MySQL). Characters must be valid UTF-8.
struct quote : pegtl::one<'\''> {};
struct doubled_quote : pegtl::two<'\''> {};
struct escaped_char : pegtl::utf8::not_one<'\''> {};
struct escape : pegtl::seq<pegtl::one<'\\'>, escaped_char> {};
struct plain_char : pegtl::utf8::not_one<'\'', '\\'> {};
struct string_char : pegtl::sor<doubled_quote, escape, plain_char> {};
struct string_body : pegtl::plus<string_char> {};
struct string_close : quote {};
struct string_literal : pegtl::seq<quote, string_body, string_close> {};

// Written without quotes: 12x34 (an entity id), 42, -5, +5, TRUE, FALSE.
struct entity_id_literal : pegtl::seq<digits, pegtl::one<'x'>, digits, pegtl::not_at<word_char>> {};
struct integer_literal : pegtl::seq<pegtl::opt<pegtl::one<'+', '-'>>, digits, pegtl::not_at<word_char>> {};
struct true_literal : kw_true {};
struct false_literal : kw_false {};

struct value : pegtl::sor<string_literal, entity_id_literal, integer_literal, true_literal, false_literal> {};

}  // namespace vtql::grammar
