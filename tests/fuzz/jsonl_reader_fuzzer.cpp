// libFuzzer harness: the JSONL reader over any stream (lines, BOM, CRLF,
// overlong lines with a small cap so that the piecewise skip is reached), and
// every record it passes on through prepare_document(), as the indexer does.

#include <sstream>

#include "corpus/index/prepare.h"
#include "indexer/jsonl_reader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  std::istringstream input{std::string(fuzz::as_text(data, size))};
  // A 4 KiB cap instead of 16 MiB: the same code path at fuzzing sizes.
  constexpr std::size_t kMaxLine = 4096;
  indexer::read_jsonl(
      input, "fuzz.jsonl",
      [](corpus::RawArticle&& raw) { (void)corpus::prepare_document(std::move(raw)); },
      [](const auto&) {}, kMaxLine);
  return 0;
}
