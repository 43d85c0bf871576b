#pragma once
// The lexicon: every exact form the index holds, under the keys a query word
// can reach it by. It is what lets a query read a word as its indexed
// inflections and spellings instead of the index storing a stem term and
// loose-key terms for every word of every article.
//
// Storage: Xapian's synonym table of the same database, written by
// IndexWriter in the same commit as the postings. That keeps the lexicon
// atomic with the documents, merged by compaction (IndexCompactor) and across
// unmerged shards by Xapian itself (Database::synonyms_begin merges every
// shard's entries), and a lookup is one B-tree seek. A side file would need
// its own crash safety; a lexicon built from the term list at open costs
// seconds per reopen at 1,000,000 articles (BENCHMARKS.md, "Lexicon").
//
// Keys (never a query term, so they cannot collide with one):
//   "Z" + language code + ":" + stem  -> forms read as that stem in that language
//   "Zkd:" + reading                  -> Kazakh forms with that deeper reading
//                                        (a candidate stem, see below)
//   "XL" + loose key                  -> forms with that cross-script loose key
// A form is filed under the readings of the language of the article it was
// seen in (per word: a Kazakh word quoted in Russian text is read as Kazakh),
// so a Russian reading never reaches a form only Kazakh articles wrote.
// Entries of deleted articles stay; their forms have no postings and are
// dropped at query time (term frequency 0).
//
// Vocabulary-confirmed Kazakh stems (issue 13). A Kazakh form is filed under
// its stem() ("Zkk:") and under every deeper reading KazakhStemmer::readings()
// gives ("Zkd:"), which may be wrong on its own. At query time a Kazakh word
// takes the deepest of its readings the vocabulary confirms
// (analyzers::choose_confirmed_reading, the rule of KazakhLexicon) with the
// index's forms as the vocabulary: a stem s is attested by the forms filed
// under "Zkk:" + s. It reads as the forms under the confirmed stem c's
// "Zkk:" key and those under "Zkd:" + c whose own confirmed stem is c, so
// «мәліметінше» (stem() keeps it whole) meets «мәлімет» only when another
// form whose stem() is мәлімет («мәліметі») is indexed. Confirmation is
// computed at query time, never stored: it changes as articles come.

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/language.h"
#include "corpus/error.h"

namespace izdeu::corpus {

/// The lexicon key of a stem read in `language`.
std::string stem_key(analyzers::Language language, std::string_view stem);
/// The lexicon key of a cross-script loose key (analyzers::Token::loose).
std::string loose_key(std::string_view loose);

/// The lexicon key of a deeper Kazakh reading (schema::kKazakhReadingPrefix).
std::string kazakh_reading_key(std::string_view reading);

/// KazakhStemmer::readings(word) (readings[0] is stem()) for a normalized
/// Cyrillic word read as Kazakh; empty for a word of a Russian surname shape
/// (RussianNameNormalizer::kazakh_surname_key: «Сапаровқа» is a person, never
/// a deeper reading of «сапар») and for any other script. The one source of
/// deeper readings for the writer and the query.
std::vector<std::string> kazakh_readings(std::string_view word);

/// The keys an indexed exact form is filed under when an article in
/// `language` holds it: its stems (every reading analyzers::Analyzer::
/// query_stems gives, since the lexicon cannot tell a capitalized name from a
/// word), for a word read as Kazakh its deeper readings (kazakh_readings()
/// after the first, as kazakh_reading_key()s), and its loose keys. Empty for
/// a form with no letters (numbers).
std::vector<std::string> lexicon_keys(std::string_view form, analyzers::Language language);

/// Indexed forms filed under `key`, in byte order; empty without a database.
/// Reads the synonym table of `database` and, when remote shards were
/// registered for it (RemoteLexicon), their metadata mirrors.
std::vector<std::string> lexicon_forms(const Xapian::Database& database, const std::string& key);

/// Lexicon keys starting with `start`, in byte order, at most `limit`: the
/// synonym table's keys and, over remote shards (RemoteLexicon), their
/// mirrors' keys.
std::vector<std::string> lexicon_keys_from(const Xapian::Database& database,
                                           const std::string& start, std::size_t limit);

/// The lexicon is mirrored into each database's metadata under this prefix
/// (key -> its forms, sorted, joined by '\0'), written in the same commit as
/// the synonym table. A remote shard (xapian-tcpsrv) serves metadata but not
/// the synonym table, so a reader whose shards are remote reads the mirror,
/// one shard at a time (Database::get_metadata reads only a combined
/// database's first shard).
inline constexpr std::string_view kLexiconMetadataPrefix = "L";

/// The metadata mirror of `key`: the forms of `value` (a mirror entry) joined
/// with `forms`, sorted and unique, as an entry again.
std::string merge_lexicon_entry(std::string_view value, const std::vector<std::string>& forms);

/// Makes lexicon_forms(database, ...) also read the metadata mirrors of
/// `remote` (handles of the remote shards that `database` combines, used by
/// the same thread as `database`) while this object lives. Neither may be
/// moved or destroyed before it.
class RemoteLexicon {
 public:
  RemoteLexicon(const Xapian::Database& database, const std::vector<Xapian::Database>& remote);
  ~RemoteLexicon();
  RemoteLexicon(const RemoteLexicon&) = delete;
  RemoteLexicon& operator=(const RemoteLexicon&) = delete;

 private:
  const Xapian::Database* database_;
};

/// How many articles hold the most frequent form filed under `key`.
Xapian::doccount lexicon_frequency(const Xapian::Database& database, const std::string& key);

/// Vocabulary-confirmed Kazakh stems, read from an index's lexicon for one
/// query (see the file comment). Remembers every key it reads, so a query
/// reads each key once. Not thread-safe; meant to live for one query.
class KazakhConfirmation {
 public:
  explicit KazakhConfirmation(const Xapian::Database& database) : database_(database) {}

  /// The confirmed stem of `word`, given `readings` = kazakh_readings(word)
  /// (non-empty): analyzers::choose_confirmed_reading where a stem is
  /// attested by the forms under its "Zkk:" key other than `word`.
  std::string confirmed(std::string_view word, const std::vector<std::string>& readings);

  /// Forms filed under kazakh_reading_key(stem) whose own confirmed stem is
  /// `stem`, in byte order. Looks at the first kMaxCandidates forms only (a
  /// short reading such as «ал» may be a candidate of thousands of forms).
  std::vector<std::string> confirmed_forms(const std::string& stem);
  static constexpr std::size_t kMaxCandidates = 256;

 private:
  const std::vector<std::string>& forms(const std::string& key);

  const Xapian::Database& database_;
  std::map<std::string, std::vector<std::string>> forms_;  // key -> forms, byte order
};

/// Feeds the lexicon from the documents an IndexWriter writes. Keys
/// (lexicon_keys(), the Kazakh readings included) are computed once per
/// (language, form) per writer and buffered; flush() writes
/// them sorted by key, so each key's entry is read and rewritten once per
/// commit. Not thread-safe (one per IndexWriter).
class LexiconWriter {
 public:
  /// Files every exact form of `document` (an encode_article() result).
  void add(const Xapian::Document& document);
  /// Writes the buffered entries into `database`; call before commit().
  void flush(Xapian::WritableDatabase& database);

  /// (language, form) pairs remembered to skip; past this the memory is
  /// cleared (re-filing a form costs time, never correctness).
  static constexpr std::size_t kMaxRemembered = 1u << 20;

 private:
  std::unordered_set<std::string> seen_;                               // language code + form
  std::string scratch_;                                                // the same, for a lookup
  std::unordered_map<std::string, std::vector<std::string>> pending_;  // key -> forms
};

/// The index format this build writes and reads, kept in the metadata under
/// kSchemaVersionKey. 2: no stem or loose-key terms; the lexicon instead.
/// 3: the collapse key (schema::kCollapseSlot) from the body's first words,
/// not the title; an index of 2 would collapse different stories that share
/// a title, and mixing the two keys in one index would keep copies apart.
inline constexpr std::string_view kSchemaVersionKey = "izdeu.schema";
/// 4: the popularity slot (schema::kPopularitySlot) that remote shards weigh
/// by, and the lexicon mirrored into the metadata (kLexiconMetadataPrefix)
/// that remote shards serve; an index of 3 would rank without popularity and
/// find no inflections through a remote shard.
inline constexpr std::string_view kSchemaVersion = "4";

/// kUnavailable, with the command that rebuilds it, when the database at
/// `path` holds articles written by another index format.
Result<void> check_schema(const Xapian::Database& database, const std::string& path);

}  // namespace izdeu::corpus
