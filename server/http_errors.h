#pragma once
// The one place that chooses HTTP statuses, and the one error body format:
// {"error":{"code":"invalid_argument","message":"..."}}.

#include <httplib.h>

#include "corpus/error.h"

namespace izdeu::server {

/// HTTP status for an error code.
int http_status(corpus::ErrorCode code);

/// Writes `error` as the standard JSON error body with its status.
void write_error(httplib::Response& response, const corpus::Error& error);

/// Writes a JSON body with `status`.
void write_json(httplib::Response& response, int status, const std::string& json);

}  // namespace izdeu::server
