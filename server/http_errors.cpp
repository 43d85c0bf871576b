#include "server/http_errors.h"

#include <string>

#include "corpus/query/query_parser.h"
#include "server/api_json.h"

namespace izdeu::server {
namespace {

// The body every error answer has; `status` is http_status() of the error's
// code, or the one httplib chose for a request no handler saw.
void write_error_body(httplib::Response& response, int status, std::string_view code,
                      std::string_view message) {
  write_json(response, status, error_json(code, message));
}

}  // namespace

int http_status(corpus::ErrorCode code) {
  // No default case: -Wswitch names any new code that nobody mapped.
  switch (code) {
    case corpus::ErrorCode::kInvalidArgument:
      return 400;
    case corpus::ErrorCode::kNotFound:
      return 404;
    case corpus::ErrorCode::kUnavailable:
      return 503;
    case corpus::ErrorCode::kResourceExhausted:
      return 429;
    case corpus::ErrorCode::kDataLoss:
    case corpus::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

int http_status(Refusal refusal) {
  switch (refusal) {
    case Refusal::kBodyTooLarge:
      return 413;
    case Refusal::kTooManyRanges:
      return 416;
    case Refusal::kTooManyHeaders:
      return 431;
    case Refusal::kUnauthenticated:
      return 401;
    case Refusal::kForbidden:
    case Refusal::kWritesDisabled:
      return 403;
  }
  return 400;
}

namespace {

std::string_view refusal_code(Refusal refusal) {
  switch (refusal) {
    case Refusal::kBodyTooLarge:
      return "payload_too_large";
    case Refusal::kTooManyRanges:
      return "range_not_satisfiable";
    case Refusal::kTooManyHeaders:
      return "headers_too_large";
    case Refusal::kUnauthenticated:
      return "unauthenticated";
    case Refusal::kForbidden:
      return "forbidden";
    case Refusal::kWritesDisabled:
      return "writes_disabled";
  }
  return "bad_request";
}

}  // namespace

void write_refusal(httplib::Response& response, Refusal refusal, std::string_view message) {
  write_error_body(response, http_status(refusal), refusal_code(refusal), message);
}

void write_json(httplib::Response& response, int status, const std::string& json) {
  response.status = status;
  // No charset parameter: application/json is UTF-8 by definition (RFC 8259
  // section 11 registers none), and httplib only gzips this exact type.
  response.set_content(json, "application/json");
}

void write_error(httplib::Response& response, const corpus::Error& error) {
  write_error_body(response, http_status(error.code), corpus::error_code_name(error.code),
                   error.message);
}

void complete_error_answer(const httplib::Request& request, httplib::Response& response) {
  if (!response.body.empty() || response.status < 400 || response.status >= 500) return;
  switch (response.status) {
    case 404:
      return write_error(response, corpus::not_found("no such endpoint: " + request.path));
    case 405:
      return write_error_body(response, 405, "method_not_allowed", "method not allowed");
    case 414:
      // httplib refuses a request line over 8 KiB before any handler runs;
      // percent-encoded Cyrillic takes 6 bytes a letter, so a query of about
      // 1,350 letters ends here. It is the same error as a long query.
      return write_error(response, corpus::invalid_argument(
                                       "request line too long: a query may have at most " +
                                       std::to_string(corpus::kMaxQueryChars) + " characters and " +
                                       std::to_string(corpus::kMaxQueryTerms) + " terms"));
    case 413:
      // httplib's own payload limit (set to --max-body-bytes) on a
      // Content-Length it skipped without buffering.
      return write_refusal(response, Refusal::kBodyTooLarge,
                           "request body too large; the API reads no request body");
    case 416:
      // A Range header httplib could not parse.
      return write_refusal(response, Refusal::kTooManyRanges, "unsatisfiable Range header");
    default:
      return write_error_body(response, response.status, "bad_request", "malformed HTTP request");
  }
}

}  // namespace izdeu::server
