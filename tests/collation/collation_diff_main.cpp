// The vtql side of the MariaDB differential test of the collation: generates the random inputs, answers the queries.
//
//   collation_diff generate SEED COUNT bmp|supplementary DIR   writes DIR/strings.tsv, pairs.tsv, patterns.tsv
//   collation_diff answer DIR                                  writes DIR/vtql_sort.tsv, vtql_pairs.tsv, vtql_like.tsv
//
// tests/collation/mariadb_diff.sh loads the inputs into MariaDB, asks it the same questions and diffs the answers.
// Strings travel as hex so that spaces, tabs and backslashes survive every step. The answers print strings as
// MariaDB's HEX() does, so that a differing line shows what was compared.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/types/collation.hpp"
#include "engine/types/utf8.hpp"

namespace vtql::types::collation {
namespace {

std::string to_hex(std::string_view s) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
  return out;
}

std::string from_hex(std::string_view hex) {
  const auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1]));
  return out;
}

using vtql::types::append_utf8;

std::string to_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) append_utf8(c, out);
  return out;
}

// Random text shaped like CRM data from many countries, with the characters the collation is easiest to get wrong
// (spaces, tabs, characters that share a weight, the LIKE metacharacters) much more frequent than in real data.
class Generator {
 public:
  Generator(std::uint32_t seed, bool supplementary) : rng_(seed), supplementary_(supplementary) {
    for (char32_t c = 0; c <= 0xFFFF; ++c) {
      if (c < 0xD800 || c > 0xDFFF) same_weight_[weight(c)].push_back(c);
    }
  }

  char32_t random_char() {
    struct Range {
      char32_t first, last;
      int odds;
    };
    static constexpr Range kRanges[] = {
        {U'a', U'z', 30},    {U'A', U'Z', 15},  {U' ', U'~', 15},       {U' ', U' ', 12},    {U'%', U'%', 2},
        {U'_', U'_', 2},     {U'\\', U'\\', 2}, {U'\t', U'\t', 2},      {U'\n', U'\n', 1},   {0x01, 0x1F, 1},
        {0xA0, 0xFF, 15},    {0x100, 0x17F, 8}, {0x180, 0x24F, 4},      {0x1E00, 0x1EFF, 4}, {0x370, 0x3FF, 5},
        {0x1F00, 0x1FFF, 2}, {0x400, 0x52F, 6}, {0x4E00, 0x9FFF, 4},    {0x2100, 0x214F, 1}, {0x2460, 0x24FF, 1},
        {0xFF00, 0xFFEF, 2}, {0x80, 0xFFFF, 2}, {0x10000, 0x10FFFF, 3},
    };
    int total = 0;
    for (const auto& r : kRanges) total += r.odds;
    for (;;) {
      int pick = static_cast<int>(rng_() % total);
      for (const auto& r : kRanges) {
        if (pick < r.odds) {
          const char32_t c = r.first + rng_() % (r.last - r.first + 1);
          if (c >= 0xD800 && c <= 0xDFFF) break;  // utf8mb4 rejects them; surrogates are covered by the unit tests
          if (c > 0xFFFF && !supplementary_) break;
          return c;
        }
        pick -= r.odds;
      }
    }
  }

  std::u32string random_string() {
    std::u32string s(rng_() % 12, U' ');
    for (auto& c : s) c = random_char();
    if (chance(15)) s.append(1 + rng_() % 3, U' ');
    if (chance(5)) s.insert(0, 1, U' ');
    return s;
  }

  // Another string of the family: mostly equal under the collation, or nearly so.
  std::u32string variant(std::u32string s) {
    for (auto& c : s) {
      if (chance(40)) c = similar(c);
    }
    switch (rng_() % 8) {
      case 0:
        s.append(1 + rng_() % 3, U' ');
        break;
      case 1:
        while (!s.empty() && s.back() == U' ') s.pop_back();
        break;
      case 2:
        s += chance(50) ? U'\t' : U'\n';
        break;
      case 3:
        if (!s.empty()) s.insert(rng_() % s.size(), 1, U' ');
        break;
      case 4:
        if (!s.empty()) s.resize(rng_() % s.size());
        break;
      case 5:
        if (!s.empty()) s[rng_() % s.size()] = random_char();
        break;
      default:
        break;
    }
    return s;
  }

  // A LIKE pattern derived from s, so that a good share of them match.
  std::string pattern_for(const std::u32string& s) {
    std::string p;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const int roll = static_cast<int>(rng_() % 100);
      if (roll < 10) {
        p += '_';
      } else if (roll < 18) {
        p += '%';
        i += rng_() % 3;
      } else if (roll < 24 || s[i] == U'%' || s[i] == U'_' || (s[i] == U'\\' && chance(70))) {
        p += '\\';
        append_utf8(similar(s[i]), p);
      } else if (roll < 27) {
        append_utf8(random_char(), p);
      } else {
        append_utf8(similar(s[i]), p);
      }
    }
    switch (rng_() % 8) {
      case 0:
        p += '%';
        break;
      case 1:
        p.insert(p.begin(), '%');
        break;
      case 2:
        p += ' ';
        break;
      case 3:
        p += '\\';
        break;
      default:
        break;
    }
    return p;
  }

  bool chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
  std::uint32_t below(std::uint32_t n) { return rng_() % n; }

 private:
  // A character of the same weight when there is another, so that equalities are frequent.
  char32_t similar(char32_t c) {
    if (c > 0xFFFF) return supplementary_ ? 0x10000 + rng_() % 0x100000 : c;
    const auto& same = same_weight_[weight(c)];
    return same[rng_() % same.size()];
  }

  std::mt19937 rng_;
  bool supplementary_;
  std::map<std::uint16_t, std::vector<char32_t>> same_weight_;
};

int generate(std::uint32_t seed, int count, bool supplementary, const std::string& dir) {
  Generator gen(seed, supplementary);
  std::vector<std::u32string> strings;
  while (static_cast<int>(strings.size()) < count) {
    strings.push_back(gen.random_string());
    const int variants = static_cast<int>(gen.below(4));
    for (int v = 0; v < variants && static_cast<int>(strings.size()) < count; ++v) {
      strings.push_back(gen.variant(strings[strings.size() - 1 - gen.below(static_cast<std::uint32_t>(v + 1))]));
    }
  }
  std::ofstream out_strings(dir + "/strings.tsv");
  for (std::size_t i = 0; i < strings.size(); ++i) out_strings << i << '\t' << to_hex(to_utf8(strings[i])) << '\n';

  // Neighbours are often of one family; the random partner makes most of the order comparisons.
  std::ofstream out_pairs(dir + "/pairs.tsv");
  int n = 0;
  for (int i = 0; i < count; ++i) {
    for (int b : {i + 1, i + 2, static_cast<int>(gen.below(count))}) {
      if (b < count) out_pairs << n++ << '\t' << i << '\t' << b << '\n';
    }
  }

  std::ofstream out_patterns(dir + "/patterns.tsv");
  for (int i = 0; i < 2 * count; ++i) {
    const int target = static_cast<int>(gen.below(count));
    const int source = gen.chance(80) ? target : static_cast<int>(gen.below(count));
    out_patterns << i << '\t' << target << '\t' << to_hex(gen.pattern_for(strings[source])) << '\n';
  }
  return out_strings && out_pairs && out_patterns ? 0 : 1;
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (line.ends_with('\t')) fields.emplace_back();  // the hex of the empty string
    rows.push_back(std::move(fields));
  }
  return rows;
}

int answer(const std::string& dir) {
  std::vector<std::string> strings;
  for (const auto& row : read_tsv(dir + "/strings.tsv")) strings.push_back(from_hex(row.size() > 1 ? row[1] : ""));
  const int count = static_cast<int>(strings.size());
  int failures = 0;

  // ORDER BY v, id. The sort keys must give the same order, or hash joins and sorts built on them would not agree
  // with comparisons.
  std::vector<int> order(count);
  for (int i = 0; i < count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return compare(strings[a], strings[b]) < 0; });
  std::vector<std::string> keys(count);
  for (int i = 0; i < count; ++i) append_sort_key(strings[i], keys[i]);
  std::vector<int> by_key(count);
  for (int i = 0; i < count; ++i) by_key[i] = i;
  std::stable_sort(by_key.begin(), by_key.end(), [&](int a, int b) { return keys[a] < keys[b]; });
  if (by_key != order) {
    std::cerr << "collation_diff: ordering by sort keys differs from ordering by compare()\n";
    ++failures;
  }
  std::ofstream out_sort(dir + "/vtql_sort.tsv");
  for (int i : order) out_sort << i << '\t' << to_hex(strings[i]) << '\n';

  std::ofstream out_pairs(dir + "/vtql_pairs.tsv");
  for (const auto& row : read_tsv(dir + "/pairs.tsv")) {
    const std::string& a = strings.at(std::stoi(row.at(1)));
    const std::string& b = strings.at(std::stoi(row.at(2)));
    const int c = compare(a, b);
    if ((keys[std::stoi(row[1])] == keys[std::stoi(row[2])]) != (c == 0)) {
      std::cerr << "collation_diff: sort keys of " << to_hex(a) << " and " << to_hex(b) << " disagree with compare()\n";
      ++failures;
    }
    out_pairs << row[0] << '\t' << to_hex(a) << '\t' << to_hex(b) << '\t' << c << '\t' << equal(a, b) << '\t' << (c < 0)
              << '\t' << like(a, b) << '\n';
  }

  std::ofstream out_like(dir + "/vtql_like.tsv");
  for (const auto& row : read_tsv(dir + "/patterns.tsv")) {
    const std::string& value = strings.at(std::stoi(row.at(1)));
    const std::string pattern = from_hex(row.size() > 2 ? row[2] : "");
    out_like << row[0] << '\t' << to_hex(value) << '\t' << to_hex(pattern) << '\t' << like(value, pattern) << '\n';
  }
  return failures == 0 && out_sort && out_pairs && out_like ? 0 : 1;
}

}  // namespace
}  // namespace vtql::types::collation

int main(int argc, char** argv) {
  using namespace vtql::types::collation;
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 5 && args[0] == "generate" && (args[3] == "bmp" || args[3] == "supplementary")) {
      return generate(static_cast<std::uint32_t>(std::stoul(args[1])), std::stoi(args[2]), args[3] == "supplementary",
                      args[4]);
    }
    if (args.size() == 2 && args[0] == "answer") return answer(args[1]);
  } catch (const std::exception& e) {
    std::cerr << "collation_diff: " << e.what() << '\n';
    return 1;
  }
  std::cerr << "usage: collation_diff generate SEED COUNT bmp|supplementary DIR | collation_diff answer DIR\n";
  return 2;
}
