// The utf8_general_ci collation: weights, PAD SPACE comparison, sort keys, LIKE and invalid UTF-8.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "engine/types/collation.hpp"
#include "engine/types/utf8.hpp"

namespace vtql::types::collation {
namespace {

using namespace std::string_view_literals;

std::string sort_key(std::string_view s) {
  std::string key;
  append_sort_key(s, key);
  return key;
}

int sign(int v) { return (v > 0) - (v < 0); }

int key_compare(std::string_view a, std::string_view b) { return sign(sort_key(a).compare(sort_key(b))); }

TEST(Collation, WeightsComeFromMariaDb) {
  EXPECT_EQ(weight(U'a'), 0x41);
  EXPECT_EQ(weight(U'A'), 0x41);
  EXPECT_EQ(weight(U'ü'), 0x55);
  EXPECT_EQ(weight(U'ß'), 0x53);  // one character, one weight: 'ß' = 's', not 'ss'
  EXPECT_EQ(weight(U'ſ'), 0x53);
  EXPECT_EQ(weight(U'Ł'), 0x141);  // Ł is not an L with an accent
  EXPECT_EQ(weight(U'ł'), 0x141);
  EXPECT_EQ(weight(U'µ'), 0x39C);  // the micro sign weighs as the Greek capital mu
  EXPECT_EQ(weight(U'ς'), weight(U'Σ'));
  EXPECT_EQ(weight(U'ё'), weight(U'Е'));  // Cyrillic io folds to ie
  EXPECT_NE(weight(U'й'), weight(U'и'));
  EXPECT_EQ(weight(U'ａ'), 0xFF21);  // fullwidth letters fold case but stay apart from ASCII
  EXPECT_EQ(weight(U'\0'), 0);
  EXPECT_EQ(weight(U' '), kSpaceWeight);
  EXPECT_EQ(weight(U'\u00A0'), 0xA0);  // no-break space is not a space
  EXPECT_EQ(weight(char32_t{0xD800}), 0xD800);
  EXPECT_EQ(weight(U'\uFFFF'), 0xFFFF);
  EXPECT_EQ(weight(U'😀'), kReplacementWeight);
  EXPECT_EQ(weight(char32_t{0x110000}), kReplacementWeight);
  // PAD SPACE pads with U+0020's weight, and nothing else shares it.
  for (std::uint32_t c = 0; c <= 0xFFFF; ++c) {
    if (c != ' ') {
      EXPECT_NE(weight(c), kSpaceWeight) << std::hex << c;
    }
  }
}

TEST(Collation, EqualityFoldsCaseAndMostAccents) {
  EXPECT_TRUE(equal("muller", "Müller"));
  EXPECT_TRUE(equal("Müller", "MÜLLER"));
  EXPECT_TRUE(equal("Straße", "Strase"));
  EXPECT_FALSE(equal("Straße", "Strasse"));
  EXPECT_FALSE(equal("Mueller", "Müller"));
  EXPECT_FALSE(equal("Łódź", "lodz"));
  EXPECT_TRUE(equal("Łódź", "łodz"));
  EXPECT_TRUE(equal("Œuvre", "œuvre"));
  EXPECT_TRUE(equal("ΆΛΦΑ", "αλφα"));
  EXPECT_TRUE(equal("Ёлка", "елка"));
  EXPECT_FALSE(equal("Øre", "Ore"));
  EXPECT_FALSE(equal("Æble", "Aeble"));
  EXPECT_TRUE(equal("", ""));
  EXPECT_FALSE(equal("a", "b"));
}

TEST(Collation, PadSpace) {
  EXPECT_TRUE(equal("Lee ", "Lee"));
  EXPECT_TRUE(equal("Lee", "Lee     "));
  EXPECT_TRUE(equal("", "   "));
  EXPECT_FALSE(equal(" Lee", "Lee"));
  EXPECT_FALSE(equal("Lee\t", "Lee"));
  EXPECT_FALSE(equal("Lee\u00A0", "Lee"));
  // The shorter side is padded with spaces, so what follows the common part is weighed against a space.
  EXPECT_EQ(compare("a\t", "a"), -1);
  EXPECT_EQ(compare("a", "a\t"), 1);
  EXPECT_EQ(compare("a\0"sv, "a"), -1);
  EXPECT_EQ(compare("a \t", "a  \t"), -1);
  EXPECT_EQ(compare("a  \t", "a"), -1);
  EXPECT_EQ(compare("a !", "a  !"), 1);
  EXPECT_EQ(compare("a  !", "a"), 1);
  EXPECT_EQ(compare("a b", "a"), 1);
  EXPECT_EQ(compare("\t", ""), -1);  // so '' sorts first only among strings without control characters
}

TEST(Collation, Ordering) {
  EXPECT_EQ(compare("", "a"), -1);
  EXPECT_EQ(compare("", "!"), -1);
  EXPECT_EQ(compare(" Zed", "Adam"), -1);  // a leading space sorts first
  EXPECT_EQ(compare("apple", "Banana"), -1);
  EXPECT_EQ(compare("Äpfel", "apfel"), 0);
  EXPECT_EQ(compare("Äpfel", "Apfelsine"), -1);
  EXPECT_EQ(compare("Öl", "Oz"), -1);
  EXPECT_EQ(compare("Éclair", "ecluse"), -1);
  EXPECT_EQ(compare("Zzz", "Łukasz"), -1);  // Ł weighs 0x141, after every ASCII letter
  EXPECT_EQ(compare("Zzz", "Æbc"), -1);
  EXPECT_EQ(compare("Zzz", "Øre"), -1);
  EXPECT_EQ(compare("Straße", "Strasse"), -1);  // ß weighs as s, and 'Strase' < 'Strasse'
  EXPECT_EQ(compare("Müller", "Mueller"), 1);
  EXPECT_EQ(compare("abc", "ab"), 1);
  EXPECT_EQ(compare("ab", "abc"), -1);
  EXPECT_EQ(compare("Zürich", "Ωmega"), -1);
  EXPECT_EQ(compare("Ωmega", "Москва"), -1);
  EXPECT_EQ(compare("Москва", "東京"), -1);
}

TEST(Collation, InvalidUtf8IsOneReplacementCharacterPerByte) {
  EXPECT_TRUE(equal("a\xff", "a\xfe"));
  EXPECT_TRUE(equal("\xff", "\xef\xbf\xbd"));  // U+FFFD itself
  EXPECT_FALSE(equal("a\xff", "a?"));
  EXPECT_EQ(compare("a\xff", "az"), 1);
  EXPECT_TRUE(like("\xc3", "_"));         // truncated 2-byte sequence
  EXPECT_TRUE(like("a\xe2\x82", "a__"));  // truncated 3-byte sequence: two bytes, two characters
  EXPECT_TRUE(like("\xc0\xaf", "__"));    // overlong '/'
  EXPECT_FALSE(equal("\xc0\xaf", "/"));
  EXPECT_TRUE(like("\x80\x80x", "__x"));   // stray continuation bytes
  EXPECT_TRUE(like("\xed\xa0\x80", "_"));  // an encoded surrogate is one character, as in MariaDB's utf8mb3
  EXPECT_FALSE(equal("\xed\xa0\x80", "\xef\xbf\xbd"));
  EXPECT_TRUE(like("\xf4\x90\x80\x80", "____"));  // above U+10FFFF
  EXPECT_TRUE(like("😀", "_"));
  EXPECT_TRUE(equal("😀", "😁"));  // every 4-byte character weighs 0xFFFD
  EXPECT_TRUE(equal("😀 ", "\xef\xbf\xbd"));
  EXPECT_EQ(sort_key("a\xff"), sort_key("A\xfe"));
}

struct LikeCase {
  const char* value;
  const char* pattern;
  bool matches;
};

TEST(Collation, LikeTruthTable) {
  const LikeCase cases[] = {
      {"Müller", "mul%", true},
      {"Müller", "MULLER", true},
      {"Müller", "m_ller", true},
      {"Mueller", "m_ller", false},
      {"Straße", "stra_e", true},
      {"Straße", "strasse", false},
      {"Łódź", "l%", false},
      {"", "", true},
      {"a", "", false},
      {"", "%", true},
      {"", "%%", true},
      {"", "_", false},
      {"abc", "%", true},
      {"abc", "a%", true},
      {"abc", "%c", true},
      {"abc", "%b%", true},
      {"abc", "a%%c%", true},
      {"abc", "___", true},
      {"abc", "__", false},
      {"abc", "____", false},
      {"abc", "_%_", true},
      {"ab", "a%b%c", false},
      {"東京都", "_京_", true},
      {"東京都", "__", false},
      {"ß", "_", true},
      {"ß", "s", true},
      {"ß", "ss", false},
      {"😀x", "_x", true},
      // trailing spaces count on both sides
      {"a ", "a", false},
      {"a", "a ", false},
      {"a ", "a_", true},
      {"a ", "a%", true},
      {"a ", "a ", true},
      // escapes
      {"50%", "50\\%", true},
      {"500", "50\\%", false},
      {"a_b", "a\\_b", true},
      {"axb", "a\\_b", false},
      {"a\\b", "a\\\\b", true},
      {"a\\b", "a\\b", false},  // \b is just b
      {"ab", "a\\b", true},
      {"Ä", "\\a", true},    // an escaped character still matches by weight
      {"a\\", "a\\", true},  // a final backslash is literal
      {"a", "a\\", false},
      {"%", "\\%", true},
      {"x%y", "%\\%%", true},
      {"xy", "%\\%%", false},
      {"ü", "\\ü", true},
      {"\\", "\\", true},
      {"\\", "\\\\", true},
      {"\\\\", "\\\\", false},
      {"_", "\\_", true},
      {"%_\\", "\\%\\_\\\\", true},
      // the greedy matcher must retry after the last %
      {"aaab", "%ab", true},
      {"abab", "%ab", true},
      {"ababc", "%abc", true},
      {"abcabd", "%abd", true},
      {"abcab", "%ab%ab", true},
      {"mississippi", "%iss%pi", true},
      {"mississippi", "%iss%ppa", false},
      {"xaaaxaay", "%a_y", true},
      {"xaaaxaay", "%a__y", false},
      {"xaaaxaay", "%a___y", true},
      {"xaaaxaay", "%x%a_%a%", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(like(c.value, c.pattern), c.matches) << "'" << c.value << "' LIKE '" << c.pattern << "'";
  }
}

TEST(Collation, PathologicalPatternsFinishFast) {
  const auto start = std::chrono::steady_clock::now();
  const std::string as(20000, 'a');
  EXPECT_FALSE(like(as, "%a%a%a%a%a%a%a%a%a%a%b"));
  EXPECT_TRUE(like(as + "b", "%a%a%a%a%a%a%a%a%a%a%b"));
  EXPECT_FALSE(like(as, "%_%_%_%_%_%_%_%_%_%_%b"));
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "%a";
  EXPECT_FALSE(like(std::string(2000, 'a'), many + "b"));
  EXPECT_TRUE(like(std::string(2000, 'a'), many + "%"));
  const std::string umlauts = [] {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += "ä";
    return s;
  }();
  EXPECT_FALSE(like(umlauts, "%A%A%A%A%A%A%A%A%B"));
  // Exponential backtracking would take years; the O(n * m) matcher takes milliseconds even under sanitizers.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

// Independent references over decoded weight sequences: plain padding for compare, dynamic programming for LIKE.
std::vector<std::uint16_t> weights_of(std::u32string_view s) {
  std::vector<std::uint16_t> w;
  for (char32_t c : s) w.push_back(weight(c));
  return w;
}

int reference_compare(std::u32string_view a, std::u32string_view b) {
  auto wa = weights_of(a);
  auto wb = weights_of(b);
  const auto n = std::max(wa.size(), wb.size());
  wa.resize(n, kSpaceWeight);
  wb.resize(n, kSpaceWeight);
  return wa < wb ? -1 : wa > wb ? 1 : 0;
}

bool reference_like(std::u32string_view value, std::u32string_view pattern) {
  struct Item {
    int kind;  // 0 literal, 1 '_', 2 '%'
    std::uint16_t weight;
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == U'%') {
      items.push_back({2, 0});
    } else if (pattern[i] == U'_') {
      items.push_back({1, 0});
    } else if (pattern[i] == U'\\' && i + 1 < pattern.size()) {
      items.push_back({0, weight(pattern[++i])});
    } else {
      items.push_back({0, weight(pattern[i])});
    }
  }
  // match[i][j]: value[i..] matches items[j..]
  std::vector<std::vector<bool>> match(value.size() + 1, std::vector<bool>(items.size() + 1, false));
  match[value.size()][items.size()] = true;
  for (std::size_t i = value.size() + 1; i-- > 0;) {
    for (std::size_t j = items.size(); j-- > 0;) {
      const Item& it = items[j];
      if (it.kind == 2) {
        match[i][j] = match[i][j + 1] || (i < value.size() && match[i + 1][j]);
      } else if (i < value.size()) {
        match[i][j] = (it.kind == 1 || it.weight == weight(value[i])) && match[i + 1][j + 1];
      }
    }
  }
  return match[0][0];
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) vtql::types::append_utf8(c, out);
  return out;
}

// Small alphabets make equal weights, shared prefixes and space runs frequent.
std::u32string random_text(std::mt19937& rng, std::u32string_view alphabet, std::size_t max_length) {
  std::u32string s(rng() % (max_length + 1), U' ');
  for (auto& c : s) c = alphabet[rng() % alphabet.size()];
  return s;
}

constexpr std::u32string_view kAlphabet = U"  aAäÄbß s\t\0!~Łł€😀\uFFFD\uD7FF"sv;

TEST(Collation, CompareAndSortKeysAgreeWithTheReference) {
  std::mt19937 rng(20240611);
  for (int n = 0; n < 200000; ++n) {
    const auto a = random_text(rng, kAlphabet, 6);
    const auto b = random_text(rng, kAlphabet, 6);
    const std::string ua = to_utf8(a);
    const std::string ub = to_utf8(b);
    const int want = reference_compare(a, b);
    ASSERT_EQ(compare(ua, ub), want) << ua << " | " << ub;
    ASSERT_EQ(compare(ub, ua), -want) << ua << " | " << ub;
    ASSERT_EQ(equal(ua, ub), want == 0) << ua << " | " << ub;
    ASSERT_EQ(key_compare(ua, ub), want) << ua << " | " << ub;
  }
}

TEST(Collation, SortKeysOfInvalidUtf8AgreeWithCompare) {
  std::mt19937 rng(7);
  const char bytes[] = {'a',    'A',    ' ',    ' ',    '\t',   '\0',   '\x80', '\xbf', '\xc3', '\xa4',
                        '\xe2', '\x82', '\xac', '\xed', '\xa0', '\xf0', '\x9f', '\x98', '\xff', '?'};
  for (int n = 0; n < 100000; ++n) {
    std::string a(rng() % 8, ' ');
    std::string b(rng() % 8, ' ');
    for (auto& c : a) c = bytes[rng() % sizeof bytes];
    for (auto& c : b) c = bytes[rng() % sizeof bytes];
    const int c = compare(a, b);
    ASSERT_EQ(compare(b, a), -c);
    ASSERT_EQ(key_compare(a, b), c);
  }
}

TEST(Collation, SortKeysHandleLongSpaceRuns) {
  const std::string spaces(300, ' ');
  EXPECT_EQ(key_compare("a" + spaces + " \t", "a" + spaces + "\t"), 1);
  EXPECT_EQ(key_compare("a" + spaces + "\t", "a \t"), 1);
  EXPECT_EQ(key_compare("a \t", "a"), -1);
  EXPECT_EQ(key_compare("a", "a" + spaces + " !"), -1);
  EXPECT_EQ(key_compare("a" + spaces + " !", "a" + spaces + "!"), -1);
  EXPECT_EQ(key_compare("a" + spaces + "!", "a !"), -1);
  EXPECT_EQ(sort_key("a" + spaces), sort_key("A"));
  EXPECT_EQ(sort_key(""), sort_key(spaces));
}

TEST(Collation, LikeAgreesWithTheReference) {
  std::mt19937 rng(99);
  constexpr std::u32string_view kValueAlphabet = U"aAäb ß_%\\😀";
  constexpr std::u32string_view kPatternAlphabet = U"aÄb s%%__\\";
  for (int n = 0; n < 100000; ++n) {
    const auto value = random_text(rng, kValueAlphabet, 7);
    const auto pattern = random_text(rng, kPatternAlphabet, 6);
    ASSERT_EQ(like(to_utf8(value), to_utf8(pattern)), reference_like(value, pattern))
        << to_utf8(value) << " LIKE " << to_utf8(pattern);
  }
}

}  // namespace
}  // namespace vtql::types::collation
