#include "server/request_params.h"

#include <charconv>

#include "analyzers/utf8.h"

namespace izdeu::server {

using corpus::invalid_argument;
using corpus::Result;

std::string trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string param(const httplib::Request& request, const char* name) {
  return request.has_param(name) ? trimmed(request.get_param_value(name)) : std::string();
}

Result<std::vector<std::string>> param_values(const httplib::Request& request, const char* name) {
  const std::size_t count = request.get_param_value_count(name);
  // Counted before any value is read: a request repeating a parameter
  // thousands of times costs no more than one repeating it 21 times.
  if (count > kMaxParamValues) {
    return invalid_argument(std::string("parameter '") + name + "' is given more than " +
                            std::to_string(kMaxParamValues) + " times");
  }
  std::vector<std::string> values;
  for (std::size_t i = 0; i < count; ++i) {
    std::string value = analyzers::sanitize_utf8(trimmed(request.get_param_value(name, i)));
    if (value.size() > kMaxParamValueBytes) {
      return invalid_argument(std::string("parameter '") + name + "' is longer than " +
                              std::to_string(kMaxParamValueBytes) + " bytes");
    }
    if (!value.empty()) values.push_back(std::move(value));
  }
  return values;
}

Result<std::uint32_t> parse_count(const httplib::Request& request, const char* name,
                                  std::uint32_t fallback, std::uint32_t min, std::uint32_t max) {
  if (!request.has_param(name)) return fallback;
  const std::string text = trimmed(request.get_param_value(name));
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < min ||
      value > max) {
    return invalid_argument(std::string("parameter '") + name + "' must be an integer from " +
                            std::to_string(min) + " to " + std::to_string(max));
  }
  return static_cast<std::uint32_t>(value);
}

Result<std::optional<corpus::Date>> parse_date_param(const httplib::Request& request,
                                                     const char* name) {
  const std::string text = param(request, name);
  if (text.empty()) return std::optional<corpus::Date>();
  auto date = corpus::parse_iso_date(text);
  if (!date) {
    return invalid_argument(std::string("parameter '") + name +
                            "' must be a date as YYYY-MM-DD, got '" + text + "'");
  }
  return std::optional<corpus::Date>(*date);
}

Result<DateRange> parse_date_range(const httplib::Request& request) {
  auto from = parse_date_param(request, "from");
  if (!from) return from.error();
  auto to = parse_date_param(request, "to");
  if (!to) return to.error();
  if (*from && *to && **to < **from) return invalid_argument("parameter 'from' is after 'to'");
  return DateRange{*from, *to};
}

}  // namespace izdeu::server
