// libFuzzer harness: analysis and entity tagging (people, regions, topics)
// of any title and body, in any of the languages, through
// prepare_document() — the one function every indexed article passes.
// Input: byte 0 picks the language (or detection), then "title\nbody".

#include <string>

#include "corpus/index/prepare.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  if (size == 0) return 0;
  corpus::RawArticle raw;
  switch (data[0] % 4) {
    case 0:
      raw.language = analyzers::Language::kKazakh;
      break;
    case 1:
      raw.language = analyzers::Language::kRussian;
      break;
    case 2:
      raw.language = analyzers::Language::kEnglish;
      break;
    default:
      break;  // detected from the text
  }
  const auto text = fuzz::as_text(data + 1, size - 1);
  const std::size_t line_end = text.find('\n');
  raw.title = std::string(text.substr(0, line_end));
  if (line_end != std::string_view::npos) raw.body = std::string(text.substr(line_end + 1));
  (void)corpus::prepare_document(std::move(raw));
  return 0;
}
