#include "corpus/search/keyboard_layout.h"

#include <array>

#include "analyzers/utf8.h"

namespace izdeu::corpus {
namespace {

// Russian ЙЦУКЕН on a US QWERTY keyboard, by the key's unshifted character.
// Shifted letters are mapped through their lower case.
constexpr std::array<std::pair<char, char32_t>, 33> kRussianKeys{{
    {'q', U'й'}, {'w', U'ц'},  {'e', U'у'}, {'r', U'к'}, {'t', U'е'}, {'y', U'н'}, {'u', U'г'},
    {'i', U'ш'}, {'o', U'щ'},  {'p', U'з'}, {'[', U'х'}, {']', U'ъ'}, {'a', U'ф'}, {'s', U'ы'},
    {'d', U'в'}, {'f', U'а'},  {'g', U'п'}, {'h', U'р'}, {'j', U'о'}, {'k', U'л'}, {'l', U'д'},
    {';', U'ж'}, {'\'', U'э'}, {'z', U'я'}, {'x', U'ч'}, {'c', U'с'}, {'v', U'м'}, {'b', U'и'},
    {'n', U'т'}, {'m', U'ь'},  {',', U'б'}, {'.', U'ю'}, {'`', U'ё'},
}};

// The Kazakh layout keeps ЙЦУКЕН and puts the nine Kazakh letters on the
// digit row: U+04D9 ә on 2, U+0456 і on 3, U+04A3 ң on 4, U+0493 ғ on 5,
// U+04AF ү on 8, U+04B1 ұ on 9, U+049B қ on 0, U+04E9 ө on -, U+04BB һ on =.
constexpr std::array<std::pair<char, char32_t>, 9> kKazakhDigitKeys{{
    {'2', U'ә'},
    {'3', U'і'},
    {'4', U'ң'},
    {'5', U'ғ'},
    {'8', U'ү'},
    {'9', U'ұ'},
    {'0', U'қ'},
    {'-', U'ө'},
    {'=', U'һ'},
}};

template <std::size_t N>
char32_t lookup(const std::array<std::pair<char, char32_t>, N>& table, char key) {
  for (const auto& [from, to] : table) {
    if (from == key) return to;
  }
  return 0;
}

}  // namespace

std::optional<std::string> from_latin_keys(std::string_view text, CyrillicLayout layout) {
  std::string out;
  bool letter = false;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ') {
      out += ' ';
      continue;
    }
    char32_t cyrillic = lookup(kRussianKeys, c);
    if (cyrillic == 0 && layout == CyrillicLayout::kKazakh) cyrillic = lookup(kKazakhDigitKeys, c);
    if (cyrillic != 0) {
      letter = letter || (c >= 'a' && c <= 'z');
      analyzers::append_utf8(out, cyrillic);
    } else if (c >= '0' && c <= '9') {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  if (!letter) return std::nullopt;
  return out;
}

}  // namespace izdeu::corpus
