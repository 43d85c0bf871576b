// libFuzzer harness: the page-dump parser over any file content, and what it
// accepts through prepare_document(), as the indexer and the write API do.

#include <cstdlib>

#include "corpus/index/prepare.h"
#include "formats/page_dump.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  auto parsed = formats::parse_page_dump(fuzz::as_text(data, size));
  if (!parsed) return 0;
  // The contract: a parsed dump has a date and a title or a body.
  if (!parsed->date || (parsed->title.empty() && parsed->body.empty())) std::abort();
  (void)corpus::prepare_document(std::move(*parsed));
  return 0;
}
