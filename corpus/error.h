#pragma once
// The one error vocabulary of izdeu. Anything a user, an archive or the index
// can cause is returned as a Result<T>; exceptions from Xapian are converted
// at the corpus boundary (xapian_errors.h) and never travel further up.

#include <string>
#include <utility>
#include <variant>

namespace izdeu::corpus {

enum class ErrorCode {
  kInvalidArgument,    ///< the caller sent something malformed (bad date, empty query)
  kNotFound,           ///< no article with that id
  kUnavailable,        ///< index missing, locked by another writer, or being replaced
  kDataLoss,           ///< index or archive is corrupt
  kInternal,           ///< a bug: an invariant we rely on did not hold
  kResourceExhausted,  ///< more work than can be taken now (a write queue is full); retry later
};

/// Stable machine-readable name of a code: "invalid_argument", "not_found", ...
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  ///< lower case, no trailing period, safe to show to API clients
};

inline Error invalid_argument(std::string message) {
  return {ErrorCode::kInvalidArgument, std::move(message)};
}
inline Error not_found(std::string message) { return {ErrorCode::kNotFound, std::move(message)}; }
inline Error unavailable(std::string message) {
  return {ErrorCode::kUnavailable, std::move(message)};
}
inline Error data_loss(std::string message) { return {ErrorCode::kDataLoss, std::move(message)}; }
inline Error internal(std::string message) { return {ErrorCode::kInternal, std::move(message)}; }
inline Error resource_exhausted(std::string message) {
  return {ErrorCode::kResourceExhausted, std::move(message)};
}

/// A value or an Error. A small stand-in for C++23 std::expected, which GCC 12
/// offers only under -std=c++23; the surface is the subset of std::expected we
/// use, so switching later is a search and replace.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

/// Result of an operation that returns nothing on success.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace izdeu::corpus
