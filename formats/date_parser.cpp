#include "formats/date_parser.h"

#include <array>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"

namespace izdeu::formats {

using analyzers::is_invisible_code_point;
using analyzers::is_space_code_point;
using analyzers::to_lower_utf8;
namespace {

// Month names after fold_letter(), so one entry covers "қазан" and "казан".
// Russian has genitive ("марта") and nominative ("март") forms.
constexpr std::array<std::pair<std::string_view, int>, 24> kRussianMonths = {{
    {"января", 1},  {"январь", 1},   {"февраля", 2},  {"февраль", 2},  {"марта", 3},
    {"март", 3},    {"апреля", 4},   {"апрель", 4},   {"мая", 5},      {"май", 5},
    {"июня", 6},    {"июнь", 6},     {"июля", 7},     {"июль", 7},     {"августа", 8},
    {"август", 8},  {"сентября", 9}, {"сентябрь", 9}, {"октября", 10}, {"октябрь", 10},
    {"ноября", 11}, {"ноябрь", 11},  {"декабря", 12}, {"декабрь", 12},
}};

constexpr std::array<std::pair<std::string_view, int>, 12> kKazakhMonths = {{
    {"кантар", 1},      // қаңтар
    {"акпан", 2},       // ақпан
    {"наурыз", 3},      // наурыз
    {"сауир", 4},       // сәуір
    {"мамыр", 5},       // мамыр
    {"маусым", 6},      // маусым
    {"шилде", 7},       // шілде
    {"тамыз", 8},       // тамыз
    {"кыркуйек", 9},    // қыркүйек
    {"казан", 10},      // қазан
    {"караша", 11},     // қараша
    {"желтоксан", 12},  // желтоқсан
}};

// Kazakh case suffixes seen on month names in dates: locative ("шілдеде" = in
// July) and the locative adjective ("шілдедегі"), in both vowel harmonies and
// after voiced and voiceless consonants. Folded like the month names.
constexpr std::array<std::string_view, 8> kKazakhMonthSuffixes = {"да",   "де",   "та",   "те",
                                                                  "дагы", "деги", "тагы", "теги"};

// "г." / "года" after a Russian year; "ж." / "жылы" / "жылғы" after a Kazakh one.
constexpr std::array<std::string_view, 8> kYearWords = {"г", "год", "года", "году",
                                                        "ж", "жыл", "жылы", "жылгы"};

// Maps a lower-case Kazakh letter to the Russian letter typed in its place on
// a keyboard without Kazakh letters, so both spellings compare equal.
char32_t fold_letter(char32_t c) {
  switch (c) {
    case U'\u04D9':  // ә CYRILLIC SMALL LETTER SCHWA
    case U'\u044D':  // э, typed for ә: "сэуир"
      return U'а';
    case U'\u0493':  // ғ CYRILLIC SMALL LETTER GHE WITH STROKE
      return U'г';
    case U'\u049B':  // қ CYRILLIC SMALL LETTER KA WITH DESCENDER
      return U'к';
    case U'\u04A3':  // ң CYRILLIC SMALL LETTER EN WITH DESCENDER
      return U'н';
    case U'\u04E9':  // ө CYRILLIC SMALL LETTER BARRED O
      return U'о';
    case U'\u04B1':  // ұ CYRILLIC SMALL LETTER STRAIGHT U WITH STROKE
    case U'\u04AF':  // ү CYRILLIC SMALL LETTER STRAIGHT U
      return U'у';
    case U'\u04BB':  // һ CYRILLIC SMALL LETTER SHHA
      return U'х';
    case U'\u0456':  // і CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    case U'i':       // U+0069 LATIN SMALL LETTER I, a common stand-in for і
      return U'и';
    case U'\u0451':  // ё
      return U'е';
    default:
      return c;
  }
}

// Lower-cases, folds Kazakh letters, turns white space and commas into single
// spaces and drops invisible code points; the result is trimmed.
std::string normalize(std::string_view text) {
  std::string lowered = to_lower_utf8(text);
  std::string out;
  out.reserve(lowered.size());
  analyzers::for_each_code_point(lowered, [&](char32_t c, std::size_t, std::size_t) {
    if (is_invisible_code_point(c)) return;
    if (is_space_code_point(c) || c == U',') c = U' ';
    if (c == U' ' && (out.empty() || out.back() == ' ')) return;
    analyzers::append_utf8(out, fold_letter(c));
  });
  // Trailing punctuation closes the line ("1 июля 2021 г.", "01.07.2021;").
  while (!out.empty() &&
         (out.back() == ' ' || out.back() == '.' || out.back() == ';' || out.back() == '!')) {
    out.pop_back();
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find_first_of(separators, begin), text.size());
    if (end > begin) parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

bool is_digits(std::string_view text, std::size_t min_size, std::size_t max_size) {
  if (text.size() < min_size || text.size() > max_size) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// "12:30" or "12:30:05".
bool is_time_of_day(std::string_view text) {
  const auto parts = split(text, ":");
  if (parts.size() < 2 || parts.size() > 3 || text.front() == ':' || text.back() == ':') {
    return false;
  }
  if (!is_digits(parts[0], 1, 2) || to_int(parts[0]) > 23) return false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (!is_digits(parts[i], 2, 2) || to_int(parts[i]) > 59) return false;
  }
  return true;
}

std::optional<corpus::Date> parse_numeric(std::string_view text) {
  if (auto iso = corpus::parse_iso_date(text)) return iso;
  const auto parts = split(text, ".");
  if (parts.size() != 3 || text.front() == '.' || text.find("..") != std::string_view::npos) {
    return std::nullopt;
  }
  if (!is_digits(parts[0], 1, 2) || !is_digits(parts[1], 1, 2) || !is_digits(parts[2], 4, 4)) {
    return std::nullopt;
  }
  return corpus::make_date(to_int(parts[2]), to_int(parts[1]), to_int(parts[0]));
}

std::optional<int> parse_month(std::string_view word) {
  for (const auto& [name, month] : kRussianMonths) {
    if (word == name) return month;
  }
  for (const auto& [name, month] : kKazakhMonths) {
    if (!word.starts_with(name)) continue;
    const std::string_view suffix = word.substr(name.size());
    if (suffix.empty()) return month;
    for (auto allowed : kKazakhMonthSuffixes) {
      if (suffix == allowed) return month;
    }
  }
  return std::nullopt;
}

bool is_year_word(std::string_view word) {
  for (auto year_word : kYearWords) {
    if (word == year_word) return true;
  }
  return false;
}

// Day-month-year (Russian, and Kazakh as printed by Russian-made portals) or
// year-day-month (Kazakh: "2021 жылғы 1 шілде"), with an optional year word.
std::optional<corpus::Date> parse_words(const std::vector<std::string_view>& words) {
  std::vector<std::string_view> w;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!is_year_word(words[i])) {
      w.push_back(words[i]);
    } else if (i == 0 || !is_digits(words[i - 1], 4, 4)) {
      return std::nullopt;  // a year word must directly follow the year
    }
  }
  if (w.size() != 3) return std::nullopt;
  std::string_view day = w[0];
  std::string_view month = w[1];
  std::string_view year = w[2];
  if (is_digits(w[0], 4, 4)) {
    year = w[0];
    day = w[1];
    month = w[2];
  }
  if (!is_digits(day, 1, 2) || !is_digits(year, 4, 4)) return std::nullopt;
  const auto month_number = parse_month(month);
  if (!month_number) return std::nullopt;
  return corpus::make_date(to_int(year), *month_number, to_int(day));
}

}  // namespace

std::optional<corpus::Date> parse_news_date(std::string_view text) {
  const std::string line = normalize(text);
  std::vector<std::string_view> tokens = split(line, " ");
  if (!tokens.empty() && is_time_of_day(tokens.back())) {
    tokens.pop_back();
    // "14 марта 2019 года в 12:30": Russian "в" (at) introduces the time.
    if (!tokens.empty() && tokens.back() == "в") tokens.pop_back();
  }
  if (tokens.empty()) return std::nullopt;
  if (tokens.size() == 1) return parse_numeric(tokens.front());
  // "01.07.2021 г." and "01.07.2021 ж.": a numeric date with a year word.
  if (tokens.size() == 2 && is_year_word(tokens.back())) return parse_numeric(tokens.front());
  // Dots end abbreviations ("г.", "ж.") and hyphens join a day to its month
  // ("1-шілде"); neither matters once the tokens are split on them.
  std::vector<std::string_view> words;
  for (auto token : tokens) {
    for (auto part : split(token, ".-")) words.push_back(part);
  }
  return parse_words(words);
}

}  // namespace izdeu::formats
