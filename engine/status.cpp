// Error codes' webservice spellings, and line/column and caret rendering for positioned errors.
#include <algorithm>
#include <string>

#include "vtql/status.hpp"

namespace vtql {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kQuerySyntaxError:
      return "QUERY_SYNTAX_ERROR";
    case ErrorCode::kAccessDenied:
      return "ACCESS_DENIED";
    case ErrorCode::kInvalidIdAttribute:
      return "INVALID_ID_ATTRIBUTE";
    case ErrorCode::kDatabaseQueryError:
      return "DATABASE_QUERY_ERROR";
    case ErrorCode::kInternalServerError:
      return "INTERNAL_SERVER_ERROR";
    case ErrorCode::kInvalidMetadata:
      return "INVALID_METADATA";
    case ErrorCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case ErrorCode::kIoError:
      return "IO_ERROR";
  }
  return "INTERNAL_SERVER_ERROR";
}

namespace {
bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

Location locate(std::string_view text, std::uint32_t offset) noexcept {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  Location location;
  for (std::uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++location.line;
      location.column = 1;
    } else if (!is_continuation(text[i])) {
      ++location.column;
    }
  }
  return location;
}

std::string render_caret(std::string_view text, Span span) {
  const std::uint32_t offset = std::min<std::uint32_t>(span.offset, static_cast<std::uint32_t>(text.size()));
  std::size_t line_begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_begin = (line_begin == std::string_view::npos || offset == 0) ? 0 : line_begin + 1;
  if (offset > 0 && text[offset - 1] == '\n') line_begin = offset;
  std::size_t line_end = text.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (line_end > line_begin && text[line_end - 1] == '\r') --line_end;
  // A long line is shown as a window around the span, so that a caret under a megabyte query stays one short line.
  constexpr std::size_t kBefore = 60;
  constexpr std::size_t kWindow = 160;
  std::string lead;
  std::string tail;
  if (line_end - line_begin > kWindow) {
    std::size_t begin = offset > line_begin + kBefore ? offset - kBefore : line_begin;
    while (begin > line_begin && is_continuation(text[begin])) --begin;
    std::size_t end = std::min(line_end, begin + kWindow);
    while (end < line_end && is_continuation(text[end])) ++end;
    if (begin > line_begin) lead = "…";
    if (end < line_end) tail = "…";
    line_begin = begin;
    line_end = end;
  }
  const std::string_view line = text.substr(line_begin, line_end - line_begin);

  // Control characters would garble the terminal; tabs keep their width so the caret lines up.
  std::string shown = lead;
  std::string pad = lead.empty() ? "" : " ";
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool before = line_begin + i < offset;
    if (c == '\t') {
      shown.push_back('\t');
      if (before) pad.push_back('\t');
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      shown.push_back('?');
      if (before) pad.push_back(' ');
    } else {
      shown.push_back(c);
      if (before && !is_continuation(c)) pad.push_back(' ');
    }
  }
  std::size_t marks = 1;
  if (span.length > 1) {
    marks = 0;
    const std::size_t end = std::min<std::size_t>(span.end(), line_end);
    for (std::size_t i = offset; i < end; ++i) {
      if (!is_continuation(text[i])) ++marks;
    }
    marks = std::max<std::size_t>(marks, 1);
  }
  return shown + tail + "\n" + pad + std::string(marks, '^');
}

}  // namespace vtql
