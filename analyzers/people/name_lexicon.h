#pragma once
// What one word can be in a person name: first name, patronymic, surname,
// title, never-a-name word. Works on NameWord::folded forms.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

enum class Gender : std::uint8_t { kUnknown, kMale, kFemale };

/// Russian cases a form can be in, as bits (a form is often ambiguous:
/// «Клары» is genitive only, «Марата» genitive or accusative).
enum CaseBits : std::uint8_t {
  kNominative = 1,
  kGenitive = 2,
  kDative = 4,
  kAccusative = 8,
  kInstrumental = 16,
  kPrepositional = 32,
  kAnyCase = 63,
};

/// A first name in some case form.
struct FirstNameForm {
  std::string nominative;  ///< "клара" for «Клары»
  Gender gender = Gender::kUnknown;
  std::uint8_t cases = kAnyCase;  ///< the cases this form can be in
};

/// A patronymic in some case form.
struct PatronymicForm {
  std::string nominative;  ///< "юзефович", "кемелулы"
  Gender gender = Gender::kUnknown;
  bool kazakh = false;  ///< -улы/-кызы (also used as a surname)
  /// Russian -ович/-овна whose base is a listed first name (Николаевич <-
  /// Николай); others (Янукович, Абрамович) may well be surnames.
  bool from_first_name = false;
  std::uint8_t cases = kAnyCase;  ///< the cases this form can be in
};

/// The word lists of person_name_lists.h, loaded once. Thread-safe.
class NameLexicon {
 public:
  static const NameLexicon& instance();

  /// `folded` as a first name in a Russian case form, or nullopt. Hyphenated
  /// names are looked up whole, then by their first half («Жан-Клод»,
  /// «Касым-Жомарт»). The soft sign is ignored, so the Kazakh spellings
  /// «Гүлмира», «Әділ» meet «Гульмира», «Адиль»; the nominative returned is
  /// the listed spelling.
  std::optional<FirstNameForm> first_name(std::string_view folded) const;

  /// Every reading of `folded` as a first name, nominative readings first
  /// («Александра»: Александра, then the genitive of Александр).
  std::vector<FirstNameForm> first_name_readings(std::string_view folded) const;

  /// True when `folded` is a title or position word (see person_title_stems()).
  bool is_title(std::string_view folded) const;

  /// True when `folded` is never part of a name (see non_person_stems()).
  bool is_non_person(std::string_view folded) const;

  /// True for a given name in Latin script ("michael"), see latin_first_names().
  bool is_latin_first_name(std::string_view folded) const;

  /// True for a Chinese or Korean surname («си», «пак»).
  bool is_east_asian_surname(std::string_view folded) const;

  /// True for «де», «ван», «бин»... inside foreign names.
  bool is_particle(std::string_view folded) const;

 private:
  NameLexicon();
  struct Data;
  const Data* data_;
};

/// `folded` as a patronymic (Russian -ович/-евич/-ич, -овна/-евна/-ична in any
/// case; Kazakh -улы/-кызы with an optional Kazakh case suffix), or nullopt.
std::optional<PatronymicForm> patronymic_form(std::string_view folded, const NameLexicon& lexicon);

/// The word without a Kazakh case suffix (folded: -нын, -ка, -мен, -дан...),
/// each candidate base of at least three letters, longest suffix first, then
/// the same without a plural suffix (-тар, -лер...); the word itself is not
/// included.
std::vector<std::string_view> kazakh_bases(std::string_view folded);

/// Number of letters (code points) in UTF-8 `word`.
std::size_t letter_count(std::string_view word);

}  // namespace izdeu::analyzers
