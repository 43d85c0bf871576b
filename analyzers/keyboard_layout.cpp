#include "analyzers/keyboard_layout.h"

#include <array>
#include <cstddef>
#include <unordered_map>

#include "analyzers/script.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// What one physical key gives in each layout, unshifted and with Shift. Only
// the keys that give a letter in at least one layout are listed: the other
// keys (the Tab/Enter/Space row, `1`, `6`, `7`, `/`, `\`) give digits or
// punctuation in every layout, and a slip on them needs no repair.
//
// Sources (facts, not text): the xkb "us", "ru" and "kz" symbol files and
// the Windows "US", "Russian" and "Kazakh" (KBDKAZ) layouts, which agree.
// The Kazakh layout is RST KazSSR 903-90: the Russian letter rows unchanged
// (except that ё moved off the ` key, which gives parentheses), and the nine
// Kazakh letters on digit-row keys; digits are typed on the numeric keypad.
struct Key {
  char32_t latin, latin_shift;      // US QWERTY
  char32_t russian, russian_shift;  // Russian ЙЦУКЕН
  char32_t kazakh, kazakh_shift;    // Kazakh RST KazSSR 903-90
};

constexpr std::array<Key, 43> kKeys = {{
    // ` key (xkb TLDE): ru U+0451/U+0401 CYRILLIC SMALL/CAPITAL LETTER IO (ё Ё);
    // kk gives parentheses.
    {U'`', U'~', U'\u0451', U'\u0401', U'(', U')'},
    // Digit row (xkb AE02..AE05, AE08..AE12). Russian keeps the digits and
    // puts " № ; on Shift+2/3/4; Kazakh puts its letters there:
    // U+04D9/U+04D8 CYRILLIC SMALL/CAPITAL LETTER SCHWA (ә Ә) on 2,
    {U'2', U'@', U'2', U'"', U'\u04D9', U'\u04D8'},
    // U+0456/U+0406 CYRILLIC SMALL/CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I (і І) on 3,
    {U'3', U'#', U'3', U'\u2116', U'\u0456', U'\u0406'},  // U+2116 NUMERO SIGN (№)
    // U+04A3/U+04A2 CYRILLIC SMALL/CAPITAL LETTER EN WITH DESCENDER (ң Ң) on 4,
    {U'4', U'$', U'4', U';', U'\u04A3', U'\u04A2'},
    // U+0493/U+0492 CYRILLIC SMALL/CAPITAL LETTER GHE WITH STROKE (ғ Ғ) on 5,
    {U'5', U'%', U'5', U'%', U'\u0493', U'\u0492'},
    // U+04AF/U+04AE CYRILLIC SMALL/CAPITAL LETTER STRAIGHT U (ү Ү) on 8,
    {U'8', U'*', U'8', U'*', U'\u04AF', U'\u04AE'},
    // U+04B1/U+04B0 CYRILLIC SMALL/CAPITAL LETTER STRAIGHT U WITH STROKE (ұ Ұ) on 9,
    {U'9', U'(', U'9', U'(', U'\u04B1', U'\u04B0'},
    // U+049B/U+049A CYRILLIC SMALL/CAPITAL LETTER KA WITH DESCENDER (қ Қ) on 0,
    {U'0', U')', U'0', U')', U'\u049B', U'\u049A'},
    // U+04E9/U+04E8 CYRILLIC SMALL/CAPITAL LETTER BARRED O (ө Ө) on -,
    {U'-', U'_', U'-', U'_', U'\u04E9', U'\u04E8'},
    // U+04BB/U+04BA CYRILLIC SMALL/CAPITAL LETTER SHHA (һ Һ) on =.
    {U'=', U'+', U'=', U'+', U'\u04BB', U'\u04BA'},
    // Top letter row (xkb AD01..AD12), the same in both Cyrillic layouts:
    {U'q', U'Q', U'\u0439', U'\u0419', U'\u0439', U'\u0419'},  // U+0439 SHORT I (й)
    {U'w', U'W', U'\u0446', U'\u0426', U'\u0446', U'\u0426'},  // U+0446 TSE (ц)
    {U'e', U'E', U'\u0443', U'\u0423', U'\u0443', U'\u0423'},  // U+0443 U (у)
    {U'r', U'R', U'\u043A', U'\u041A', U'\u043A', U'\u041A'},  // U+043A KA (к)
    {U't', U'T', U'\u0435', U'\u0415', U'\u0435', U'\u0415'},  // U+0435 IE (е)
    {U'y', U'Y', U'\u043D', U'\u041D', U'\u043D', U'\u041D'},  // U+043D EN (н)
    {U'u', U'U', U'\u0433', U'\u0413', U'\u0433', U'\u0413'},  // U+0433 GHE (г)
    {U'i', U'I', U'\u0448', U'\u0428', U'\u0448', U'\u0428'},  // U+0448 SHA (ш)
    {U'o', U'O', U'\u0449', U'\u0429', U'\u0449', U'\u0429'},  // U+0449 SHCHA (щ)
    {U'p', U'P', U'\u0437', U'\u0417', U'\u0437', U'\u0417'},  // U+0437 ZE (з)
    {U'[', U'{', U'\u0445', U'\u0425', U'\u0445', U'\u0425'},  // U+0445 HA (х)
    {U']', U'}', U'\u044A', U'\u042A', U'\u044A', U'\u042A'},  // U+044A HARD SIGN (ъ)
    // Home row (xkb AC01..AC11):
    {U'a', U'A', U'\u0444', U'\u0424', U'\u0444', U'\u0424'},   // U+0444 EF (ф)
    {U's', U'S', U'\u044B', U'\u042B', U'\u044B', U'\u042B'},   // U+044B YERU (ы)
    {U'd', U'D', U'\u0432', U'\u0412', U'\u0432', U'\u0412'},   // U+0432 VE (в)
    {U'f', U'F', U'\u0430', U'\u0410', U'\u0430', U'\u0410'},   // U+0430 A (а)
    {U'g', U'G', U'\u043F', U'\u041F', U'\u043F', U'\u041F'},   // U+043F PE (п)
    {U'h', U'H', U'\u0440', U'\u0420', U'\u0440', U'\u0420'},   // U+0440 ER (р)
    {U'j', U'J', U'\u043E', U'\u041E', U'\u043E', U'\u041E'},   // U+043E O (о)
    {U'k', U'K', U'\u043B', U'\u041B', U'\u043B', U'\u041B'},   // U+043B EL (л)
    {U'l', U'L', U'\u0434', U'\u0414', U'\u0434', U'\u0414'},   // U+0434 DE (д)
    {U';', U':', U'\u0436', U'\u0416', U'\u0436', U'\u0416'},   // U+0436 ZHE (ж)
    {U'\'', U'"', U'\u044D', U'\u042D', U'\u044D', U'\u042D'},  // U+044D E (э)
    // Bottom row (xkb AB01..AB09):
    {U'z', U'Z', U'\u044F', U'\u042F', U'\u044F', U'\u042F'},  // U+044F YA (я)
    {U'x', U'X', U'\u0447', U'\u0427', U'\u0447', U'\u0427'},  // U+0447 CHE (ч)
    {U'c', U'C', U'\u0441', U'\u0421', U'\u0441', U'\u0421'},  // U+0441 ES (с)
    {U'v', U'V', U'\u043C', U'\u041C', U'\u043C', U'\u041C'},  // U+043C EM (м)
    {U'b', U'B', U'\u0438', U'\u0418', U'\u0438', U'\u0418'},  // U+0438 I (и)
    {U'n', U'N', U'\u0442', U'\u0422', U'\u0442', U'\u0422'},  // U+0442 TE (т)
    {U'm', U'M', U'\u044C', U'\u042C', U'\u044C', U'\u042C'},  // U+044C SOFT SIGN (ь)
    {U',', U'<', U'\u0431', U'\u0411', U'\u0431', U'\u0411'},  // U+0431 BE (б)
    {U'.', U'>', U'\u044E', U'\u042E', U'\u044E', U'\u042E'},  // U+044E YU (ю)
}};
// (Capitals are the same letters at U+0410..U+042F and U+0401.)

char32_t key_char(const Key& key, KeyboardLayout layout, bool shift) {
  switch (layout) {
    case KeyboardLayout::kLatin:
      return shift ? key.latin_shift : key.latin;
    case KeyboardLayout::kRussian:
      return shift ? key.russian_shift : key.russian;
    case KeyboardLayout::kKazakh:
      return shift ? key.kazakh_shift : key.kazakh;
  }
  return key.latin;
}

bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_cyrillic(c);
}

constexpr std::size_t kLayouts = 3;

// Character -> the character on the same key and Shift level, for every
// (typed, intended) pair. Only replacements that give a letter are kept, and
// for a slip into Latin also those that take a letter away ("ж" -> ";"): a
// Cyrillic letter's key may carry punctuation in Latin, but "ё" must not turn
// into the Kazakh layout's "(" nor "(" into anything.
class RetypeTables {
 public:
  RetypeTables() {
    const KeyboardLayout layouts[kLayouts] = {KeyboardLayout::kLatin, KeyboardLayout::kRussian,
                                              KeyboardLayout::kKazakh};
    for (KeyboardLayout typed : layouts) {
      for (KeyboardLayout intended : layouts) {
        if (typed == intended) continue;
        auto& table = tables_[index(typed)][index(intended)];
        for (const Key& key : kKeys) {
          for (bool shift : {false, true}) {
            const char32_t from = key_char(key, typed, shift);
            const char32_t to = key_char(key, intended, shift);
            const bool keep =
                is_letter(to) || (is_letter(from) && intended == KeyboardLayout::kLatin);
            if (from != to && keep) table.emplace(from, to);
          }
        }
      }
    }
  }

  const std::unordered_map<char32_t, char32_t>& table(KeyboardLayout typed,
                                                      KeyboardLayout intended) const {
    return tables_[index(typed)][index(intended)];
  }

 private:
  static std::size_t index(KeyboardLayout layout) { return static_cast<std::size_t>(layout); }

  std::unordered_map<char32_t, char32_t> tables_[kLayouts][kLayouts];
};

const RetypeTables& retype_tables() {
  static const RetypeTables tables;
  return tables;
}

// The digit keys that carry Kazakh letters (see kKeys).
constexpr bool is_kazakh_digit_key(char32_t c) {
  return c == '2' || c == '3' || c == '4' || c == '5' || c == '8' || c == '9' || c == '0';
}

std::size_t letters(std::string_view text) {
  std::size_t count = 0;
  for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) { count += is_letter(c); });
  return count;
}

enum class Script { kLatin, kCyrillic };

bool has_letter_of(std::string_view text, Script script) {
  bool found = false;
  for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) {
    const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    found = found || (script == Script::kLatin ? latin : is_cyrillic(c));
  });
  return found;
}

}  // namespace

std::string retype(std::string_view text, KeyboardLayout typed, KeyboardLayout intended) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  if (typed == intended) {
    for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) { append_utf8(out, c); });
    return out;
  }
  const auto& table = retype_tables().table(typed, intended);
  for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) {
    const auto it = table.find(c);
    append_utf8(out, it == table.end() ? c : it->second);
  });
  return out;
}

std::vector<LayoutFix> layout_fixes(std::string_view query) {
  bool ascii_letter = false;
  bool cyrillic = false;
  bool other_letter = false;
  // A digit of a Kazakh-letter key right next to a Cyrillic letter: "0аза0стан"
  // is «қазақстан» typed with the Russian layout on keys labelled in Kazakh.
  bool digit_in_cyrillic_word = false;
  char32_t previous = 0;
  for_each_code_point(query, [&](char32_t c, std::size_t, std::size_t) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ascii_letter = true;
    } else if (is_cyrillic(c)) {
      cyrillic = true;
      if (is_kazakh_digit_key(previous)) digit_in_cyrillic_word = true;
    } else if (is_latin_letter(c)) {
      other_letter = true;
    }
    if (is_kazakh_digit_key(c) && is_cyrillic(previous)) digit_in_cyrillic_word = true;
    previous = c;
  });

  std::vector<LayoutFix> fixes;
  const std::size_t query_letters = letters(query);
  auto add = [&](KeyboardLayout typed, KeyboardLayout intended) {
    std::string text = retype(query, typed, intended);
    // A reading that turns letters into punctuation or digits ("жез" ->
    // ";tp") or keeps letters no key of the intended layout gives ("әдьфен"
    // -> "әlmaty") is not what anyone meant to type.
    if (text == query || letters(text) < query_letters ||
        has_letter_of(text,
                      intended == KeyboardLayout::kLatin ? Script::kCyrillic : Script::kLatin)) {
      return;
    }
    for (const LayoutFix& fix : fixes) {
      if (fix.text == text) return;
    }
    fixes.push_back({typed, intended, std::move(text)});
  };
  if (other_letter || ascii_letter == cyrillic) return fixes;  // both scripts, or no letters
  if (ascii_letter) {
    add(KeyboardLayout::kLatin, KeyboardLayout::kRussian);
    add(KeyboardLayout::kLatin, KeyboardLayout::kKazakh);
  } else {
    // From the Russian layout: a Kazakh letter's key gives a digit in Latin,
    // so a query with one has no Latin reading anyway.
    add(KeyboardLayout::kRussian, KeyboardLayout::kLatin);
    if (digit_in_cyrillic_word) add(KeyboardLayout::kRussian, KeyboardLayout::kKazakh);
  }
  return fixes;
}

}  // namespace izdeu::analyzers
