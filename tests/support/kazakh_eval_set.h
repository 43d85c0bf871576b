#pragma once
// The Kazakh lemma sets of tests/data/kazakh/ (word TAB lemma group) and the
// Kazakh vocabulary of the real text (../shared/corpus/raw: NTREX-128 kk and
// SIB-200 kaz_Cyrl), for the conflation evaluations of the stemmer, the
// KazakhLexicon and the index.

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/utf8.h"

namespace izdeu::testing {

struct KazakhEvalEntry {
  std::string word;
  std::string group;  ///< entries of one group share a lemma
};

/// The entries of a set file; '#' lines and lines without a TAB are skipped.
inline std::vector<KazakhEvalEntry> read_kazakh_set(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<KazakhEvalEntry> entries;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    entries.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return entries;
}

/// Lower case for Cyrillic, the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) included.
inline char32_t kazakh_lower(char32_t c) {
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if ((c >= 0x490 && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF)) return c | 1;
  return c;
}

/// Adds every word of `text` (a maximal run of Cyrillic letters, lower-cased).
inline void add_kazakh_words(std::string_view text, std::set<std::string>& words) {
  std::string current;
  analyzers::for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) {
    if (c >= 0x400 && c <= 0x4FF) {
      analyzers::append_utf8(current, kazakh_lower(c));
    } else if (!current.empty()) {
      words.insert(current);
      current.clear();
    }
  });
  if (!current.empty()) words.insert(current);
}

/// The words of NTREX-128's Kazakh news and SIB-200's Kazakh sentences under
/// `raw` (../shared/corpus/raw); empty when they cannot be read.
inline std::set<std::string> kazakh_corpus_vocabulary(const std::filesystem::path& raw) {
  std::set<std::string> words;
  std::ifstream ntrex(raw / "ntrex128" / "NTREX-128" / "newstest2019-ref.kaz.txt");
  for (std::string line; std::getline(ntrex, line);) add_kazakh_words(line, words);
  for (const char* split : {"train.tsv", "dev.tsv", "test.tsv"}) {
    std::ifstream sib(raw / "sib200" / "data" / "annotated" / "kaz_Cyrl" / split);
    std::string line;
    std::getline(sib, line);  // header: index_id, category, text
    while (std::getline(sib, line)) add_kazakh_words(line.substr(line.rfind('\t') + 1), words);
  }
  return words;
}

}  // namespace izdeu::testing
