// Question word lists of izdeu.
//
// Provenance: written by hand for izdeu from the grammar of each language
// (interrogative pronouns and adverbs with their case forms, and the question
// particles); not copied from any list. Entries are normalized like
// Token::text: lower case, "ё" folded to "е", Kazakh letters kept.
//
// Policy:
//   * interrogative pronouns in every case a question uses (кто/кого/кому/
//     кем/ком; кім/кімнің/кімге/кімді/кімде/кімнен/кіммен), adverbs (где,
//     когда, сколько; қайда, қашан, неше) and question particles (ли; ма/ме/
//     ба/бе/па/пе);
//   * Russian «не» is a negation and is NOT listed: «не прошла» must stay
//     required. Kazakh «не» ("what") is listed; which list applies follows
//     the language a word was analyzed as (Token::language);
//   * English: the wh-words with their forms (who/whom/whose, whoever),
//     "how" and "whether"; "not" is a negation like Russian «не» and is not
//     listed;
//   * relative uses («который», «что» as a conjunction) are function words
//     anyway, so listing them costs nothing.
#include "analyzers/question_words.h"

#include <algorithm>
#include <vector>

#include "analyzers/language_registry.h"
#include "analyzers/languages/word_lists.h"
#include "analyzers/word_list.h"

namespace izdeu::analyzers {
namespace {

constexpr std::string_view kRussianQuestionWords[] = {
    "кто",       "кого",      "кому",    "кем",     "ком",      "что",      "чего",     "чему",
    "чем",       "какой",     "какая",   "какое",   "какие",    "какого",   "какому",   "каким",
    "каком",     "какую",     "каких",   "какими",  "какою",    "каков",    "какова",   "каково",
    "каковы",    "который",   "которая", "которое", "которые",  "которого", "которой",  "которому",
    "которым",   "котором",   "которую", "которых", "которыми", "чей",      "чья",      "чье",
    "чьи",       "чьего",     "чьей",    "чьему",   "чьим",     "чьих",     "чьими",    "чью",
    "где",       "куда",      "откуда",  "когда",   "как",      "сколько",  "скольких", "скольким",
    "сколькими", "насколько", "почему",  "зачем",   "отчего",   "ли",       "разве",    "неужели",
};

constexpr std::string_view kKazakhQuestionWords[] = {
    // кім "who"
    "кім",
    "кімнің",
    "кімге",
    "кімді",
    "кімде",
    "кімнен",
    "кіммен",
    "кімдер",
    "кімдердің",
    "кімдерге",
    "кімдерді",
    "кімдерден",
    "кімдермен",
    // не "what"
    "не",
    "ненің",
    "неге",
    "нені",
    "неде",
    "неден",
    "немен",
    "нелер",
    "нелердің",
    // қандай "which, what kind"; қай, қайсы "which"
    "қандай",
    "қандайы",
    "қай",
    "қайсы",
    "қайсысы",
    "қайсысын",
    // қайда "where"
    "қайда",
    "қайдан",
    "қайдағы",
    // қашан "when"
    "қашан",
    "қашаннан",
    "қашанғы",
    // неше, қанша "how many"
    "неше",
    "нешеу",
    "нешінші",
    "нешесі",
    "қанша",
    "қаншасы",
    "қаншалық",
    // қалай "how"; неліктен "why"
    "қалай",
    "қалайша",
    "неліктен",
    // question particles
    "ма",
    "ме",
    "ба",
    "бе",
    "па",
    "пе",
};

constexpr std::string_view kEnglishQuestionWords[] = {
    "what",      "whatever", "who",   "whom", "whose", "whoever", "which",
    "whichever", "when",     "where", "why",  "how",   "whether",
};

// The registry's lists, sorted, one per registered language (indexed by Language).
const std::vector<std::vector<std::string_view>>& sorted_lists() {
  static const std::vector<std::vector<std::string_view>> lists = [] {
    std::vector<std::vector<std::string_view>> out;
    for (const LanguageInfo& info : languages())
      out.push_back(sorted_word_list(info.question_words));
    return out;
  }();
  return lists;
}

const std::vector<std::string_view>& list_for(Language language) {
  return sorted_lists()[static_cast<std::size_t>(language)];
}

}  // namespace

namespace word_lists {
constinit const std::span<const std::string_view> kKazakhQuestionWords =
    analyzers::kKazakhQuestionWords;
constinit const std::span<const std::string_view> kRussianQuestionWords =
    analyzers::kRussianQuestionWords;
constinit const std::span<const std::string_view> kEnglishQuestionWords =
    analyzers::kEnglishQuestionWords;
}  // namespace word_lists

bool is_question_word(std::string_view normalized_word, Language language) {
  // Called once per query word, never per indexed token: a binary search is enough.
  const auto& list = list_for(language);
  return std::binary_search(list.begin(), list.end(), normalized_word);
}

std::span<const std::string_view> question_words(Language language) { return list_for(language); }

}  // namespace izdeu::analyzers
