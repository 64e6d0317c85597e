// The text collation, MySQL/MariaDB utf8_general_ci: character weights, comparison, sort keys and LIKE.
//
// Every character weighs one 16-bit value (engine/types/collation_weights.inc, generated from a real MariaDB by
// tools/collation/generate_weights.sh); strings compare by their weight sequences. The weights fold case and most
// accents, not all: 'Müller' = 'MULLER', 'ß' = 's', but 'Ł' != 'L' and 'ss' != 'ß'.
//
// Text is UTF-8, decoded on the fly as MariaDB's utf8mb3 decodes it (which accepts the 3-byte encodings of
// surrogates). Two cases MariaDB's utf8 columns cannot hold get a weight of their own:
//   - a 4-byte character (outside the BMP) weighs 0xFFFD, as every one does in utf8mb4_general_ci;
//   - each byte that starts no valid sequence (stray continuation, overlong, truncated sequence) is one character
//     weighing 0xFFFD. MariaDB stores such a byte as '?' and, when one arrives in a literal, falls back to comparing
//     the remaining bytes, which no weight can imitate; 0xFFFD at least never equals '?' or any ASCII character.
//
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vtql::types::collation {

inline constexpr std::uint16_t kReplacementWeight = 0xFFFD;
inline constexpr std::uint16_t kSpaceWeight = 0x0020;  // only U+0020 weighs this

// The weight of one code point; 0xFFFD above the BMP.
std::uint16_t weight(char32_t c) noexcept;

// -1, 0 or 1 as a orders before, with or after b. PAD SPACE: the shorter string is compared as if padded with
// spaces, so 'Lee ' = 'Lee', and 'a\t' < 'a' because the tab weighs less than the space 'a' is padded with.
int compare(std::string_view a, std::string_view b) noexcept;

// compare(a, b) == 0.
bool equal(std::string_view a, std::string_view b) noexcept;

// Appends a key whose bytes order under memcmp (or std::string's <) as compare() orders the strings and which is
// equal exactly for equal strings, for hashing, grouping and sorting. Mostly the big-endian 16-bit weights with
// trailing spaces dropped; because of PAD SPACE ('a\t' < 'a' < 'a!'), each run of inner spaces and the end of the
// string are encoded so that they compare as the spaces they stand for (see collation.cpp).
void append_sort_key(std::string_view s, std::string& out);

// MySQL's `value LIKE pattern`: '%' matches any run of characters, '_' exactly one character, a backslash makes
// the next pattern character literal (a backslash at the very end is itself literal); other characters match by
// weight ('Müller' LIKE 'mul%'). Trailing spaces count: 'a ' LIKE 'a' is false. Takes O(|value| * |pattern|)
// time at worst, whatever the pattern.
bool like(std::string_view value, std::string_view pattern) noexcept;

}  // namespace vtql::types::collation
