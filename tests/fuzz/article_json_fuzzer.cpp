// libFuzzer harness: one article as JSON, as a JSONL line and each item of a
// write-API batch arrive (formats::parse_article_json), and what it accepts
// through prepare_document().

#include "corpus/index/prepare.h"
#include "formats/article_json.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  auto parsed = formats::parse_article_json(fuzz::as_text(data, size));
  if (parsed) (void)corpus::prepare_document(std::move(*parsed));
  return 0;
}
