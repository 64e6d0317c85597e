// Errors as values: webservice error codes, positioned errors and warnings, and Result<T>.
//
// Thread-safety: all types here are plain values; distinct objects may be used from distinct threads freely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace vtql {

// The codes a query can fail with. The first five are the webservice's own codes (see to_string);
// the others are for the embedding API and the tools (bad metadata, bad settings, files).
enum class ErrorCode : std::uint8_t {
  kQuerySyntaxError,     // QUERY_SYNTAX_ERROR: the text is not a query of the dialect
  kAccessDenied,         // ACCESS_DENIED: unknown or unreadable module or field
  kInvalidIdAttribute,   // INVALID_ID_ATTRIBUTE: a value that is not a well-formed entity id
  kDatabaseQueryError,   // DATABASE_QUERY_ERROR: a storage failure
  kInternalServerError,  // INTERNAL_SERVER_ERROR: a bug in vtql, never the user's input
  kInvalidMetadata,      // describe metadata that cannot be loaded
  kInvalidArgument,      // a bad setting or argument to the API
  kIoError,              // a file that cannot be read
};

// The webservice spelling of a code, for example "QUERY_SYNTAX_ERROR".
std::string_view to_string(ErrorCode code) noexcept;

// A half-open byte range [offset, offset + length) in the text an error or node refers to.
struct Span {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;

  std::uint32_t end() const noexcept { return offset + length; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A line and column, both counted from 1; the column counts UTF-8 characters, not bytes.
struct Location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Where `offset` lies in `text`. Offsets past the end are clamped to the end.
Location locate(std::string_view text, std::uint32_t offset) noexcept;

// Renders the line of `text` that holds `span` with a caret line under it, for people:
//   SELECT * FROM Contacts WHERE lastname <> 'a';
//                                          ^
std::string render_caret(std::string_view text, Span span);

struct Error {
  ErrorCode code = ErrorCode::kInternalServerError;
  std::string message;  // one sentence, no position in it
  Span span;            // where in the query (or file) the fault is
  std::string hint;     // how to fix it, or empty

  // One factory per code, so that a site says which error it makes: Error::syntax("...", span, "hint").
  static Error syntax(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kQuerySyntaxError, std::move(message), span, std::move(hint));
  }
  static Error access_denied(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kAccessDenied, std::move(message), span, std::move(hint));
  }
  static Error invalid_id(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kInvalidIdAttribute, std::move(message), span, std::move(hint));
  }
  static Error database(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kDatabaseQueryError, std::move(message), span, std::move(hint));
  }
  static Error internal(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kInternalServerError, std::move(message), span, std::move(hint));
  }
  static Error invalid_metadata(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kInvalidMetadata, std::move(message), span, std::move(hint));
  }
  static Error invalid_argument(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kInvalidArgument, std::move(message), span, std::move(hint));
  }
  static Error io(std::string message, Span span = {}, std::string hint = {}) {
    return make(ErrorCode::kIoError, std::move(message), span, std::move(hint));
  }

 private:
  static Error make(ErrorCode code, std::string message, Span span, std::string hint) {
    Error error;
    error.code = code;
    error.message = std::move(message);
    error.span = span;
    error.hint = std::move(hint);
    return error;
  }
};

// Something a valid query does that probably is not what its author meant (the query still runs).
struct Warning {
  std::string message;
  Span span;
};

// Either a value or an Error, in the spirit of std::expected.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok()
  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

// Result for operations that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace vtql
