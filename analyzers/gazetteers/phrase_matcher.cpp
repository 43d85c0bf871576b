#include "analyzers/gazetteers/phrase_matcher.h"

#include <algorithm>
#include <array>

#include "analyzers/analyzer.h"
#include "analyzers/transliteration.h"

namespace izdeu::analyzers {
namespace {

// Kazakh case and derivation endings in loose-key spelling (ы і и → i, ғ → g,
// қ → k, ң → n, ә → a, ө → o, ұ ү → u), every allomorph (language.md §2.2):
// genitive -ның/-нің/-дың/-дің/-тың/-тің; dative -ға/-ге/-қа/-ке/-на/-не;
// accusative -ны/-ні/-ды/-ді/-ты/-ті/-н; locative -да/-де/-та/-те/-нда/-нде;
// ablative -дан/-ден/-тан/-тен/-нан/-нен; instrumental -мен/-бен/-пен/-менен;
// locative-attributive -дағы/-дегі/-тағы/-тегі/-ндағы/-ндегі; -лық/-лік/-дық/
// -дік/-тық/-тік ("of, from": алматылық). The bare vowels -а/-е/-ы/-і are left
// out: they would let a name swallow unrelated words one letter longer.
constexpr std::array<std::string_view, 36> kKazakhEndings = {
    "nin", "din", "tin", "ga",  "ge",   "ka",   "ke",   "na",   "ne",    "ni",    "di",  "ti",
    "n",   "da",  "de",  "ta",  "te",   "nda",  "nde",  "dan",  "den",   "tan",   "ten", "nan",
    "nen", "men", "ben", "pen", "dagi", "degi", "tagi", "tegi", "ndagi", "ndegi", "lik", "menen"};

// A loose key must keep at least this many letters once an ending is cut
// off: shorter ones meet unrelated words too often (Шкода = шко + -да).
constexpr std::size_t kMinLooseBase = 5;
// A stem shorter than this (in letters) is only used when it is the whole
// word. Within a phrase the other words are context enough for shorter ones
// («Кзыл-Орде»: орд, «Алма-Ате»: ат).
constexpr std::size_t kMinStemLetters = 4;
constexpr std::size_t kMinPhraseStemLetters = 2;
// Stems this long may differ by one letter at the end: Snowball Russian is
// not consistent there (ассамблея → ассамбле, ассамблеи → ассамбл).
constexpr std::size_t kMinClippableStemLetters = 7;

std::size_t letters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `stem` without its last code point, or empty when it is shorter than
// kMinClippableStemLetters.
std::string_view clipped(std::string_view stem) {
  if (letters(stem) < kMinClippableStemLetters) return {};
  std::size_t end = stem.size() - 1;
  while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80) --end;
  return stem.substr(0, end);
}

bool usable_stem(std::string_view stem, std::string_view word, bool in_phrase) {
  const std::size_t minimum = in_phrase ? kMinPhraseStemLetters : kMinStemLetters;
  return !stem.empty() && (letters(stem) >= minimum || stem == word);
}

// Whether a one-word name's stem keeps the name: the name itself, or the name
// without one or two final vowels, soft sign or short i (Астана → астан,
// Рудный → рудн, Костанай → костана). A stem that cuts into the name's
// consonants is another word's stem as well (Бейнеу → бейне "image",
// Саран → сара, a first name).
bool keeps_name(std::string_view stem, std::string_view name) {
  if (stem == name) return true;
  if (!name.starts_with(stem)) return false;
  std::string_view tail = name.substr(stem.size());
  std::size_t count = 0;
  while (!tail.empty()) {
    bool vowel = false;
    // а я ы и е о ь й (U+0430 U+044F U+044B U+0438 U+0435 U+043E U+044C U+0439)
    // and Kazakh і (U+0456), in UTF-8.
    for (const std::string_view letter : {"а", "я", "ы", "и", "е", "о", "ь", "й", "і"}) {
      if (tail.starts_with(letter)) {
        tail.remove_prefix(letter.size());
        vowel = true;
        break;
      }
    }
    if (!vowel || ++count > 2) return false;
  }
  return true;
}

void add_unique(std::vector<std::string>& list, std::string_view value) {
  if (value.empty() || std::find(list.begin(), list.end(), value) != list.end()) return;
  list.emplace_back(value);
}

}  // namespace

bool stems_agree(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  if (a.size() < b.size()) std::swap(a, b);
  return clipped(a) == b;
}

std::vector<PhraseWord> PhraseMatcher::analyze_phrase(std::string_view phrase, Reach reach) {
  const Analyzer& russian = analyzer_for(Language::kRussian);
  const std::vector<Token> written = russian.analyze(phrase);
  std::vector<PhraseWord> words(written.size());
  if (written.empty()) return words;

  // Lower case, from the normalized forms: a capitalized word may be stemmed
  // as a name («Астана» → астан) and a lower-case one as a common noun
  // («астана» → аста); text and queries come in both, so both readings count.
  std::string lower;
  for (const Token& token : written) (lower += lower.empty() ? "" : " ") += token.text;

  for (const Language language : {Language::kRussian, Language::kKazakh}) {
    const Analyzer& analyzer = analyzer_for(language);
    for (const std::string_view text : {phrase, std::string_view(lower)}) {
      const std::vector<Token> tokens =
          (language == Language::kRussian && text == phrase) ? written : analyzer.analyze(text);
      // The tokenizer is the same for both languages and cases, so the words
      // line up; a reading that splits differently is skipped.
      if (tokens.size() != words.size()) continue;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        PhraseWord& word = words[i];
        add_unique(word.exact, tokens[i].text);
        if (reach != Reach::kExact) {
          const bool in_phrase = words.size() > 1;
          for (const std::string& stem : analyzer.query_stems(tokens[i])) {
            if (!usable_stem(stem, tokens[i].text, in_phrase)) continue;
            if (reach == Reach::kLoose && !in_phrase && !keeps_name(stem, tokens[i].text)) continue;
            add_unique(word.stems, stem);
          }
        }
        if (reach == Reach::kLoose) add_unique(word.loose, tokens[i].loose);
      }
    }
  }
  for (std::size_t i = 0; i < words.size(); ++i) words[i].latin = is_latin_word(written[i].text);
  return words;
}

bool PhraseMatcher::add(std::string_view phrase, std::uint32_t value, Reach reach) {
  return add(analyze_phrase(phrase, reach), value);
}

std::string PhraseMatcher::key(std::span<const PhraseWord> words) {
  std::string joined;
  for (const PhraseWord& word : words) {
    if (!word.exact.empty()) (joined += joined.empty() ? "" : " ") += word.exact.front();
  }
  return joined;
}

bool PhraseMatcher::add(std::span<const PhraseWord> words, std::uint32_t value) {
  if (words.empty()) return false;
  const auto index = static_cast<std::uint32_t>(phrases_.size());
  phrases_.push_back({value, static_cast<std::uint32_t>(words.size())});
  longest_ = std::max(longest_, words.size());
  for (std::uint32_t i = 0; i < words.size(); ++i) {
    const WordRef ref{index, i};
    for (const std::string& key : words[i].exact) exact_[key].push_back(ref);
    for (const std::string& key : words[i].stems) {
      stems_[key].push_back(ref);
      if (const std::string_view clip = clipped(key); !clip.empty()) {
        clipped_stems_[std::string(clip)].push_back(ref);
      }
    }
    KeyMap& loose = words[i].latin ? latin_loose_ : cyrillic_loose_;
    for (const std::string& key : words[i].loose) loose[key].push_back(ref);
  }
  return true;
}

void PhraseMatcher::collect(const Token& token, FindOptions options,
                            std::vector<WordRef>& out) const {
  const auto append = [&out](const KeyMap& map, std::string_view key) {
    if (key.empty()) return;
    if (const auto found = map.find(key); found != map.end()) {
      out.insert(out.end(), found->second.begin(), found->second.end());
    }
  };
  const auto append_stem = [&](std::string_view stem) {
    append(stems_, stem);
    append(clipped_stems_, stem);   // the phrase's stem has a letter more
    append(stems_, clipped(stem));  // the token's stem has a letter more
  };
  append(exact_, token.text);
  if (options.query) {
    for (const std::string& stem : analyzer_for(token.language).query_stems(token)) {
      append_stem(stem);
    }
  } else {
    append_stem(token.stem);
  }
  if (token.loose.empty()) return;
  const KeyMap& loose = is_latin_word(token.text) ? latin_loose_ : cyrillic_loose_;
  if (loose.empty()) return;
  const std::string_view key = token.loose;
  append(loose, key);
  append(loose, token.loose_stem);
  for (const std::string_view ending : kKazakhEndings) {
    if (key.size() >= ending.size() + kMinLooseBase && key.ends_with(ending)) {
      append(loose, key.substr(0, key.size() - ending.size()));
    }
  }
}

std::vector<PhraseMatcher::Match> PhraseMatcher::find(std::span<const Token> tokens,
                                                      FindOptions options) const {
  // Which phrase words each token can be, sorted. When a match needs a
  // capitalized token, only tokens within a phrase's length of a capitalized
  // token that is a phrase word can take part, so the rest (most words of a
  // text) are never looked up.
  std::vector<std::vector<WordRef>> hits(tokens.size());
  std::vector<bool> looked_up(tokens.size(), false);
  const auto look_up = [&](std::size_t i) {
    if (looked_up[i]) return;
    looked_up[i] = true;
    std::vector<WordRef>& refs = hits[i];
    collect(tokens[i], options, refs);
    std::sort(refs.begin(), refs.end());
    refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  };
  if (options.capitalized) {
    const std::size_t reach = longest_ > 0 ? longest_ - 1 : 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!tokens[i].capitalized) continue;
      look_up(i);
      if (hits[i].empty()) continue;
      const std::size_t from = i > reach ? i - reach : 0;
      const std::size_t to = std::min(tokens.size(), i + reach + 1);
      for (std::size_t j = from; j < to; ++j) look_up(j);
    }
  } else {
    for (std::size_t i = 0; i < tokens.size(); ++i) look_up(i);
  }
  const auto run = [&](std::size_t token) { return std::span<const WordRef>(hits[token]); };

  std::vector<Match> matches;
  std::size_t i = 0;
  while (i < tokens.size()) {
    Match best;
    for (const WordRef& ref : run(i)) {
      if (ref.word != 0) continue;
      const Phrase& phrase = phrases_[ref.phrase];
      const std::size_t length = phrase.words;
      if (length < best.count || i + length > tokens.size()) continue;
      bool whole = true;
      for (std::uint32_t k = 1; k < length && whole; ++k) {
        const auto next = run(i + k);
        whole = std::binary_search(next.begin(), next.end(), WordRef{ref.phrase, k});
      }
      if (whole && options.capitalized) {
        whole = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                            tokens.begin() + static_cast<std::ptrdiff_t>(i + length),
                            [](const Token& token) { return token.capitalized; });
      }
      if (!whole) continue;
      if (length > best.count) {
        best.count = length;
        best.values.clear();
      }
      if (std::find(best.values.begin(), best.values.end(), phrase.value) == best.values.end()) {
        best.values.push_back(phrase.value);
      }
    }
    if (best.count == 0) {
      ++i;
      continue;
    }
    best.first = i;
    i += best.count;
    matches.push_back(std::move(best));
  }
  return matches;
}

}  // namespace izdeu::analyzers
