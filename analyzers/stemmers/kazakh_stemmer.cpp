#include "analyzers/stemmers/kazakh_stemmer.h"

#include <span>

#include "analyzers/stemmers/kazakh_suffixes.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

using kazakh::Harmony;
using kazakh::Suffix;

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

bool can_strip(std::u32string_view word, const Suffix& suffix) {
  if (!word.ends_with(suffix.text)) return false;
  const std::u32string_view stem = word.substr(0, word.size() - suffix.text.size());
  if (stem.size() < suffix.min_stem_letters) return false;
  if ((letter_class(stem.back()) & suffix.after) == 0) return false;
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
const Suffix* strip_one(std::u32string& word, std::span<const Suffix> table) {
  for (const Suffix& suffix : table) {
    if (can_strip(word, suffix)) {
      word.resize(word.size() - suffix.text.size());
      return &suffix;
    }
  }
  return nullptr;
}

// After a case ending that only follows a 3rd-person possessive (-на, -нда,
// -нан after ы/і): strip the possessive -сы/-сі after a vowel, else -ы/-і.
void strip_px3(std::u32string& word) {
  if (word.size() >= 5 && word[word.size() - 2] == U'с' &&
      vowel_kind(word[word.size() - 3]) != VowelKind::kNone) {
    word.resize(word.size() - 2);  // қала+сы+нда
  } else if (word.size() >= 3) {
    word.pop_back();  // үй+і+нде
  }
}

std::u32string to_utf32(std::string_view word) {
  std::u32string out;
  out.reserve(word.size() / 2);
  for_each_code_point(word, [&](char32_t c, std::size_t, std::size_t) { out.push_back(c); });
  return out;
}

std::string to_utf8(std::u32string_view word) {
  std::string out;
  out.reserve(word.size() * 2);
  for (char32_t c : word) append_utf8(out, c);
  return out;
}

}  // namespace

std::string KazakhStemmer::stem(std::string_view word) const {
  std::u32string w = to_utf32(word);
  if (w.size() < 3 || kazakh::is_protected(w)) return std::string(word);

  // A protected name plus one case ending ("Қызылордадағы") stems to the name.
  for (const Suffix& suffix : kazakh::case_suffixes()) {
    if (!w.ends_with(suffix.text)) continue;
    const std::u32string_view base =
        std::u32string_view(w).substr(0, w.size() - suffix.text.size());
    if (kazakh::is_protected(base)) return to_utf8(base);
  }

  const Suffix* case_suffix = strip_one(w, kazakh::case_suffixes());
  if (case_suffix != nullptr && case_suffix->final) return to_utf8(w);
  if (case_suffix != nullptr && case_suffix->needs_px3 &&
      (letter_class(w.back()) & kazakh::kPx3) != 0) {
    strip_px3(w);
  } else {
    strip_one(w, kazakh::possessive_suffixes());
  }
  strip_one(w, kazakh::plural_suffixes());
  return to_utf8(w);
}

}  // namespace izdeu::analyzers
