#pragma once
// How an Article is stored in Xapian: the single source of truth for the
// index format. Prefixes follow Xapian/Omega conventions (omega's
// termprefixes.rst), so xapian-delve and quest understand our index; our own
// prefixes start with X.

#include <xapian.h>

#include <cmath>
#include <cstddef>
#include <string_view>

namespace izdeu::corpus::schema {

// Boolean terms (no positions, wdf 0).
inline constexpr std::string_view kIdPrefix = "Q";     ///< unique article id
inline constexpr std::string_view kDayPrefix = "D";    ///< date YYYYMMDD
inline constexpr std::string_view kMonthPrefix = "M";  ///< date YYYYMM
inline constexpr std::string_view kYearPrefix = "Y";   ///< date YYYY
inline constexpr std::string_view kLanguagePrefix =
    "L";                                             ///< "kk", "ru" or "en" (analyzers::to_code)
inline constexpr std::string_view kUrlPrefix = "U";  ///< url (hashed when too long for a term)
inline constexpr std::string_view kSourcePrefix = "XSRC";  ///< source, normalized to lower case
/// Canonical person key ("XPKхан клара александровна").
inline constexpr std::string_view kPersonPrefix = "XPK";
/// Each word of a person key, so person:Токаев finds «Токаев Касым-Жомарт Кемелевич».
inline constexpr std::string_view kPersonWordPrefix = "XPW";
inline constexpr std::string_view kRegionPrefix = "XR";  ///< gazetteer region id
inline constexpr std::string_view kTopicPrefix = "XT";   ///< taxonomy topic id

// Free-text terms.
// Unprefixed: exact (normalized) forms of title and body words, with positions.
/// Exact title words, with positions.
inline constexpr std::string_view kTitlePrefix = "S";
/// Exact forms of words written as acronyms (analyzers::is_acronym: «ООН»),
/// with positions; what an acronym in a query matches.
inline constexpr std::string_view kAcronymPrefix = "XA";

// Lexicon keys (corpus/index/lexicon.h): keys of Xapian's synonym table, not
// terms; the index holds no stem or loose-key terms (index format 2).
/// A stem, as "Z" + language code + ":" + stem.
inline constexpr std::string_view kStemPrefix = "Z";
/// A deeper Kazakh reading of a form (analyzers::KazakhStemmer::readings()
/// beyond stem()), as "Zkd:" + reading: a candidate stem, used only when the
/// vocabulary confirms it (corpus/index/lexicon.h). "kd" is no language code,
/// so these keys never meet a kStemPrefix key.
inline constexpr std::string_view kKazakhReadingPrefix = "Zkd:";
/// A cross-script loose key (analyzers::Token::loose, loose_stem): ASCII that
/// equates Cyrillic kk/ru and Latin spellings (Тоқаев, Токаев, Tokayev).
inline constexpr std::string_view kLoosePrefix = "XL";

/// wdf added per occurrence of a word in the title (body words add 1), so that
/// BM25 weights a title match above a body match.
inline constexpr Xapian::termcount kTitleWdf = 5;
/// Title words take positions from kTitleFirstPosition; body words start after
/// a gap, so a phrase never matches across the title/body boundary.
inline constexpr Xapian::termpos kTitleFirstPosition = 1;
inline constexpr Xapian::termpos kBodyFirstPosition = 1000;

/// Xapian's hard limit on a term is 245 bytes; longer words are dropped, longer
/// urls are hashed (as omega does).
inline constexpr std::size_t kMaxTermBytes = 240;

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;       ///< "YYYYMMDD", sorts as a string
inline constexpr Xapian::valueno kViewsSlot = 1;      ///< sortable_serialise(views)
inline constexpr Xapian::valueno kDayNumberSlot = 2;  ///< sortable_serialise(days since epoch)
/// Syndicated copies share this key: the date and a short hash of the
/// body's first kCollapseWords normalized words, or of the title's words
/// when there is no body (article_codec.cpp); undated articles have none.
inline constexpr Xapian::valueno kCollapseSlot = 3;
/// Body words the collapse key reads: enough to tell stories apart, few
/// enough that a copy with a line added at its end still collapses.
inline constexpr std::size_t kCollapseWords = 50;
/// Facet values, several per document joined by kListSeparator. People are
/// "key<kCountSeparator>mentions".
inline constexpr Xapian::valueno kPeopleSlot = 4;
inline constexpr Xapian::valueno kRegionsSlot = 5;
inline constexpr Xapian::valueno kTopicsSlot = 6;
inline constexpr Xapian::valueno kLanguageSlot = 7;  ///< "kk", "ru" or "en"
/// The popularity bonus's share, popularity_share(views), as
/// sortable_serialise; no value for an article without views. Read by Xapian's
/// own ValueWeightPostingSource, so a remote shard (xapian-tcpsrv, which runs
/// only Xapian's built-in classes) computes the same bonus as a local one.
inline constexpr Xapian::valueno kPopularitySlot = 8;

/// log(1 + views) saturates here: a million views and ten million weigh the same.
inline constexpr double kViewsSaturation = 1'000'000;

/// The share of the largest popularity bonus an article with `views` views
/// earns: min(1, log(1 + views) / log(1 + kViewsSaturation)), 0 for none.
inline double popularity_share(double views) {
  if (!(views > 0)) return 0;  // also NaN
  const double share = std::log1p(views) / std::log1p(kViewsSaturation);
  return share < 1 ? share : 1;
}

inline constexpr char kListSeparator = '\x1f';   // U+001F INFORMATION SEPARATOR ONE
inline constexpr char kCountSeparator = '\x1e';  // U+001E INFORMATION SEPARATOR TWO

}  // namespace izdeu::corpus::schema
