// Stop word lists of izdeu.
//
// Provenance: written by hand for izdeu (language.md §3 recommends a short
// curated list of function words over NLTK's 324 Kazakh entries); not copied
// from NLTK, pg-kazsearch, stopwords-iso or Snowball. Entries are normalized
// like Token::text: lower case, "ё" folded to "е", Kazakh letters kept.
// The English list was written the same way for izdeu, from English grammar
// (articles, prepositions, conjunctions, pronouns, auxiliaries); not copied
// from Snowball's, NLTK's or any other English list.
//
// Policy:
//   * function words only: prepositions/postpositions, conjunctions,
//     particles, pronouns with their case forms, auxiliary verb forms;
//   * question words ARE stop words (какой, кто, что, где, когда, сколько,
//     как; қандай, кім, не, қайда, қашан, неше, қалай); a later query feature
//     may make them optional instead;
//   * negation is NEVER a stop word: не, ни, нет, без, никто, ничего, нельзя;
//     емес, жоқ, еш, ешкім, ештеңе, ешқандай, ешқашан; not, no, nor, never,
//     without, none, nobody, nothing. They change what a query means
//     ("без НДС", "without VAT");
//   * "не" is per language: Russian "не" (not) is kept; Kazakh "не" (what)
//     is a question word and a stop word;
//   * no content words, even frequent ones: "бар" (exists/go), "ана"
//     (mother), "ақ" (white), "жыл", "надо", "можно" are left out; Xapian's
//     BM25 already down-weights frequent terms.
#include "analyzers/stop_words.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "analyzers/language_registry.h"
#include "analyzers/languages/word_lists.h"
#include "analyzers/word_list.h"

namespace izdeu::analyzers {
namespace {

constexpr std::string_view kRussianStopWords[] = {
    // prepositions
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "ко",
    "о",
    "об",
    "обо",
    "от",
    "ото",
    "до",
    "по",
    "за",
    "из",
    "изо",
    "у",
    "для",
    "при",
    "про",
    "через",
    "над",
    "под",
    "подо",
    "перед",
    "передо",
    "между",
    "около",
    "после",
    "среди",
    "вокруг",
    "ради",
    // conjunctions
    "и",
    "а",
    "но",
    "или",
    "либо",
    "да",
    "что",
    "чтобы",
    "чтоб",
    "как",
    "так",
    "также",
    "тоже",
    "если",
    "хотя",
    "когда",
    "пока",
    "потому",
    "поэтому",
    "ибо",
    "зато",
    "однако",
    "причем",
    "тогда",
    "то",
    // particles
    "же",
    "ж",
    "ли",
    "бы",
    "б",
    "вот",
    "вон",
    "уже",
    "еще",
    "лишь",
    "только",
    "даже",
    "ведь",
    "разве",
    "именно",
    "уж",
    "мол",
    "будто",
    "якобы",
    "нибудь",
    // personal and reflexive pronouns
    "я",
    "меня",
    "мне",
    "мной",
    "мною",
    "мы",
    "нас",
    "нам",
    "нами",
    "ты",
    "тебя",
    "тебе",
    "тобой",
    "вы",
    "вас",
    "вам",
    "вами",
    "он",
    "его",
    "него",
    "ему",
    "нему",
    "им",
    "ним",
    "нем",
    "она",
    "ее",
    "нее",
    "ей",
    "ней",
    "ею",
    "оно",
    "они",
    "их",
    "них",
    "ими",
    "ними",
    "себя",
    "себе",
    "собой",
    // possessive and demonstrative pronouns
    "свой",
    "своя",
    "свое",
    "свои",
    "своего",
    "своей",
    "своих",
    "своим",
    "своими",
    "своему",
    "своем",
    "свою",
    "этот",
    "эта",
    "это",
    "эти",
    "этого",
    "этой",
    "этому",
    "этим",
    "этих",
    "этом",
    "эту",
    "этими",
    "тот",
    "та",
    "те",
    "того",
    "той",
    "тому",
    "тем",
    "тех",
    "том",
    "ту",
    "теми",
    "весь",
    "вся",
    "все",
    "всего",
    "всей",
    "всех",
    "всем",
    "всеми",
    "всю",
    "всему",
    // relative pronouns
    "который",
    "которая",
    "которое",
    "которые",
    "которого",
    "которой",
    "которому",
    "которым",
    "котором",
    "которую",
    "которых",
    "которыми",
    // question words (some double as relative words)
    "кто",
    "кого",
    "кому",
    "кем",
    "ком",
    "чего",
    "чему",
    "чем",
    "где",
    "куда",
    "откуда",
    "почему",
    "зачем",
    "сколько",
    "какой",
    "какая",
    "какое",
    "какие",
    "какого",
    "какому",
    "каким",
    "каком",
    "какую",
    "каких",
    "какими",
    "чей",
    "чья",
    "чье",
    "чьи",
    // auxiliary "быть"
    "быть",
    "был",
    "была",
    "было",
    "были",
    "будет",
    "будут",
    "есть",
    "буду",
    "будем",
    // degree and other adverbs of no search value
    "очень",
    "более",
    "менее",
    "там",
    "тут",
    "здесь",
};

constexpr std::string_view kKazakhStopWords[] = {
    // conjunctions
    "және",
    "мен",
    "бен",
    "пен",
    "да",
    "де",
    "та",
    "те",
    "немесе",
    "әлде",
    "бірақ",
    "алайда",
    "дегенмен",
    "сондықтан",
    "себебі",
    "өйткені",
    "егер",
    "яғни",
    "әрі",
    "ал",
    "әйтпесе",
    "сонымен",
    "сонда",
    "онда",
    // postpositions
    "үшін",
    "туралы",
    "арқылы",
    "бойынша",
    "сияқты",
    "секілді",
    "дейін",
    "шейін",
    "кейін",
    "бұрын",
    "соң",
    "сайын",
    "қарай",
    "бері",
    "жөнінде",
    "жайында",
    "бірге",
    "гөрі",
    "арасында",
    "кезінде",
    "ретінде",
    // particles
    "ғана",
    "қана",
    "ма",
    "ме",
    "ба",
    "бе",
    "па",
    "пе",
    "ғой",
    "қой",
    "ше",
    "шы",
    "ші",
    "тек",
    "тіпті",
    "әне",
    "міне",
    "тағы",
    "енді",
    // personal pronouns and their case forms
    "сен",
    "сіз",
    "ол",
    "біз",
    "сендер",
    "сіздер",
    "олар",
    "менің",
    "сенің",
    "сіздің",
    "оның",
    "біздің",
    "олардың",
    "маған",
    "саған",
    "сізге",
    "оған",
    "бізге",
    "оларға",
    "мені",
    "сені",
    "сізді",
    "оны",
    "бізді",
    "оларды",
    "менде",
    "сенде",
    "бізде",
    "оларда",
    "менен",
    "одан",
    "бізден",
    "олардан",
    "онымен",
    "олармен",
    "өз",
    "өзі",
    "өзінің",
    "өзін",
    "өзіне",
    "өзінде",
    "өздері",
    // demonstratives
    "бұл",
    "осы",
    "сол",
    "мына",
    "мынау",
    "анау",
    "бұның",
    "мұның",
    "осының",
    "соның",
    "бұған",
    "осыған",
    "соған",
    "мұны",
    "осыны",
    "соны",
    "мұнда",
    "осында",
    "бұдан",
    "осыдан",
    "содан",
    "сондай",
    "осындай",
    "мұндай",
    "бұлар",
    "осылар",
    // quantifiers
    "барлық",
    "бәрі",
    "әр",
    "әрбір",
    "кейбір",
    "бірнеше",
    // question words
    "не",
    "кім",
    "кімнің",
    "кімге",
    "кімді",
    "кімнен",
    "кіммен",
    "нені",
    "неге",
    "неден",
    "немен",
    "қандай",
    "қайда",
    "қашан",
    "неше",
    "қалай",
    "қай",
    "қайсы",
    "қанша",
    "неліктен",
    // auxiliary verb forms
    "болып",
    "болды",
    "болады",
    "болған",
    "болса",
    "болатын",
    "бола",
    "деп",
    "деді",
    "деген",
    "дейді",
    "екен",
    "еді",
    "екені",
    "екенін",
};

constexpr std::string_view kEnglishStopWords[] = {
    // articles and determiners
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "each",
    "every",
    "all",
    "both",
    "either",
    "neither",
    "such",
    "other",
    "another",
    // prepositions
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "about",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "between",
    "among",
    "through",
    "during",
    "against",
    "upon",
    "within",
    "across",
    "toward",
    "towards",
    "since",
    "until",
    "till",
    "via",
    "per",
    "than",
    // conjunctions
    "and",
    "or",
    "but",
    "if",
    "because",
    "as",
    "while",
    "whereas",
    "although",
    "though",
    "so",
    "yet",
    "also",
    "then",
    "thus",
    // personal, possessive and reflexive pronouns
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    // question and relative words
    "what",
    "who",
    "whom",
    "whose",
    "which",
    "when",
    "where",
    "why",
    "how",
    // auxiliary and modal verb forms
    "be",
    "is",
    "am",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    // particles and adverbs of no search value
    "there",
    "here",
    "very",
    "just",
    "too",
    "only",
    "even",
    // contractions (the tokenizer keeps the apostrophe inside a word)
    "it's",
    "that's",
    "there's",
};

// Open-addressing hash set over a sorted list. is_stop_word() runs on every
// token, and a binary search costs ~8 string compares (memcmp calls) per word;
// hashing the word once and comparing with (almost always) at most one
// candidate of the same length is several times cheaper.
class StopWordSet {
 public:
  explicit StopWordSet(std::span<const std::string_view> words) {
    for (std::string_view word : words) max_length_ = std::max(max_length_, word.size());
    std::size_t capacity = 16;
    while (capacity < 4 * words.size()) capacity *= 2;  // load factor <= 1/4: short probes
    slots_.resize(capacity);
    mask_ = capacity - 1;
    for (std::string_view word : words) {
      std::size_t slot = hash(word) & mask_;
      while (slots_[slot].data() != nullptr) slot = (slot + 1) & mask_;
      slots_[slot] = word;
    }
  }

  bool contains(std::string_view word) const {
    if (word.empty() || word.size() > max_length_) return false;  // most content words
    for (std::size_t slot = hash(word) & mask_;; slot = (slot + 1) & mask_) {
      const std::string_view candidate = slots_[slot];
      if (candidate.data() == nullptr) return false;  // empty slot: not in the set
      if (candidate.size() == word.size() &&
          std::memcmp(candidate.data(), word.data(), word.size()) == 0) {
        return true;
      }
    }
  }

 private:
  // FNV-1a: stop words are short, so a byte loop is fast enough.
  static std::size_t hash(std::string_view word) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : word) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  std::vector<std::string_view> slots_;  // default (null data) = empty slot
  std::size_t mask_ = 0;
  std::size_t max_length_ = 0;
};

// The registry's lists, sorted, and their hash sets, one per registered
// language (indexed by Language), built on first use.
struct StopWordLists {
  StopWordLists() {
    for (const LanguageInfo& info : languages()) {
      sorted.push_back(sorted_word_list(info.stop_words));
    }
    for (const auto& list : sorted) sets.emplace_back(list);
  }
  std::vector<std::vector<std::string_view>> sorted;
  std::vector<StopWordSet> sets;
};

const StopWordLists& lists() {
  static const StopWordLists instance;
  return instance;
}

}  // namespace

namespace word_lists {
constinit const std::span<const std::string_view> kKazakhStopWords = analyzers::kKazakhStopWords;
constinit const std::span<const std::string_view> kRussianStopWords = analyzers::kRussianStopWords;
constinit const std::span<const std::string_view> kEnglishStopWords = analyzers::kEnglishStopWords;
}  // namespace word_lists

bool is_stop_word(std::string_view normalized_word, Language language) {
  return lists().sets[static_cast<std::size_t>(language)].contains(normalized_word);
}

bool is_stop_word_of_any_language(std::string_view normalized_word) {
  for (const StopWordSet& set : lists().sets) {
    if (set.contains(normalized_word)) return true;
  }
  return false;
}

std::span<const std::string_view> stop_words(Language language) {
  return lists().sorted[static_cast<std::size_t>(language)];
}

}  // namespace izdeu::analyzers
