// libFuzzer harness: the query language. parse_query() over any text, and
// the same text searched (parse, readings against the index's lexicon, query
// building, matching, snippets) over a small real index in each match mode.
// Input: byte 0 picks the match mode and sort, the rest is the query.

#include "corpus/query/query_parser.h"
#include "corpus/search/searcher.h"
#include "tests/fuzz/fuzz_index.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace izdeu;
  if (size == 0) return 0;
  const auto text = fuzz::as_text(data + 1, size - 1);
  const auto parsed = corpus::parse_query(text);
  if (!parsed) return 0;
  corpus::SearchRequest request;
  request.query = std::string(text);
  constexpr corpus::MatchMode kModes[] = {corpus::MatchMode::kAuto, corpus::MatchMode::kAll,
                                          corpus::MatchMode::kAny};
  request.match = kModes[data[0] % 3];
  constexpr corpus::SortOrder kSorts[] = {corpus::SortOrder::kRelevance, corpus::SortOrder::kDate,
                                          corpus::SortOrder::kRecency};
  request.sort = kSorts[(data[0] / 3) % 3];
  (void)fuzz::sample_searcher().search(request);
  return 0;
}
