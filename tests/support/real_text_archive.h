#pragma once
// Real public news text (../shared/corpus/raw, see its SOURCES.md) as
// articles, for tests that measure search on text nobody on the team wrote.
// The files are read by path and never copied into the repository. The
// conversion is deterministic: the same files give the same articles, ids and
// order every time.
//
//   factRuEval-2016   every .txt of devset/ and testset/, one article each:
//                     id "fre-<split>-book_<N>", lang ru, title = the first
//                     non-empty line, body = the other non-empty lines joined
//                     by "\n\n" (the files separate paragraphs by a blank line).
//   NTREX-128         every document of DOCUMENT_IDS.tsv (consecutive lines
//                     with the same id), in Kazakh and in Russian: id
//                     "ntrex-<kk|ru>-<document id>", title = its first line,
//                     body = the other lines joined by a space.
//   KazNERD           IOB2_test.txt and IOB2_valid.txt, every 8 consecutive
//                     sentences one article (the last one of a split may have
//                     fewer): id "kaznerd-<test|valid>-<k>", k counting from 1,
//                     lang kk, each sentence its tokens joined by a space; title
//                     = the first sentence, body = the other sentences joined by
//                     a space.
//
// A title longer than kMaxTitleBytes is cut at the last space before that
// length, and what was cut off starts the body; a document of one line (four
// factRuEval files, some NTREX documents) gets its body that way too. Leading
// and trailing white space (and a CR) is removed from every line.

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/error.h"

namespace izdeu::testing {

/// ../shared/corpus/raw, where the raw corpus is.
std::filesystem::path real_text_raw_dir();

/// Longest title kept whole, in bytes.
inline constexpr std::size_t kMaxTitleBytes = 120;

/// Every article of the raw corpus under `raw_dir`, in a fixed order
/// (factRuEval devset, testset by book number; NTREX kk, ru in document order;
/// KazNERD test, valid), each with its id and language set. kNotFound naming
/// the file when one of the expected files is missing or unreadable.
corpus::Result<std::vector<corpus::RawArticle>> real_text_articles(
    const std::filesystem::path& raw_dir = real_text_raw_dir());

/// Every title-less Kazakh passage of the raw corpus under `raw_dir`, for
/// question answering evaluations (tests/data/kazakh_qa/questions.tsv), in a
/// fixed order, language kk, title empty, body the passage's text:
///   KazNERD    test, valid: the sentences of each article above, joined by a
///              space: id "kaznerd-<test|valid>-<k>", as the article's
///   NTREX-128  Kazakh documents, every 4 consecutive lines (headline
///              included; the last window of a document may have fewer),
///              joined by a space: id "ntrex-kk-<document id>-<w>", w
///              counting from 1 within the document
///   SIB-200    kaz_Cyrl train, dev, test: one passage per row, its text:
///              id "sib-kk-<index_id>"
/// kNotFound naming the file when one of them is missing or unreadable.
corpus::Result<std::vector<corpus::RawArticle>> kazakh_passages(
    const std::filesystem::path& raw_dir = real_text_raw_dir());

/// One JSON Lines record per article, in the format indexer/jsonl_reader.h
/// reads (id, lang, title, body; date, url, source, section and views when
/// set). False when `path` cannot be written.
bool write_jsonl(const std::vector<corpus::RawArticle>& articles,
                 const std::filesystem::path& path);

/// Writes the real-text articles as `work_dir`/real_text.jsonl and indexes it,
/// with the sample archive (tests/fixtures/sample) when `with_sample`, into a
/// new index at `index_path` the way izdeu-indexer does
/// (testing::index_archives). Returns the number of articles indexed, or why
/// it failed (a missing file, an unwritable directory, an ingest error, or
/// skipped records, which mean the conversion is broken).
corpus::Result<std::uint64_t> index_real_text_archive(const std::filesystem::path& index_path,
                                                      const std::filesystem::path& work_dir,
                                                      bool with_sample = true);

}  // namespace izdeu::testing
