#include "corpus/index/lexicon.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"
#include "analyzers/stemmers/kazakh_lexicon.h"
#include "analyzers/stemmers/kazakh_stemmer.h"
#include "analyzers/stemmers/russian_name_normalizer.h"
#include "corpus/index/xapian_errors.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

bool fits(const std::string& key) { return !key.empty() && key.size() <= schema::kMaxTermBytes; }

// Exact forms are case-folded, so they never start with an ASCII capital;
// every prefixed term (S title words, Q ids, XPK people...) does.
bool is_exact_form(const std::string& term) {
  return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z');
}

// Remote shards registered by RemoteLexicon, by the combined database they
// belong to. `registered` lets the common case (no remote shard) skip the lock.
std::mutex registry_mutex;
std::unordered_map<const Xapian::Database*, const std::vector<Xapian::Database>*> registry;
std::atomic<int> registered{0};

const std::vector<Xapian::Database>* remote_shards_of(const Xapian::Database& database) {
  if (registered.load(std::memory_order_acquire) == 0) return nullptr;
  std::lock_guard lock(registry_mutex);
  const auto it = registry.find(&database);
  return it == registry.end() ? nullptr : it->second;
}

std::vector<std::string> split_entry(std::string_view value) {
  std::vector<std::string> forms;
  std::size_t begin = 0;
  while (begin < value.size()) {
    std::size_t end = value.find('\0', begin);
    if (end == std::string_view::npos) end = value.size();
    if (end > begin) forms.emplace_back(value.substr(begin, end - begin));
    begin = end + 1;
  }
  return forms;
}

std::string metadata_key(const std::string& key) {
  return std::string(kLexiconMetadataPrefix) + key;
}

}  // namespace

RemoteLexicon::RemoteLexicon(const Xapian::Database& database,
                             const std::vector<Xapian::Database>& remote)
    : database_(&database) {
  std::lock_guard lock(registry_mutex);
  registry[database_] = &remote;
  registered.fetch_add(1, std::memory_order_release);
}

RemoteLexicon::~RemoteLexicon() {
  std::lock_guard lock(registry_mutex);
  registry.erase(database_);
  registered.fetch_sub(1, std::memory_order_release);
}

std::string merge_lexicon_entry(std::string_view value, const std::vector<std::string>& forms) {
  std::vector<std::string> all = split_entry(value);
  all.insert(all.end(), forms.begin(), forms.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::string out;
  for (const std::string& form : all) {
    if (!out.empty()) out += '\0';
    out += form;
  }
  return out;
}

std::string stem_key(analyzers::Language language, std::string_view stem) {
  std::string key(schema::kStemPrefix);
  key += analyzers::to_code(language);
  key += ':';
  key += stem;
  return key;
}

std::string loose_key(std::string_view loose) {
  std::string key(schema::kLoosePrefix);
  key += loose;
  return key;
}

std::string kazakh_reading_key(std::string_view reading) {
  std::string key(schema::kKazakhReadingPrefix);
  key += reading;
  return key;
}

std::vector<std::string> kazakh_readings(std::string_view word) {
  if (analyzers::word_script(word) != analyzers::WordScript::kCyrillic) return {};
  // StemFilter::query_stems keeps a surname's Kazakh stem out of its keys
  // when it cuts into the name; deeper readings would cut further.
  if (!analyzers::RussianNameNormalizer::kazakh_surname_key(word).empty()) return {};
  static const analyzers::KazakhStemmer stemmer;
  return stemmer.readings(word);
}

std::vector<std::string> lexicon_keys(std::string_view form, analyzers::Language language) {
  std::vector<std::string> keys;
  const analyzers::Analyzer& analyzer = analyzers::analyzer_for(language);
  const std::vector<analyzers::Token> tokens = analyzer.analyze(form);
  // A form is one word by construction; a joined compound or an alias that
  // re-analyzes as several words has no single reading to file.
  if (tokens.size() != 1) return keys;
  const analyzers::Token& token = tokens.front();
  auto add = [&keys](std::string key) {
    if (fits(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(std::move(key));
    }
  };
  for (const std::string& stem : analyzer.query_stems(token)) add(stem_key(token.language, stem));
  if (token.language == analyzers::Language::kKazakh) {
    // Every deeper reading, confirmed or not: whether the vocabulary
    // confirms it changes with every article, so the query decides.
    const std::vector<std::string> readings = kazakh_readings(token.text);
    for (std::size_t i = 1; i < readings.size(); ++i) add(kazakh_reading_key(readings[i]));
  }
  if (!token.loose.empty()) add(loose_key(token.loose));
  if (!token.loose_stem.empty()) add(loose_key(token.loose_stem));
  return keys;
}

std::vector<std::string> lexicon_forms(const Xapian::Database& database, const std::string& key) {
  std::vector<std::string> forms;
  for (auto it = database.synonyms_begin(key); it != database.synonyms_end(key); ++it) {
    forms.push_back(*it);
  }
  if (const auto* remote = remote_shards_of(database)) {
    // Local shards answered through the synonym table (the same entries
    // as their mirrors); the remote ones only through their mirrors.
    for (const Xapian::Database& shard : *remote) {
      for (std::string& form : split_entry(shard.get_metadata(metadata_key(key)))) {
        forms.push_back(std::move(form));
      }
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  }
  return forms;
}

std::vector<std::string> lexicon_keys_from(const Xapian::Database& database,
                                           const std::string& start, std::size_t limit) {
  std::vector<std::string> keys;
  for (auto it = database.synonym_keys_begin(start);
       it != database.synonym_keys_end(start) && keys.size() < limit; ++it) {
    keys.push_back(*it);
  }
  if (const auto* remote = remote_shards_of(database)) {
    const std::string mirror_start = metadata_key(start);
    for (const Xapian::Database& shard : *remote) {
      std::size_t taken = 0;
      for (auto it = shard.metadata_keys_begin(mirror_start);
           it != shard.metadata_keys_end(mirror_start) && taken < limit; ++it, ++taken) {
        keys.push_back((*it).substr(kLexiconMetadataPrefix.size()));
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (keys.size() > limit) keys.resize(limit);
  }
  return keys;
}

Xapian::doccount lexicon_frequency(const Xapian::Database& database, const std::string& key) {
  Xapian::doccount best = 0;
  for (const std::string& form : lexicon_forms(database, key)) {
    best = std::max(best, database.get_termfreq(form));
  }
  return best;
}

const std::vector<std::string>& KazakhConfirmation::forms(const std::string& key) {
  auto it = forms_.find(key);
  // One synonym-table entry holds all of a key's forms: one seek per key.
  if (it == forms_.end()) it = forms_.emplace(key, lexicon_forms(database_, key)).first;
  return it->second;
}

std::string KazakhConfirmation::confirmed(std::string_view word,
                                          const std::vector<std::string>& readings) {
  // Forms of deleted articles still attest (their entries stay): telling
  // needs a term-frequency lookup per form, and a deleted form is evidence
  // of the paradigm all the same.
  return analyzers::choose_confirmed_reading(readings, [&](std::string_view stem) {
    const std::vector<std::string>& attesting = forms(stem_key(analyzers::Language::kKazakh, stem));
    const bool self = std::binary_search(attesting.begin(), attesting.end(), word);
    return attesting.size() - (self ? 1 : 0);
  });
}

std::vector<std::string> KazakhConfirmation::confirmed_forms(const std::string& stem) {
  std::vector<std::string> confirmed_forms;
  // A reference stays valid while confirmed() adds keys (std::map).
  const std::vector<std::string>& candidates = forms(kazakh_reading_key(stem));
  const std::size_t count = std::min(candidates.size(), kMaxCandidates);
  for (std::size_t i = 0; i < count; ++i) {
    const std::vector<std::string> readings = kazakh_readings(candidates[i]);
    if (readings.size() > 1 && confirmed(candidates[i], readings) == stem) {
      confirmed_forms.push_back(candidates[i]);
    }
  }
  return confirmed_forms;
}

void LexiconWriter::add(const Xapian::Document& document) {
  const std::string code = document.get_value(schema::kLanguageSlot);
  const analyzers::Language language =
      analyzers::parse_language(code).value_or(analyzers::Language::kRussian);
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    const std::string form = *it;
    if (!is_exact_form(form)) continue;
    // Nearly every form of an article was seen before: look it up in a
    // reused buffer and build nothing for it.
    scratch_.assign(code);
    scratch_ += form;
    if (seen_.find(scratch_) != seen_.end()) continue;
    if (seen_.size() >= kMaxRemembered) seen_.clear();
    seen_.insert(scratch_);
    for (std::string& key : lexicon_keys(form, language)) {
      pending_[std::move(key)].push_back(form);
    }
  }
}

void LexiconWriter::flush(Xapian::WritableDatabase& database) {
  // Sorted keys: Xapian's synonym table keeps one key's entry open and
  // rewrites it when the next key comes, so each key is read and written
  // once. Sorting once here is cheaper than keeping a tree sorted per insert.
  std::vector<decltype(pending_)::value_type*> entries;
  entries.reserve(pending_.size());
  for (auto& entry : pending_) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* entry : entries) {
    for (const std::string& form : entry->second) database.add_synonym(entry->first, form);
    // The mirror remote readers use (kLexiconMetadataPrefix).
    const std::string mirror = metadata_key(entry->first);
    database.set_metadata(mirror,
                          merge_lexicon_entry(database.get_metadata(mirror), entry->second));
  }
  pending_.clear();
}

Result<void> check_schema(const Xapian::Database& database, const std::string& path) {
  try {
    const std::string version = database.get_metadata(std::string(kSchemaVersionKey));
    if (version == kSchemaVersion || database.get_doccount() == 0) return {};
    return unavailable("the index at " + path + " was written in index format " +
                       (version.empty() ? std::string("1") : version) + ", and this izdeu reads " +
                       std::string(kSchemaVersion) +
                       "; rebuild it by indexing the archives again into a new directory "
                       "(izdeu-indexer --index NEW_DIR ARCHIVE...) and serving that one");
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path);
  }
}

}  // namespace izdeu::corpus
