#include "corpus/suggest/suggest_keys.h"

#include "analyzers/analyzer.h"
#include "analyzers/script.h"
#include "analyzers/transliteration.h"
#include "analyzers/utf8.h"
#include "corpus/query/entity_filters.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using analyzers::Token;

// Kazakh when the text has a Kazakh letter. The language only changes how
// homoglyphs are repaired (Latin "i" in a Kazakh word is "і") and which
// words are stop words; the normalized text is otherwise the same.
Language language_of(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (analyzers::is_kazakh_letter(analyzers::decode_utf8(text, i))) return Language::kKazakh;
  }
  return Language::kRussian;
}

// A word with no letters (a number) has no loose key; it keys as itself.
std::string loose_of(std::string_view word) {
  std::string key = analyzers::loose_key(word);
  return key.empty() ? std::string(word) : key;
}

// The ASCII letters that begin a multi-letter rule of the loose key (dzh dj
// zh shch sh kh gh ph ch, the iotated y, a vowel's "ie"): "tokay" keys as
// "tokai" but "tokayev" as "tokaev", so a partial Latin word that ends in one
// of them is looked up without it.
bool may_start_digraph(char c) {
  switch (c) {
    case 'c':
    case 'd':
    case 'g':
    case 'i':
    case 'k':
    case 'p':
    case 's':
    case 'y':
    case 'z':
      return true;
    default:
      return false;
  }
}

std::size_t letters(std::string_view key) {
  std::size_t count = 0;
  for (char c : key) count += c != ' ' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string partial_loose(const std::string& word) {
  // Only from four letters on: "tp" looked up as "t" would match half the keys.
  if (word.size() >= 4 && analyzers::is_latin_word(word) && may_start_digraph(word.back())) {
    return loose_of(std::string_view(word).substr(0, word.size() - 1));
  }
  return loose_of(word);
}

}  // namespace

TextKeys text_keys(std::string_view text, std::size_t max_starts, bool skip_stop_words) {
  TextKeys keys;
  const std::vector<Token> tokens = analyzers::analyzer_for(language_of(text)).analyze(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const bool indexed =
        i == 0 || (keys.exact_starts.size() < max_starts && !(skip_stop_words && token.stop_word));
    if (indexed) {
      keys.exact_starts.push_back(static_cast<std::uint32_t>(keys.exact.size()));
      keys.loose_starts.push_back(static_cast<std::uint32_t>(keys.loose.size()));
    }
    keys.exact += token.text;
    keys.exact += ' ';
    keys.loose += token.loose.empty() ? token.text : token.loose;
    keys.loose += ' ';
  }
  return keys;
}

TextKeys term_keys(std::string_view term) {
  TextKeys keys;
  if (term.empty()) return keys;
  keys.exact.assign(term);
  keys.exact += ' ';
  keys.loose = loose_of(term);
  keys.loose += ' ';
  keys.exact_starts.push_back(0);
  keys.loose_starts.push_back(0);
  return keys;
}

QueryKeys query_keys(std::string_view query) {
  QueryKeys keys;
  const std::vector<Token> tokens = analyzers::analyzer_for(language_of(query)).analyze(query);
  if (tokens.empty()) return keys;
  // A character after the last word (a space, a comma) means it is whole.
  const bool last_is_whole = tokens.back().byte_end < query.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const bool last = i + 1 == tokens.size();
    const bool partial = last && !last_is_whole;
    keys.exact += token.text;
    if (partial) {
      keys.loose += partial_loose(token.text);
    } else {
      keys.loose += token.loose.empty() ? token.text : token.loose;
      keys.exact += ' ';
      keys.loose += ' ';
    }
    if (!last) {
      keys.head += token.text;
      keys.head += ' ';
    }
  }
  const Token& last = tokens.back();
  keys.last_exact = last.text;
  keys.last_loose = last_is_whole ? loose_of(last.text) : partial_loose(last.text);
  if (last_is_whole) {
    keys.last_exact += ' ';
    keys.last_loose += ' ';
  }

  // Person key words, one per analyzed word.
  const std::string person = person_key_words(query);
  std::string person_exact;
  std::string person_loose;
  std::size_t begin = 0;
  while (begin < person.size()) {
    std::size_t end = person.find(' ', begin);
    if (end == std::string::npos) end = person.size();
    const std::string word = person.substr(begin, end - begin);
    const bool partial = end == person.size() && !last_is_whole;
    person_exact += word;
    person_loose += partial ? partial_loose(word) : loose_of(word);
    if (!partial) {
      person_exact += ' ';
      person_loose += ' ';
    }
    begin = end + 1;
  }
  if (person_exact != keys.exact || person_loose != keys.loose) {
    keys.person_exact = std::move(person_exact);
    keys.person_loose = std::move(person_loose);
  }
  // The loose key collapses runs of a letter ("Kassym" = "Касым"), so a
  // keyboard-mash query such as "oooooo" would look up every key starting
  // with "o". A loose key less than half as long as the words is no spelling
  // of them: the query is then matched by its exact words only.
  if (2 * letters(keys.loose) < letters(keys.exact)) {
    keys.loose.clear();
    keys.person_loose.clear();
    keys.last_loose.clear();
  }
  return keys;
}

}  // namespace izdeu::corpus
