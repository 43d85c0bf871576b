#include "server/http_errors.h"

#include <nlohmann/json.hpp>

namespace izdeu::server {

int http_status(corpus::ErrorCode code) {
  // No default case: -Wswitch names any new code that nobody mapped.
  switch (code) {
    case corpus::ErrorCode::kInvalidArgument:
      return 400;
    case corpus::ErrorCode::kNotFound:
      return 404;
    case corpus::ErrorCode::kUnavailable:
      return 503;
    case corpus::ErrorCode::kDataLoss:
    case corpus::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

void write_json(httplib::Response& response, int status, const std::string& json) {
  response.status = status;
  // No charset parameter: application/json is UTF-8 by definition (RFC 8259
  // section 11 registers none), and httplib only gzips this exact type.
  response.set_content(json, "application/json");
}

void write_error(httplib::Response& response, const corpus::Error& error) {
  const nlohmann::json body = {
      {"error", {{"code", corpus::error_code_name(error.code)}, {"message", error.message}}}};
  // replace: a message may quote bytes of a bad request that are not UTF-8.
  write_json(response, http_status(error.code),
             body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace izdeu::server
