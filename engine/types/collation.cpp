// utf8_general_ci: the weight table lookup, UTF-8 decoding, PAD SPACE comparison, sort keys and LIKE matching.
#include "engine/types/collation.hpp"

#include <array>
#include <cstddef>

namespace vtql::types::collation {
namespace {

#include "engine/types/collation_weights.inc"

constexpr std::uint16_t bmp_weight(std::uint32_t c) {
  const std::uint8_t page = kWeightPageIndex[c >> 8];
  return page == 0 ? static_cast<std::uint16_t>(c) : kWeightPages[page - 1][c & 0xFF];
}

// Most CRM text is ASCII: one load, no decoding.
constexpr std::array<std::uint16_t, 128> kAsciiWeights = [] {
  std::array<std::uint16_t, 128> table{};
  for (std::uint32_t c = 0; c < 128; ++c) table[c] = bmp_weight(c);
  return table;
}();

struct Char {
  std::uint16_t weight;
  std::size_t length;  // in bytes, at least 1
};

bool is_continuation(const unsigned char* p, std::size_t k, std::size_t left) {
  return k < left && (p[k] & 0xC0) == 0x80;
}

// The multi-byte case of next_char, with the acceptance rules of MariaDB's utf8mb3 decoder (no overlongs, but
// encoded surrogates pass) extended by the 4-byte forms utf8mb4 accepts.
Char decode_multibyte(const unsigned char* p, std::size_t left) {
  const unsigned b0 = p[0];
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (is_continuation(p, 1, left)) return {bmp_weight(((b0 & 0x1F) << 6) | (p[1] & 0x3F)), 2};
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (is_continuation(p, 1, left) && is_continuation(p, 2, left) && (b0 != 0xE0 || p[1] >= 0xA0)) {
      return {bmp_weight(((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)), 3};
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (is_continuation(p, 1, left) && is_continuation(p, 2, left) && is_continuation(p, 3, left) &&
        (b0 != 0xF0 || p[1] >= 0x90) && (b0 != 0xF4 || p[1] < 0x90)) {
      return {kReplacementWeight, 4};
    }
  }
  return {kReplacementWeight, 1};
}

// The character starting at s[i]; REQUIRES: i < s.size().
Char next_char(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  if (p[0] < 0x80) return {kAsciiWeights[p[0]], 1};
  return decode_multibyte(p, s.size() - i);
}

// The sign of comparing s[i..] with an endless run of spaces: what is left of the longer string under PAD SPACE.
int compare_with_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    const Char c = next_char(s, i);
    if (c.weight != kSpaceWeight) return c.weight < kSpaceWeight ? -1 : 1;
    i += c.length;
  }
  return 0;
}

void append_weight(std::uint16_t w, std::string& out) {
  out.push_back(static_cast<char>(w >> 8));
  out.push_back(static_cast<char>(w & 0xFF));
}

// Sort key layout. A weight other than the space's is its two bytes, big-endian. Everything that stands for spaces
// starts with 0x00 0x20, the space's weight, so it orders against other weights as a space does; a third byte then
// orders it among the other space tokens as PAD SPACE does:
//   0x00 <k ascending>   k inner spaces followed by a character weighing less than a space: the fewer spaces, the
//                        sooner that character meets a space of the other side and loses ('a \t' < 'a  \t' < 'a');
//   0x01                 the end of the string, an endless run of spaces;
//   0x02 <k descending>  k inner spaces followed by a character weighing more: the fewer, the greater ('a !' >
//                        'a  !' > 'a').
// The counts are prefix-free (one byte below 255, else a marker byte and 8 bytes), so a key never has another as a
// prefix and memcmp decides within the first token that differs. Trailing spaces are dropped: they are the end.
constexpr char kEndOfKey = 0x01;
constexpr char kSpacesThenLower = 0x00;
constexpr char kSpacesThenHigher = 0x02;

void append_count(std::uint64_t k, bool descending, std::string& out) {
  if (k < 0xFF) {
    out.push_back(static_cast<char>(descending ? 0xFF - k : k));
    return;
  }
  out.push_back(static_cast<char>(descending ? 0x00 : 0xFF));
  const std::uint64_t v = descending ? ~k : k;
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

enum class PatternKind { kAnyRun, kAnyChar, kChar };

struct PatternItem {
  PatternKind kind;
  std::uint16_t weight;  // for kChar
  std::size_t length;    // in bytes
};

// The pattern element starting at p[i]; REQUIRES: i < p.size().
PatternItem pattern_item(std::string_view p, std::size_t i) {
  switch (p[i]) {
    case '%':
      return {PatternKind::kAnyRun, 0, 1};
    case '_':
      return {PatternKind::kAnyChar, 0, 1};
    case '\\':
      // MySQL matches the escaped character by weight like any other, and reads a final backslash as itself.
      if (i + 1 < p.size()) {
        const Char c = next_char(p, i + 1);
        return {PatternKind::kChar, c.weight, c.length + 1};
      }
      break;
    default:
      break;
  }
  const Char c = next_char(p, i);
  return {PatternKind::kChar, c.weight, c.length};
}

}  // namespace

std::uint16_t weight(char32_t c) noexcept { return c > 0xFFFF ? kReplacementWeight : bmp_weight(c); }

int compare(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const auto ca = static_cast<unsigned char>(a[i]);
    const auto cb = static_cast<unsigned char>(b[j]);
    std::uint16_t wa;
    std::uint16_t wb;
    if ((ca | cb) < 0x80) {
      ++i;
      ++j;
      if (ca == cb) continue;
      wa = kAsciiWeights[ca];
      wb = kAsciiWeights[cb];
    } else {
      const Char x = next_char(a, i);
      const Char y = next_char(b, j);
      i += x.length;
      j += y.length;
      wa = x.weight;
      wb = y.weight;
    }
    if (wa != wb) return wa < wb ? -1 : 1;
  }
  if (i < a.size()) return compare_with_spaces(a, i);
  if (j < b.size()) return -compare_with_spaces(b, j);
  return 0;
}

bool equal(std::string_view a, std::string_view b) noexcept { return a == b || compare(a, b) == 0; }

void append_sort_key(std::string_view s, std::string& out) {
  out.reserve(out.size() + 2 * s.size() + 3);
  std::uint64_t spaces = 0;  // pending: their token depends on the character after them
  for (std::size_t i = 0; i < s.size();) {
    const Char c = next_char(s, i);
    i += c.length;
    if (c.weight == kSpaceWeight) {
      ++spaces;
      continue;
    }
    if (spaces > 0) {
      append_weight(kSpaceWeight, out);
      const bool higher = c.weight > kSpaceWeight;
      out.push_back(higher ? kSpacesThenHigher : kSpacesThenLower);
      append_count(spaces, higher, out);
      spaces = 0;
    }
    append_weight(c.weight, out);
  }
  append_weight(kSpaceWeight, out);
  out.push_back(kEndOfKey);
}

bool like(std::string_view value, std::string_view pattern) noexcept {
  // Greedy matching that, on a mismatch, lets the last '%' seen take one more character and retries from just after
  // it. Earlier '%'s never need to take back characters, so there is no backtracking beyond that: O(n * m).
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t v = 0;
  std::size_t p = 0;
  std::size_t retry_p = kNone;  // pattern position just after the last '%'
  std::size_t retry_v = 0;      // value position where the text matched by that '%' ends
  while (v < value.size()) {
    if (p < pattern.size()) {
      const PatternItem item = pattern_item(pattern, p);
      if (item.kind == PatternKind::kAnyRun) {
        p += item.length;
        retry_p = p;
        retry_v = v;
        continue;
      }
      const Char c = next_char(value, v);
      if (item.kind == PatternKind::kAnyChar || item.weight == c.weight) {
        v += c.length;
        p += item.length;
        continue;
      }
    }
    if (retry_p == kNone) return false;
    retry_v += next_char(value, retry_v).length;
    v = retry_v;
    p = retry_p;
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

}  // namespace vtql::types::collation
