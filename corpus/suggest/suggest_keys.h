#pragma once
// Texts and queries -> the keys the Suggester matches on: the analyzer's
// normalized words and their cross-script loose keys, joined by spaces.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::corpus {

/// The two keys of a suggestible text, each word followed by one space:
/// "Токаев встретился с Путиным" -> exact "токаев встретился с путиным ",
/// loose "tokaev vstretilsia s putinim ". The trailing space lets a query
/// that ends in a space ask for whole words.
struct TextKeys {
  std::string exact;
  std::string loose;
  /// Byte offsets of the word starts to index (always the first word).
  std::vector<std::uint32_t> exact_starts;
  std::vector<std::uint32_t> loose_starts;
};

/// Keys of `text` (a title, a person key, a region name), analyzed as Kazakh
/// when it has a Kazakh letter, else as Russian. At most `max_starts` word
/// starts are indexed; with `skip_stop_words`, none at a stop word (a title is
/// not looked up by «в» or «и») except the first word. Empty keys when the
/// text has no words.
TextKeys text_keys(std::string_view text, std::size_t max_starts, bool skip_stop_words);

/// Keys of a single term that is already normalized (an unprefixed index
/// term); cheaper than text_keys() because it skips the analyzer.
TextKeys term_keys(std::string_view term);

/// What a query is looked up by.
struct QueryKeys {
  /// The whole query, as text_keys() would key it, except that the last word
  /// has no space after it unless the query ended with a non-word character
  /// (then it must be a whole word). The loose key of a partial last Latin
  /// word drops a final letter that may start a digraph of the loose-key
  /// rules ("tokay" is looked up as "toka", since "tokayev" keys as "tokaev").
  /// The loose keys are empty when they are less than half as long as the
  /// exact ones (a mash such as "oooooo" collapses to "o").
  std::string exact;
  std::string loose;
  /// The same with each word replaced by its person key word
  /// (corpus::person_key_words: «Тоқаевтың» -> «тоқаев»); empty when that
  /// changes nothing.
  std::string person_exact;
  std::string person_loose;
  /// The normalized words before the last one, each followed by a space, and
  /// the last word's keys: a word completion is `head` + a completed word.
  std::string head;
  std::string last_exact;
  std::string last_loose;

  bool empty() const { return exact.empty(); }
};

QueryKeys query_keys(std::string_view query);

}  // namespace izdeu::corpus
