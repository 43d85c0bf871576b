#include "analyzers/transliteration.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "analyzers/script.h"

namespace izdeu::analyzers {
namespace {

// The loose key as ICU transliteration rules (our own adaptation of
// language.md Appendix A.2; `uconv -x "$(rules)"` runs them too). Five passes:
//
//  1. Case and composition: "İ" -> "i" (root lower-casing would add U+0307),
//     NFC, lower case.
//  2. Letters -> ASCII. The 2017 apostrophe letters (a' g' n' o' u' i' y' s'
//     c'); Kazakh and Russian Cyrillic with the Kazakh letters folded into
//     the Russian ones (ә=а, ғ=г, қ=к, ң=н, ө=о, ұ=ү=у, і=и, һ=х) and the
//     vowels of "i" and "u" merged (и й і ы -> i; у ұ ү -> u); the accented
//     Latin of 2018/2021/BGN/Turkish-style typing; a few Cyrillic letters of
//     neighbouring languages; then ICU's Latin-ASCII for any other Latin letter.
//  3. Everything that is not [a-z0-9] is dropped (apostrophes, BGN's ʹ ʺ and
//     middle dot, U+0306 of BGN's "ī̆", other scripts).
//  4. Spelling conventions of the ASCII string, in the same way whether it
//     came from Cyrillic or Latin: dzh dj zh -> j (ж, дж); shch -> sh;
//     kh -> h (х); gh -> g; ph -> f; c -> k (but "ch" stays); y before a vowel
//     is iotation (ye -> e as in Tokayev/Yerlan, yu ya -> iu ia, yo -> e after
//     a consonant as in Fyodor, since ё is folded to е, else io); a vowel's
//     "ie" -> "e" (Tokaiev); other y -> i (ы); q -> k; x -> ks; w -> v.
//  5. Runs of one letter collapse (Kassym = Касым, Mariya = Мария, Дмитрий =
//     Dmitry); digits are kept as they are.
//
// The table-driven fast path in loose_key() must give the same result; the
// tests compare both on many thousands of words. Change the two together.
//
// Known non-merges (different names, not spellings; the gazetteer's job):
// Kazakhstan/Казахстан "kazahstan" vs Qazaqstan/Қазақстан "kazakstan",
// Karaganda vs Qarağandy, Ust-Kamenogorsk vs Oskemen. Known lossy merges:
// Kazakh minimal pairs (сөз = соз, қол = кол), х = кх, ш = сх, ц = тс.
constexpr std::string_view kRules = R"(
İ > i ;
:: NFC ;
:: Lower ;
a [\u0027\u2019\u02BC] > a ; g [\u0027\u2019\u02BC] > g ; n [\u0027\u2019\u02BC] > n ;
o [\u0027\u2019\u02BC] > o ; u [\u0027\u2019\u02BC] > u ; i [\u0027\u2019\u02BC] > i ;
y [\u0027\u2019\u02BC] > u ; s [\u0027\u2019\u02BC] > sh ; c [\u0027\u2019\u02BC] > ch ;
а > a ; ә > a ; б > b ; в > v ; г > g ; ғ > g ; д > d ; е > e ; ё > e ; ж > j ;
з > z ; и > i ; й > i ; і > i ; к > k ; қ > k ; л > l ; м > m ; н > n ; ң > n ;
о > o ; ө > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ұ > u ; ү > u ; ф > f ;
х > h ; һ > h ; ц > ts ; ч > ch ; ш > sh ; щ > sh ; ъ > ; ы > i ; ь > ; э > e ;
ю > iu ; я > ia ;
ў > u ; є > e ; ї > i ; ґ > g ; ј > j ; ќ > k ; ѓ > g ; ӊ > n ; җ > j ; ҳ > h ;
[äáàâãåāą] > a ; ə > a ; [ğǵ] > g ; [ñńňŋ] > n ; [öóòôõøō] > o ;
[ūúüýùûů] > u ; [ıíīìîï] > i ; [şșš] > sh ; [çč] > ch ; ž > j ; [ėéèêëēę] > e ;
:: Latin-ASCII ;
[^a-z0-9] > ;
:: Null ;
dzh > j ; dj > j ; zh > j ; shch > sh ; kh > h ; gh > g ; ph > f ;
ch > ch ; c > k ;
[aeiou] { ie > e ;
[b-df-hj-np-tv-z] { yo > e ;
ye > e ; yo > io ; yu > iu ; ya > ia ; y > i ;
q > k ; x > ks ; w > v ;
:: Null ;
a+ > a ; b+ > b ; c+ > c ; d+ > d ; e+ > e ; f+ > f ; g+ > g ; h+ > h ; i+ > i ;
j+ > j ; k+ > k ; l+ > l ; m+ > m ; n+ > n ; o+ > o ; p+ > p ; q+ > q ; r+ > r ;
s+ > s ; t+ > t ; u+ > u ; v+ > v ; w+ > w ; x+ > x ; y+ > y ; z+ > z ;
)";

// ---------------------------------------------------------------------------
// ICU path.

// Built once per process (parsing the rules is expensive); each thread clones
// it once, because transliterate() on one instance is not thread-safe.
const icu::Transliterator& prototype() {
  static const std::unique_ptr<icu::Transliterator> instance = [] {
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "izdeu-loose-key",
        icu::UnicodeString::fromUTF8(
            icu::StringPiece(kRules.data(), static_cast<std::int32_t>(kRules.size()))),
        UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || t == nullptr) {
      throw std::logic_error("loose key rules do not compile: " + std::string(u_errorName(status)) +
                             " at rule line " + std::to_string(parse_error.line));
    }
    return t;
  }();
  return *instance;
}

icu::Transliterator& thread_transliterator() {
  thread_local const std::unique_ptr<icu::Transliterator> instance = [] {
    static std::mutex clone_mutex;  // cloning reads the prototype; be conservative
    const std::lock_guard<std::mutex> lock(clone_mutex);
    return std::unique_ptr<icu::Transliterator>(prototype().clone());
  }();
  return *instance;
}

bool has_ascii_letter(std::string_view key) {
  for (char c : key) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Fast path: pass 2 as a table (ASCII and the Cyrillic block U+0400..U+04FF),
// passes 4 and 5 as a hand-written scanner.

// The ASCII spelling of one table character: up to two letters.
struct Mapping {
  char ascii[2] = {0, 0};
  std::uint8_t length = 0;
  bool known = false;  // false: not in the table, use ICU
};

constexpr Mapping map_to(std::string_view ascii) {
  Mapping m;
  for (std::size_t i = 0; i < ascii.size(); ++i) m.ascii[i] = ascii[i];
  m.length = static_cast<std::uint8_t>(ascii.size());
  m.known = true;
  return m;
}

constexpr std::array<Mapping, 256> make_cyrillic_table() {
  std::array<Mapping, 256> table{};
  // U+0430..U+044F а..я and their capitals U+0410..U+042F.
  constexpr std::array<std::string_view, 32> kBasic = {
      "a", "b", "v", "g", "d", "e", "j",  "z",  "i",  "i",  "k", "l", "m", "n", "o",  "p",
      "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "",  "i", "",  "e", "iu", "ia"};
  for (std::size_t i = 0; i < kBasic.size(); ++i) {
    table[0x10 + i] = map_to(kBasic[i]);
    table[0x30 + i] = map_to(kBasic[i]);
  }
  struct Pair {
    char32_t upper;
    char32_t lower;
    std::string_view ascii;
  };
  constexpr std::array<Pair, 20> kOthers = {{
      {0x0401, 0x0451, "e"},  // Ё ё (YoFolder has usually folded it already)
      {0x04D8, 0x04D9, "a"},  // Ә ә
      {0x0492, 0x0493, "g"},  // Ғ ғ
      {0x049A, 0x049B, "k"},  // Қ қ
      {0x04A2, 0x04A3, "n"},  // Ң ң
      {0x04E8, 0x04E9, "o"},  // Ө ө
      {0x04B0, 0x04B1, "u"},  // Ұ ұ
      {0x04AE, 0x04AF, "u"},  // Ү ү
      {0x04BA, 0x04BB, "h"},  // Һ һ
      {0x0406, 0x0456, "i"},  // І і (Kazakh, Ukrainian)
      {0x040E, 0x045E, "u"},  // Ў ў (Belarusian)
      {0x0404, 0x0454, "e"},  // Є є (Ukrainian)
      {0x0407, 0x0457, "i"},  // Ї ї (Ukrainian)
      {0x0490, 0x0491, "g"},  // Ґ ґ (Ukrainian)
      {0x0408, 0x0458, "j"},  // Ј ј
      {0x040C, 0x045C, "k"},  // Ќ ќ (old Kazakh fonts used it for қ)
      {0x0403, 0x0453, "g"},  // Ѓ ѓ
      {0x04C9, 0x04CA, "n"},  // Ӊ ӊ (look-alike of ң)
      {0x0496, 0x0497, "j"},  // Җ җ (Tatar)
      {0x04B2, 0x04B3, "h"},  // Ҳ ҳ
  }};
  for (const Pair& p : kOthers) {
    table[p.upper - 0x0400] = map_to(p.ascii);
    table[p.lower - 0x0400] = map_to(p.ascii);
  }
  return table;
}

constexpr std::array<Mapping, 256> kCyrillic = make_cyrillic_table();

// A letter followed by an apostrophe is a 2017 letter (pass 2 of the rules):
// its ASCII spelling, or null when an apostrophe after it is merely dropped.
constexpr const char* apostrophe_letter(char c) {
  switch (c) {
    case 'a':
      return "a";
    case 'g':
      return "g";
    case 'n':
      return "n";
    case 'o':
      return "o";
    case 'u':
      return "u";
    case 'i':
      return "i";
    case 'y':
      return "u";
    case 's':
      return "sh";
    case 'c':
      return "ch";
    default:
      return nullptr;
  }
}

// Pass 2 (and 3) for a word of ASCII and table letters: writes the ASCII
// spelling of its letters and digits to `out` (room for word.size() bytes,
// which is enough: no character's spelling is longer than its UTF-8) and
// returns its length; npos if some character needs ICU.
std::size_t to_ascii_fast(std::string_view word, char* out) {
  constexpr std::size_t kNeedsIcu = std::string_view::npos;
  std::size_t length = 0;
  std::size_t i = 0;
  const std::size_t n = word.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
      if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
        const char* letter = nullptr;
        if (i + 1 < n && word[i + 1] == '\'' &&
            (letter = apostrophe_letter(static_cast<char>(b))) != nullptr) {
          for (; *letter != '\0'; ++letter) out[length++] = *letter;
          i += 2;
          continue;
        }
        out[length++] = static_cast<char>(b);
      }  // other ASCII (apostrophes, punctuation): dropped by pass 3
      ++i;
      continue;
    }
    // U+0400..U+04FF is 0xD0..0xD3 followed by one continuation byte.
    if (b < 0xD0 || b > 0xD3 || i + 1 >= n) return kNeedsIcu;
    const auto trail = static_cast<unsigned char>(word[i + 1]);
    if ((trail & 0xC0) != 0x80) return kNeedsIcu;
    const Mapping& m = kCyrillic[(((b & 0x1Fu) << 6) | (trail & 0x3Fu)) - 0x400u];
    if (!m.known) return kNeedsIcu;
    out[length] = m.ascii[0];
    out[length + 1] = m.ascii[1];  // within room: this character took 2 bytes
    length += m.length;
    i += 2;
  }
  return length;
}

constexpr bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// [b-df-hj-np-tv-z] of the rules.
constexpr bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c) && c != 'y'; }

// Passes 4 and 5 on the [a-z0-9] string `s`, exactly as the ICU rules do
// them: at each position the first rule that matches wins, its output is not
// rescanned, the "before" context is the output so far; then runs collapse.
// Collapsing while appending is the same, since the contexts only look at the
// last character, which collapsing does not change. `out` has room for
// 2 * s.size() bytes ("x" -> "ks" is the longest growth); returns the length.
std::size_t spell(std::string_view s, char* out) {
  std::size_t length = 0;
  bool has_letter = false;
  const auto emit = [&](char c) {
    if (c >= 'a' && c <= 'z') {
      has_letter = true;
      if (length > 0 && out[length - 1] == c) return;
    }
    out[length++] = c;
  };
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = s[i];
    const char next = i + 1 < n ? s[i + 1] : '\0';
    const char last = length > 0 ? out[length - 1] : '\0';
    switch (c) {
      case 'd':
        if (next == 'z' && i + 2 < n && s[i + 2] == 'h') {
          emit('j');
          i += 3;
          continue;
        }
        if (next == 'j') {
          emit('j');
          i += 2;
          continue;
        }
        break;
      case 'z':
        if (next == 'h') {
          emit('j');
          i += 2;
          continue;
        }
        break;
      case 's':
        if (next == 'h' && i + 3 < n && s[i + 2] == 'c' && s[i + 3] == 'h') {
          emit('s');
          emit('h');
          i += 4;
          continue;
        }
        break;
      case 'k':
        if (next == 'h') {
          emit('h');
          i += 2;
          continue;
        }
        break;
      case 'g':
        if (next == 'h') {
          emit('g');
          i += 2;
          continue;
        }
        break;
      case 'p':
        if (next == 'h') {
          emit('f');
          i += 2;
          continue;
        }
        break;
      case 'c':
        if (next == 'h') {
          emit('c');
          emit('h');
          i += 2;
        } else {
          emit('k');
          ++i;
        }
        continue;
      case 'i':
        if (next == 'e' && is_vowel(last)) {
          emit('e');
          i += 2;
          continue;
        }
        break;
      case 'y':
        if (next == 'o' && is_consonant(last)) {
          emit('e');
          i += 2;
        } else if (next == 'e') {
          emit('e');
          i += 2;
        } else if (next == 'o' || next == 'u' || next == 'a') {
          emit('i');
          emit(next);
          i += 2;
        } else {
          emit('i');
          ++i;
        }
        continue;
      case 'q':
        emit('k');
        ++i;
        continue;
      case 'x':
        emit('k');
        emit('s');
        ++i;
        continue;
      case 'w':
        emit('v');
        ++i;
        continue;
      default:
        break;
    }
    emit(c);
    ++i;
  }
  return has_letter ? length : 0;  // no letters (a number): no key
}

// The fast path with its scratch space in `buffer` (3 * word.size() bytes).
// False if the word needs ICU.
bool loose_key_fast(std::string_view word, char* buffer, std::string& key) {
  const std::size_t ascii_length = to_ascii_fast(word, buffer);
  if (ascii_length == std::string_view::npos) return false;
  char* spelled = buffer + word.size();
  key.assign(spelled, spell(std::string_view(buffer, ascii_length), spelled));
  return true;
}

}  // namespace

std::string loose_key_icu(std::string_view word) {
  if (word.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max() / 2)) {
    return {};
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
  thread_transliterator().transliterate(text);
  std::string key;
  text.toUTF8String(key);
  if (!has_ascii_letter(key)) key.clear();
  return key;
}

std::string loose_key(std::string_view word) {
  std::string key;
  bool fast = false;
  if (constexpr std::size_t kStack = 128; word.size() <= kStack) {
    char buffer[3 * kStack];  // no allocation for ordinary words
    fast = loose_key_fast(word, buffer, key);
  } else {
    std::string buffer(3 * word.size(), '\0');
    fast = loose_key_fast(word, buffer.data(), key);
  }
  return fast ? key : loose_key_icu(word);
}

bool is_latin_word(std::string_view normalized_word) {
  return word_script(normalized_word) == WordScript::kLatin;
}

}  // namespace izdeu::analyzers
