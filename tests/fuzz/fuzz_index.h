#pragma once
// A small real index for the harnesses that search: the sample archive's
// JSONL feed, prepared and written once per fuzzing process into a fresh
// temporary directory that is removed at exit.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "corpus/index/index_writer.h"
#include "corpus/index/prepare.h"
#include "corpus/search/searcher.h"
#include "indexer/jsonl_reader.h"

namespace izdeu::fuzz {

/// The searcher over the sample index; built on first use, aborts if the
/// sample cannot be indexed (a broken harness must not pass quietly).
inline corpus::Searcher& sample_searcher() {
  static const std::string directory = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "izdeu-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    static std::string to_remove;
    to_remove = pattern;
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(to_remove, ignored);
    });
    return pattern;
  }();
  static std::unique_ptr<corpus::Searcher> searcher = [] {
    const std::string index = directory + "/index";
    auto writer = corpus::IndexWriter::open(index);
    if (!writer) std::abort();
    std::ifstream feed(IZDEU_SOURCE_DIR "/tests/fixtures/sample/feed.jsonl");
    std::size_t written = 0;
    indexer::read_jsonl(
        feed, "feed.jsonl",
        [&](corpus::RawArticle&& raw) {
          auto prepared = corpus::prepare_document(std::move(raw));
          if (prepared && writer->add_or_replace(prepared->article.id, prepared->document)) {
            ++written;
          }
        },
        [](const auto&) {});
    if (written == 0 || !writer->commit()) std::abort();
    auto opened = corpus::Searcher::open({index});
    if (!opened) std::abort();
    return std::make_unique<corpus::Searcher>(std::move(*opened));
  }();
  return *searcher;
}

}  // namespace izdeu::fuzz
