// Status and Result<T>: the one error idiom of shipshape (no exceptions cross our interfaces).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace shipshape {

enum class StatusCode { kOk, kInvalidInput, kNotFound, kIoError, kUsage, kUnreachable, kInternal };

// A value type: OK, or a code with a message and, for input errors, the file and line at fault.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(StatusCode code, std::string message, std::string file = {}, int line = 0) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    s.file_ = std::move(file);
    s.line_ = line;
    return s;
  }
  static Status Invalid(std::string message, std::string file = {}, int line = 0) {
    return Error(StatusCode::kInvalidInput, std::move(message), std::move(file), line);
  }
  static Status NotFound(std::string message, std::string file = {}) {
    return Error(StatusCode::kNotFound, std::move(message), std::move(file));
  }
  static Status Io(std::string message, std::string file = {}) {
    return Error(StatusCode::kIoError, std::move(message), std::move(file));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  // "file:line: message", "file: message" or "message".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string file_;
  int line_ = 0;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace shipshape
