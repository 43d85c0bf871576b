// libFuzzer harness: decode_cursor() over any bytes (the `after` parameter of
// /api/v1/search comes from clients). A cursor that decodes must encode back
// to a cursor that decodes to the same position.

#include <cstdlib>

#include "corpus/search/search_cursor.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  const auto decoded = corpus::decode_cursor(fuzz::as_text(data, size));
  if (!decoded) return 0;
  const std::string again = corpus::encode_cursor(*decoded);
  const auto round_trip = corpus::decode_cursor(again);
  if (!round_trip || corpus::encode_cursor(*round_trip) != again) std::abort();
  return 0;
}
