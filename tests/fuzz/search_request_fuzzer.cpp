// libFuzzer harness: our HTTP request parsers. The input is a query string
// ("q=...&per_page=...&facets=..."), split at '&' and '=' without decoding
// (the parsers must hold for any bytes a decoder can produce); the
// parameters go through parse_search_request() and parse_analyze_request(),
// and a search request that parses is run over a small real index, as
// /api/v1/search would.

#include <httplib.h>

#include "server/api_json.h"
#include "tests/fuzz/fuzz_index.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

httplib::Request request_from(std::string_view query_string) {
  httplib::Request request;
  std::size_t start = 0;
  while (start <= query_string.size()) {
    std::size_t end = query_string.find('&', start);
    if (end == std::string_view::npos) end = query_string.size();
    const std::string_view pair = query_string.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      request.params.emplace(std::string(pair), std::string());
    } else {
      request.params.emplace(std::string(pair.substr(0, equals)),
                             std::string(pair.substr(equals + 1)));
    }
    start = end + 1;
  }
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  const httplib::Request request = request_from(fuzz::as_text(data, size));
  (void)server::parse_analyze_request(request);
  const auto search = server::parse_search_request(request);
  if (search) (void)fuzz::sample_searcher().search(*search);
  return 0;
}
