#pragma once
// Splits text into the words person recognition looks at, with the layout
// facts it needs (capitals, initials, sentence starts, what separates words).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

/// One word of the text. A word is a run of letters (any script), joined
/// across a hyphen or an apostrophe that stands between two letters
/// («Қасым-Жомарт», «О’Рейли»); digits and every other character end it.
struct NameWord {
  std::size_t begin = 0;  ///< byte offset of the first letter
  std::size_t end = 0;    ///< byte offset past the last letter (past the dot of an initial)
  /// Lower case, ё -> е, Kazakh letters folded to Russian ones (ә->а, ғ->г,
  /// қ->к, ң->н, ө->о, ұ->у, ү->у, һ->х, і->и), combining marks dropped.
  std::string folded;
  bool capitalized = false;  ///< the first letter is upper case
  bool all_caps = false;     ///< two or more letters, all upper case («ООН», «США»)
  bool initial = false;      ///< one upper-case letter directly followed by '.'
  bool cyrillic = false;     ///< the first letter is Cyrillic
  /// A part after a hyphen starts with a lower-case letter («Городов-миллионников»).
  bool lower_after_hyphen = false;
  /// A part after a hyphen starts with an upper-case letter («аль-Барадеи»).
  bool upper_after_hyphen = false;
  /// The first word of a sentence: at the start of the text or of a line, or
  /// after . ! ? … (not the dot of an initial or of a short abbreviation),
  /// with only quotes, dashes and brackets in between.
  bool sentence_start = false;
  /// Only spaces (no line break, no punctuation) separate it from the
  /// previous word, so the two can belong to one name.
  bool joined = false;
  /// The previous word is immediately followed by an opening quote or
  /// bracket before this one («Абай»).
  bool after_quote = false;
};

/// The words of `text` in order. Invalid UTF-8 ends words.
std::vector<NameWord> name_words(std::string_view text);

/// Lower case, ё -> е and the Kazakh folding of NameWord::folded, for one
/// word or phrase typed by a user.
std::string fold_name(std::string_view text);

}  // namespace izdeu::analyzers
