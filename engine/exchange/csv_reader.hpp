// A streaming RFC 4180 CSV reader that knows the exact line of every record and of every fault.
//
// Written here rather than taken from a library because an import must say on which physical line a bad quote or
// a bad byte is (a quoted field may span lines), must keep reading after a malformed record to report the next
// ones, and must stream a file of any size in fixed memory; the general CSV libraries give either record numbers
// or exceptions, and most load whole files.
//
// Thread-safety: a reader is used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace vtql::exchange {

// One record: its fields' bytes back to back, where each ends, and whether each was quoted.
struct CsvRecord {
  std::uint64_t line = 0;  // the line the record starts on, from 1
  std::string data;
  std::vector<std::size_t> ends;
  std::vector<std::uint8_t> quoted;
  // A malformed record: what is wrong, on which line, and in which field (-1 when not one field's). The fields
  // read before the fault are kept; the rest of the faulty line is skipped.
  std::string error;
  std::uint64_t error_line = 0;
  int error_field = -1;

  std::size_t size() const noexcept { return ends.size(); }
  std::string_view field(std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(data).substr(begin, ends[i] - begin);
  }
  bool is_quoted(std::size_t i) const noexcept { return quoted[i] != 0; }
  bool ok() const noexcept { return error.empty(); }
  void clear() noexcept;
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& in, std::size_t block_size = std::size_t{1} << 20);

  // Reads the next record, skipping empty lines (and a UTF-8 byte order mark before the first). Returns false at
  // the end of the input, or when reading the stream failed (see failed()).
  bool next(CsvRecord& record);

  // Bytes consumed so far (the progress of an import).
  std::uint64_t bytes_read() const noexcept { return consumed_ + pos_; }
  // Whether the stream reported an error other than its end.
  bool failed() const noexcept { return failed_; }

 private:
  bool fill();  // makes pos_ < end_ unless the input is exhausted
  bool read_unquoted(CsvRecord& record);
  bool read_quoted(CsvRecord& record, std::uint64_t opened_on);
  void fail(CsvRecord& record, std::string message, std::uint64_t line, int field);
  void skip_line();

  std::istream& in_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t consumed_ = 0;  // bytes of the blocks before the current one
  std::uint64_t line_ = 1;
  bool started_ = false;
  bool eof_ = false;
  bool failed_ = false;
};

// Whether `text` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). When it is not,
// *bad is the offset of the first byte of the faulty sequence.
bool valid_utf8(std::string_view text, std::size_t* bad) noexcept;

}  // namespace vtql::exchange
