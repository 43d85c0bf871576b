#pragma once
// The one place that chooses HTTP statuses, and the one error body format:
// {"error":{"code":"invalid_argument","message":"..."}}. Every error answer,
// a handler's or one httplib made before any handler ran, is written here.

#include <httplib.h>

#include <string>
#include <string_view>

#include "corpus/error.h"

namespace izdeu::server {

/// HTTP status for an error code.
int http_status(corpus::ErrorCode code);

/// Writes `error` as the standard JSON error body with its status.
void write_error(httplib::Response& response, const corpus::Error& error);

/// Requests the server refuses for their shape rather than their content,
/// before any handler runs (see HttpServer's limits).
enum class Refusal {
  kBodyTooLarge,     ///< 413 payload_too_large: a body over --max-body-bytes
  kTooManyRanges,    ///< 416 range_not_satisfiable: more ranges than kMaxRanges
  kTooManyHeaders,   ///< 431 headers_too_large: more header fields than kMaxHeaderFields
  kUnauthenticated,  ///< 401 unauthenticated: a write without a key, or with an unknown one
  kForbidden,        ///< 403 forbidden: a key without the right the request needs
  kWritesDisabled,   ///< 403 writes_disabled: the server was started without a write key
};

/// HTTP status for a refusal.
int http_status(Refusal refusal);

/// Writes the standard JSON error body for `refusal`, with its status.
void write_refusal(httplib::Response& response, Refusal refusal, std::string_view message);

/// Gives an answer httplib chose without a body the standard error body: a
/// path no route serves (404 not_found), a method a route does not take (405
/// method_not_allowed), a request line over 8 KiB (httplib's 414, answered as
/// the 400 invalid_argument of a too long query), and any other request
/// httplib refused (a 413 of its own payload limit as payload_too_large, a
/// 416 of a Range it cannot parse as range_not_satisfiable, anything else,
/// 400 mostly, as bad_request with the status kept). An answer
/// that has a body already, or is not a 4xx, is left as it is.
void complete_error_answer(const httplib::Request& request, httplib::Response& response);

/// Writes a JSON body with `status`.
void write_json(httplib::Response& response, int status, const std::string& json);

}  // namespace izdeu::server
