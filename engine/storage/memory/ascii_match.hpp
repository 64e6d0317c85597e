// Exact shortcuts of the collation for ASCII text: equality ignoring case and trailing spaces, and simple LIKE shapes.
//
// On ASCII text utf8_general_ci folds only the case of letters (ascii_folds_only_case() checks this against the
// weight table once, and the shortcuts are off if it ever stops being true), so a comparison of two ASCII strings
// needs no decoding. Text with other characters must still take the collation: 'Müller' = 'MULLER'.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vtql::storage::memory {

// Whether every ASCII character weighs its upper-case form (hence two ASCII characters weigh the same exactly when
// they are one letter in two cases).
bool ascii_folds_only_case() noexcept;

inline char lower_ascii(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline bool is_ascii(std::string_view s) noexcept {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

// Whether a[0..n) equals the lower-case `lower` ignoring case.
inline bool equal_folded(const char* a, const char* lower, std::size_t n) noexcept {
  for (std::size_t k = 0; k < n; ++k) {
    if (lower_ascii(a[k]) != lower[k]) return false;
  }
  return true;
}

inline std::string_view trim_trailing_spaces(std::string_view s) noexcept {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// An ASCII literal as PAD SPACE equality sees it: trailing spaces dropped, letters lower-cased.
inline std::string ascii_equality_key(std::string_view s) {
  std::string key(trim_trailing_spaces(s));
  for (char& c : key) c = lower_ascii(c);
  return key;
}

// Whether the ASCII `cell` equals the literal whose ascii_equality_key() is `key` under the collation.
inline bool equals_ascii_key(std::string_view cell, std::string_view key) noexcept {
  cell = trim_trailing_spaces(cell);
  return cell.size() == key.size() && equal_folded(cell.data(), key.data(), key.size());
}

// A LIKE pattern of the shape [%...]word[%...] where the word is printable ASCII without wildcards or escapes.
// On ASCII text it is a case-insensitive whole, prefix, suffix or substring match; trailing spaces count, as in LIKE.
class AsciiLike {
 public:
  static std::optional<AsciiLike> parse(std::string_view pattern) {
    if (!ascii_folds_only_case()) return std::nullopt;
    std::size_t lead = 0;
    while (lead < pattern.size() && pattern[lead] == '%') ++lead;
    std::size_t trail = 0;
    while (trail < pattern.size() - lead && pattern[pattern.size() - 1 - trail] == '%') ++trail;
    AsciiLike like;
    for (const char c : pattern.substr(lead, pattern.size() - lead - trail)) {
      if (c < 0x20 || c > 0x7E || c == '%' || c == '_' || c == '\\') return std::nullopt;
      like.lower_.push_back(lower_ascii(c));
    }
    like.kind_ = lead > 0 ? (trail > 0 ? Kind::kInfix : Kind::kSuffix) : (trail > 0 ? Kind::kPrefix : Kind::kExact);
    return like;
  }

  // REQUIRES: text[0..size) is ASCII, and 16 bytes past its end may be read.
  bool matches(const char* text, std::size_t size) const noexcept {
    const std::size_t n = lower_.size();
    if (size < n) return false;
    switch (kind_) {
      case Kind::kExact:
        return size == n && equal_folded(text, lower_.data(), n);
      case Kind::kPrefix:
        return equal_folded(text, lower_.data(), n);
      case Kind::kSuffix:
        return equal_folded(text + size - n, lower_.data(), n);
      case Kind::kInfix:
        return n == 0 || contains(text, size);
    }
    return false;
  }

 private:
  enum class Kind { kExact, kPrefix, kSuffix, kInfix };

  // Candidate positions are those whose first and last characters match (the comparison ORs 0x20 into letters
  // only), checked sixteen at a time; each candidate is then compared in full.
  bool contains(const char* text, std::size_t size) const noexcept {
    const std::size_t n = lower_.size();
    const std::size_t positions = size - n + 1;
#if defined(__SSE2__)
    const char first = lower_.front();
    const char last = lower_.back();
    const __m128i first_fold = _mm_set1_epi8(static_cast<char>(is_letter(first) ? 0x20 : 0));
    const __m128i last_fold = _mm_set1_epi8(static_cast<char>(is_letter(last) ? 0x20 : 0));
    const __m128i first_char = _mm_set1_epi8(first);
    const __m128i last_char = _mm_set1_epi8(last);
    for (std::size_t i = 0; i < positions; i += 16) {
      const __m128i a = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i)), first_fold);
      const __m128i b = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i + n - 1)), last_fold);
      auto mask = static_cast<std::uint32_t>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first_char), _mm_cmpeq_epi8(b, last_char))));
      if (positions - i < 16) mask &= (std::uint32_t{1} << (positions - i)) - 1;
      while (mask != 0) {
        const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
        if (equal_folded(text + at, lower_.data(), n)) return true;
        mask &= mask - 1;
      }
    }
    return false;
#else
    for (std::size_t i = 0; i < positions; ++i) {
      if (equal_folded(text + i, lower_.data(), n)) return true;
    }
    return false;
#endif
  }

  static bool is_letter(char c) noexcept { return c >= 'a' && c <= 'z'; }

  Kind kind_ = Kind::kExact;
  std::string lower_;
};

}  // namespace vtql::storage::memory
