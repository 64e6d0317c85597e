// The CSV reader: a block buffer scanned field by field, counting the line breaks it passes, and UTF-8 checking.
#include "engine/exchange/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace vtql::exchange {
namespace {

// The bytes that end an unquoted run: a separator, a line break, or a quote that does not belong there.
constexpr std::array<bool, 256> kUnquotedStops = [] {
  std::array<bool, 256> stops{};
  stops[static_cast<unsigned char>(',')] = true;
  stops[static_cast<unsigned char>('\n')] = true;
  stops[static_cast<unsigned char>('\r')] = true;
  stops[static_cast<unsigned char>('"')] = true;
  return stops;
}();

std::uint64_t count_newlines(const char* begin, const char* end) {
  return static_cast<std::uint64_t>(std::count(begin, end, '\n'));
}

}  // namespace

void CsvRecord::clear() noexcept {
  line = 0;
  data.clear();
  ends.clear();
  quoted.clear();
  error.clear();
  error_line = 0;
  error_field = -1;
}

CsvReader::CsvReader(std::istream& in, std::size_t block_size)
    : in_(in), buffer_(std::max<std::size_t>(block_size, 16)) {}

bool CsvReader::fill() {
  if (pos_ < end_) return true;
  if (eof_) return false;
  consumed_ += end_;
  pos_ = 0;
  end_ = 0;
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  end_ = static_cast<std::size_t>(in_.gcount());
  if (!in_) {
    eof_ = true;
    failed_ = in_.bad();
  }
  if (!started_) {
    started_ = true;
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  }
  return pos_ < end_;
}

void CsvReader::fail(CsvRecord& record, std::string message, std::uint64_t line, int field) {
  if (record.error.empty()) {
    record.error = std::move(message);
    record.error_line = line;
    record.error_field = field;
  }
}

// After a fault the quoting can no longer be trusted: the record ends at the next line break, quoted or not.
void CsvReader::skip_line() {
  while (fill()) {
    const char* begin = buffer_.data() + pos_;
    const void* hit = std::memchr(begin, '\n', end_ - pos_);
    if (hit != nullptr) {
      pos_ = static_cast<std::size_t>(static_cast<const char*>(hit) - buffer_.data()) + 1;
      ++line_;
      return;
    }
    pos_ = end_;
  }
}

bool CsvReader::read_unquoted(CsvRecord& record) {
  for (;;) {
    if (!fill()) return true;
    const char* data = buffer_.data();
    std::size_t i = pos_;
    while (i < end_ && !kUnquotedStops[static_cast<unsigned char>(data[i])]) ++i;
    record.data.append(data + pos_, i - pos_);
    pos_ = i;
    if (i == end_) continue;
    if (data[i] != '"') return true;
    fail(record, "a quote inside an unquoted field (quote the whole field and double the quotes inside it)", line_,
         static_cast<int>(record.ends.size()));
    return false;
  }
}

bool CsvReader::read_quoted(CsvRecord& record, std::uint64_t opened_on) {
  for (;;) {
    if (!fill()) {
      fail(record, "the quoted field opened on line " + std::to_string(opened_on) + " is never closed", opened_on,
           static_cast<int>(record.ends.size()));
      return false;
    }
    const char* begin = buffer_.data() + pos_;
    const std::size_t available = end_ - pos_;
    const auto* quote = static_cast<const char*>(std::memchr(begin, '"', available));
    const char* stop = quote == nullptr ? begin + available : quote;
    line_ += count_newlines(begin, stop);
    record.data.append(begin, static_cast<std::size_t>(stop - begin));
    if (quote == nullptr) {
      pos_ = end_;
      continue;
    }
    pos_ = static_cast<std::size_t>(quote - buffer_.data()) + 1;
    if (fill() && buffer_[pos_] == '"') {  // a doubled quote stands for one
      record.data.push_back('"');
      ++pos_;
      continue;
    }
    return true;
  }
}

bool CsvReader::next(CsvRecord& record) {
  record.clear();
  // Empty lines between records are skipped.
  for (;;) {
    if (!fill()) return false;
    const char c = buffer_[pos_];
    if (c == '\n') {
      ++pos_;
      ++line_;
      continue;
    }
    if (c == '\r') {
      ++pos_;
      if (fill() && buffer_[pos_] == '\n') {
        ++pos_;
        ++line_;
        continue;
      }
      record.line = line_;
      fail(record, "a carriage return that is not followed by a line feed", line_, -1);
      skip_line();
      return true;
    }
    break;
  }
  record.line = line_;
  for (;;) {
    bool quoted = false;
    bool ok = true;
    if (fill() && buffer_[pos_] == '"') {
      quoted = true;
      const std::uint64_t opened_on = line_;
      ++pos_;
      ok = read_quoted(record, opened_on);
    } else {
      ok = read_unquoted(record);
    }
    if (!ok) {
      record.ends.push_back(record.data.size());
      record.quoted.push_back(quoted ? 1 : 0);
      skip_line();
      return true;
    }
    record.ends.push_back(record.data.size());
    record.quoted.push_back(quoted ? 1 : 0);
    if (!fill()) break;
    const char c = buffer_[pos_++];
    if (c == ',') continue;
    if (c == '\n') {
      ++line_;
      break;
    }
    if (c == '\r') {
      if (fill() && buffer_[pos_] == '\n') {
        ++pos_;
        ++line_;
        break;
      }
      fail(record, "a carriage return that is not followed by a line feed", line_, -1);
      skip_line();
      return true;
    }
    // Only a quoted field can get here: its closing quote is followed by something else.
    fail(record, "a closing quote must be followed by a comma or the end of the line", line_,
         static_cast<int>(record.ends.size()) - 1);
    skip_line();
    return true;
  }
  std::size_t bad = 0;
  if (!valid_utf8(record.data, &bad)) {
    const auto field = std::upper_bound(record.ends.begin(), record.ends.end(), bad) - record.ends.begin();
    record.error = "invalid UTF-8 (byte 0x";
    constexpr const char* kHex = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(record.data[bad]);
    record.error += kHex[byte >> 4];
    record.error += kHex[byte & 15];
    record.error += ")";
    record.error_line = record.line + count_newlines(record.data.data(), record.data.data() + bad);
    record.error_field = static_cast<int>(field);
  }
  return true;
}

bool valid_utf8(std::string_view text, std::size_t* bad) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII runs, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, 8);
      if ((chunk & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // past U+10FFFF
    }
    bool good = length != 0 && i + length <= n;
    for (std::size_t k = 1; good && k < length; ++k) {
      const unsigned char next = s[i + k];
      good = k == 1 ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
    }
    if (!good) {
      if (bad != nullptr) *bad = i;
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace vtql::exchange
