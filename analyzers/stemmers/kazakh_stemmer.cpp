#include "analyzers/stemmers/kazakh_stemmer.h"

#include <algorithm>
#include <span>
#include <vector>

#include "analyzers/stemmers/kazakh_suffixes.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

using kazakh::Harmony;
using kazakh::Suffix;

// Longer words come back unchanged; no Kazakh word form is this long, and a
// fixed buffer keeps stem() free of heap work besides the result.
constexpr std::size_t kMaxLetters = 48;

std::uint8_t letter_class(char32_t c) {
  switch (c) {
    case U'ы':
    case U'і':
      return kazakh::kVowel | kazakh::kPx3;
    case U'а':
    case U'ә':
    case U'е':
    case U'ё':
    case U'о':
    case U'ө':
    case U'ұ':
    case U'ү':
    case U'э':
    case U'ю':
    case U'я':
      return kazakh::kVowel;
    case U'р':
    case U'й':
    case U'у':
    case U'и':
      return kazakh::kGlide;
    case U'л':
      return kazakh::kLateral;
    case U'м':
    case U'н':
    case U'ң':
      return kazakh::kNasal;
    case U'з':
    case U'ж':
      return kazakh::kSibilant;
    case U'ғ':
      return kazakh::kVoiced;
    default:
      // п ф к қ т с ш щ х ц ч һ, and б в г д, which loans devoice at the end
      // (Тоқаев+қа, Тоқаев+тың). Non-Cyrillic letters never match a suffix anyway.
      return kazakh::kVoiceless;
  }
}

bool is_vowel(char32_t c) { return (letter_class(c) & kazakh::kVowel) != 0; }
bool is_px3_vowel(char32_t c) { return c == U'ы' || c == U'і'; }

enum class VowelKind { kNone, kBack, kFront, kNeutral };

VowelKind vowel_kind(char32_t c) {
  switch (c) {
    case U'а':
    case U'о':
    case U'ұ':
    case U'ы':
    case U'я':
    case U'ё':
      return VowelKind::kBack;
    case U'ә':
    case U'е':
    case U'ө':
    case U'ү':
    case U'і':
    case U'э':
      return VowelKind::kFront;
    case U'и':
    case U'у':
    case U'ю':
      return VowelKind::kNeutral;
    default:
      return VowelKind::kNone;
  }
}

// The harmony class of the stem's last vowel. "и", "у" (glides) and "е"
// right after a vowel (Russian "-аев", said "-айев": Тоқаевқа takes back
// suffixes) do not decide, so any suffix fits them.
VowelKind last_vowel(std::u32string_view stem) {
  for (std::size_t i = stem.size(); i-- > 0;) {
    const VowelKind kind = vowel_kind(stem[i]);
    if (kind == VowelKind::kNone) continue;
    if (stem[i] == U'е' && i > 0 && vowel_kind(stem[i - 1]) != VowelKind::kNone) {
      return VowelKind::kNeutral;
    }
    return kind;
  }
  return VowelKind::kNone;
}

// The word being stemmed: a prefix of the input, shortened in place.
class Word {
 public:
  // False if the word is too long for the buffer.
  bool assign(std::string_view utf8) {
    bool fits = true;
    for_each_code_point(utf8, [&](char32_t c, std::size_t, std::size_t) {
      if (size_ == kMaxLetters) {
        fits = false;
        return;
      }
      letters_[size_++] = c;
    });
    full_size_ = size_;
    return fits;
  }
  std::u32string_view view() const { return {letters_, size_}; }
  std::size_t size() const { return size_; }
  char32_t back(std::size_t from_end = 0) const { return letters_[size_ - 1 - from_end]; }
  void drop(std::size_t n) { size_ -= n; }
  void set_back(char32_t c) { letters_[size_ - 1] = c; }
  // The first letter cut off, or 0 if nothing was cut.
  char32_t next_letter() const { return size_ < full_size_ ? letters_[size_] : 0; }
  bool protected_now() const { return kazakh::is_protected(view()); }

 private:
  char32_t letters_[kMaxLetters] = {};
  std::size_t size_ = 0;
  std::size_t full_size_ = 0;
};

std::size_t count_vowels(std::u32string_view word) {
  std::size_t count = 0;
  for (char32_t c : word) count += vowel_kind(c) != VowelKind::kNone ? 1 : 0;
  return count;
}

bool can_strip(std::u32string_view word, const Suffix& suffix) {
  // The last letter first: most suffixes fail here, before a full comparison.
  if (word.empty() || word.back() != suffix.text.back() || !word.ends_with(suffix.text)) {
    return false;
  }
  const std::u32string_view stem = word.substr(0, word.size() - suffix.text.size());
  if (stem.size() < suffix.min_stem_letters) return false;
  if ((letter_class(stem.back()) & suffix.after) == 0) return false;
  if (suffix.max_stem_vowels != 0 && count_vowels(stem) > suffix.max_stem_vowels) return false;
  const VowelKind vowel = last_vowel(stem);
  switch (vowel) {
    case VowelKind::kNone:
      return false;  // no vowel left: not a stem
    case VowelKind::kNeutral:
      return true;
    case VowelKind::kBack:
      return suffix.harmony != Harmony::kFront;
    case VowelKind::kFront:
      return suffix.harmony != Harmony::kBack;
  }
  return false;
}

// Strips the first (longest) suffix of `table` that may be stripped.
const Suffix* strip_one(Word& word, std::span<const Suffix> table) {
  for (const Suffix& suffix : table) {
    if (can_strip(word.view(), suffix)) {
      word.drop(suffix.text.size());
      return &suffix;
    }
  }
  return nullptr;
}

// The 3rd-person possessive: -сы/-сі after a vowel (қала+сы), else -ы/-і
// after a consonant (облыс+ы, тіл+і, сайлау+ы). "...ысы" is read as a stem in
// -ыс plus -ы (облысы, жұмысы, жеңісі) unless the stem ends in -шы/-жы, the
// agent suffix and қаржы (оқушы+сы, тілші+сі, қаржы+сы).
bool strip_px3(Word& word) {
  const std::size_t n = word.size();
  if (n < 3 || !is_px3_vowel(word.back())) return false;
  if (word.back(1) == U'с' && n >= 5 && is_vowel(word.back(2))) {
    const bool stem_in_s = is_px3_vowel(word.back(2)) && n >= 5 && word.back(3) != U'ш' &&
                           word.back(3) != U'ж' && vowel_kind(word.back(3)) == VowelKind::kNone;
    word.drop(stem_in_s ? 1 : 2);
    return true;
  }
  if (is_vowel(word.back(1))) return false;
  if (last_vowel(word.view().substr(0, n - 1)) == VowelKind::kNone) return false;
  word.drop(1);
  return true;
}

// A stem that lost a vowel-initial suffix gets its voiceless final back
// (кітаб+ы -> кітап, жүрег+і -> жүрек, құлағ+ы -> құлақ); only between vowels,
// so that "жыл+ғы" is not touched (language.md §2.6).
void restore_voiceless(Word& word) {
  if (word.size() < 3 || !is_vowel(word.next_letter()) || !is_vowel(word.back(1))) return;
  switch (word.back()) {
    case U'б':
      word.set_back(U'п');
      break;
    case U'г':
      word.set_back(U'к');
      break;
    case U'ғ':
      word.set_back(U'қ');
      break;
    default:
      break;
  }
}

// Whether `rest` may be an inflection after a protected stem: it starts like a
// case, possessive, plural or predicate ending, and is not a derivational
// -лық/-дық/-тық ("қазақстандық" stays a word of its own).
bool inflection_may_follow(std::u32string_view rest) {
  if (rest.empty() || rest.size() > 9) return false;
  switch (rest.front()) {
    case U'ы':
    case U'і':
    case U'д':
    case U'т':
    case U'н':
    case U'ғ':
    case U'г':
    case U'қ':
    case U'к':
    case U'м':
    case U'б':
    case U'п':
    case U'л':
    case U'с':
      break;
    default:
      return false;
  }
  for (std::u32string_view derivation : {U"лық", U"лік", U"дық", U"дік", U"тық", U"тік"}) {
    if (rest.starts_with(derivation)) return false;
  }
  return true;
}

std::string to_utf8(std::u32string_view word) {
  std::string out;
  out.reserve(word.size() * 2);
  for (char32_t c : word) append_utf8(out, c);
  return out;
}

std::string finish(Word& word) {
  restore_voiceless(word);
  const std::u32string_view full = kazakh::restore_elided(word.view());
  return to_utf8(full.empty() ? word.view() : full);
}

// ---- readings(): every analysis the reading tables allow ----

// Layers from the end of the word inwards (language.md §2.3); each is
// stripped at most once, in this order. Negation is tried only right after a
// verb ending (бар+ма+йды, бар+ма+ған).
enum class Layer { kPredicate, kCase, kPossessive, kPlural, kParticiple, kNegation };

class ReadingSearch {
 public:
  void explore(std::u32string_view word, Layer layer, bool vowel_suffix_cut) {
    add(word);
    if (vowel_suffix_cut) add_variants(word);
    if (layer == Layer::kNegation) {
      for_each_fit(word, kazakh::reading_negation_suffixes(),
                   [&](std::u32string_view stem, bool) { add(stem); });
      return;
    }
    if (layer <= Layer::kPredicate) {
      for_each_fit(
          word, kazakh::reading_predicate_suffixes(), [&](std::u32string_view stem, bool v) {
            explore(stem, Layer::kCase, v);
            for_each_fit(stem, kazakh::reading_aorist_suffixes(),
                         [&](std::u32string_view verb, bool av) { explore_verb(verb, av); });
          });
    }
    if (layer <= Layer::kCase) {
      for_each_fit(word, kazakh::reading_case_suffixes(),
                   [&](std::u32string_view stem, bool v) { explore(stem, Layer::kPossessive, v); });
      for_each_fit(word, kazakh::reading_finite_suffixes(),
                   [&](std::u32string_view stem, bool v) { explore_verb(stem, v); });
    }
    if (layer <= Layer::kPossessive) {
      for_each_fit(word, kazakh::reading_possessive_suffixes(),
                   [&](std::u32string_view stem, bool v) { explore(stem, Layer::kPlural, v); });
    }
    if (layer <= Layer::kPlural) {
      for_each_fit(word, kazakh::plural_suffixes(),
                   [&](std::u32string_view stem, bool v) { explore(stem, Layer::kParticiple, v); });
    }
    if (layer <= Layer::kParticiple) {
      for_each_fit(word, kazakh::reading_participle_suffixes(),
                   [&](std::u32string_view stem, bool v) { explore_verb(stem, v); });
    }
  }

  std::vector<std::u32string>& found() { return found_; }

 private:
  // A verb stem left by a verb ending; only the negation -ма/-ба/-па may
  // still be stripped (бар+ма+йды).
  void explore_verb(std::u32string_view stem, bool vowel_suffix_cut) {
    explore(stem, Layer::kNegation, vowel_suffix_cut);
  }

  // Calls f(stem, suffix starts with a vowel) for every suffix of `table`
  // that fits; also for the stem with к/қ/п restored, so that deeper layers
  // see "...дық" under "...дығы".
  template <typename F>
  void for_each_fit(std::u32string_view word, std::span<const Suffix> table, F&& f) {
    for (const Suffix& suffix : table) {
      if (!can_strip(word, suffix)) continue;
      const std::u32string_view stem = word.substr(0, word.size() - suffix.text.size());
      const bool vowel_initial = is_vowel(suffix.text.front());
      f(stem, vowel_initial);
      if (vowel_initial) {
        std::u32string restored(stem);
        if (restore_voiceless_final(restored)) f(std::u32string_view(restored), false);
      }
    }
  }

  // к/қ/п for г/ғ/б between vowels (кітаб -> кітап), as in restore_voiceless().
  static bool restore_voiceless_final(std::u32string& stem) {
    if (stem.size() < 3 || !is_vowel(stem[stem.size() - 2])) return false;
    char32_t& last = stem.back();
    switch (last) {
      case U'б':
        last = U'п';
        return true;
      case U'г':
        last = U'к';
        return true;
      case U'ғ':
        last = U'қ';
        return true;
      default:
        return false;
    }
  }

  // After a vowel-initial ending: the restored voiceless final, and the
  // vowel a final consonant pair may have lost (орн -> орын, ауз -> ауыз,
  // халқ -> халық; ы or і by the last vowel). A vocabulary form must confirm
  // them, so the closed elision list of kazakh_suffixes.cpp is not needed here.
  void add_variants(std::u32string_view stem) {
    std::u32string restored(stem);
    if (restore_voiceless_final(restored)) add(restored);
    const std::size_t n = stem.size();
    if (n < 3 || is_vowel(stem[n - 1]) || is_vowel(stem[n - 2])) return;
    const VowelKind kind = last_vowel(stem);
    if (kind == VowelKind::kNone) return;
    std::u32string full(stem.substr(0, n - 1));
    full += kind == VowelKind::kFront ? U'і' : U'ы';
    full += stem[n - 1];
    add(full);
  }

  void add(std::u32string_view stem) {
    if (stem.size() < 2 || last_vowel(stem) == VowelKind::kNone) return;
    if (std::find(found_.begin(), found_.end(), stem) == found_.end()) found_.emplace_back(stem);
    // stem() drops a final ы/і after a consonant from every form (оқушы ->
    // оқуш, like оқушысы), so a reading in consonant + ы/і gets that shape too
    // (сайлаушыларыма -> сайлаушы -> сайлауш).
    const std::size_t n = stem.size();
    if (n >= 4 && is_px3_vowel(stem[n - 1]) && !is_vowel(stem[n - 2])) add(stem.substr(0, n - 1));
  }

  std::vector<std::u32string> found_;
};

}  // namespace

std::vector<std::string> KazakhStemmer::readings(std::string_view word) const {
  std::vector<std::string> out;
  out.push_back(stem(word));
  Word w;
  if (!w.assign(word) || w.size() < 3 || w.protected_now()) return out;
  std::u32string first;
  for_each_code_point(out.front(), [&](char32_t c, std::size_t, std::size_t) { first += c; });
  if (kazakh::is_protected(first)) return out;

  ReadingSearch search;
  search.explore(w.view(), Layer::kPredicate, false);
  std::vector<std::u32string>& found = search.found();
  // Longest first; equal lengths keep the order found (a restored stem comes
  // after the raw one, so it counts as deeper).
  std::stable_sort(
      found.begin(), found.end(),
      [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
  for (const std::u32string& stem : found) {
    if (stem == first) continue;
    out.push_back(to_utf8(stem));
  }
  return out;
}

std::string KazakhStemmer::stem(std::string_view word) const {
  Word w;
  if (!w.assign(word) || w.size() < 3 || w.protected_now()) return std::string(word);

  // A protected name plus one case ending ("Қызылордадағы") stems to the name.
  for (const Suffix& suffix : kazakh::case_suffixes()) {
    if (w.back() != suffix.text.back() || !w.view().ends_with(suffix.text)) continue;
    const std::u32string_view base = w.view().substr(0, w.size() - suffix.text.size());
    if (kazakh::is_protected(base)) return to_utf8(base);
  }

  // A protected stem of 5+ letters under inflection ("ауданы", "тұрғыны").
  // The cheap check on the ending goes first; endings are at most 9 letters.
  for (std::size_t n = w.size() - 1; n >= 5 && n + 9 >= w.size(); --n) {
    const std::u32string_view base = w.view().substr(0, n);
    if (inflection_may_follow(w.view().substr(n)) && kazakh::is_protected(base)) {
      return to_utf8(base);
    }
  }

  // Past tense of a verb in -ла/-ле/-да/-де (мәлімде+ді, бағала+ды): not the
  // aorist -ады/-еді of a stem in л/д (бол+ады), which has fewer syllables.
  if (w.size() >= 6 && (w.view().ends_with(U"ды") || w.view().ends_with(U"ді"))) {
    const std::u32string_view stem = w.view().substr(0, w.size() - 2);
    if ((stem.ends_with(U"ла") || stem.ends_with(U"ле") || stem.ends_with(U"да") ||
         stem.ends_with(U"де")) &&
        count_vowels(stem) >= 3) {
      return to_utf8(stem);
    }
  }

  // Finite verbs (болады, бармайды, болатын) take no nominal endings.
  if (strip_one(w, kazakh::finite_verb_suffixes()) != nullptr) return to_utf8(w.view());

  // Predicate 1sg/1pl (адам+мын, халық+пыз); not after ы/і, where -мін is
  // more likely px3 + accusative (әкім+і+н).
  if (w.size() > 4 && !is_px3_vowel(w.back(3))) strip_one(w, kazakh::predicate_suffixes());
  if (w.protected_now()) return to_utf8(w.view());

  const Suffix* case_suffix = strip_one(w, kazakh::case_suffixes());
  if (w.protected_now()) return to_utf8(w.view());
  if (case_suffix != nullptr && case_suffix->final) return to_utf8(w.view());
  if (case_suffix == nullptr || !case_suffix->needs_px3 || !strip_px3(w)) {
    if (strip_one(w, kazakh::possessive_suffixes()) == nullptr) strip_px3(w);
  }
  if (w.protected_now()) return finish(w);

  strip_one(w, kazakh::plural_suffixes());
  if (w.protected_now()) return to_utf8(w.view());

  // Participles and converbs (болған, болатын, болып) to the verb stem; a
  // participle may carry a possessive again (болған+ы+н).
  strip_one(w, kazakh::participle_suffixes());

  // A stem left in consonant + ы/і (оқушы of "оқушысы", "оқушылар") drops it
  // like the bare word does ("оқушы" -> px3 rule above), so all forms agree.
  if (w.size() >= 4 && !w.protected_now()) strip_px3(w);
  return finish(w);
}

}  // namespace izdeu::analyzers
