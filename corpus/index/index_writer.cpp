#include "corpus/index/index_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "corpus/index/article_codec.h"
#include "corpus/index/xapian_errors.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// Writes a directory's regular files (and the directory entry itself) to disk.
Result<void> fsync_directory(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
  }
  if (ec) return unavailable("cannot list index files (" + path + "): " + ec.message());
  files.push_back(path);
  for (const std::string& file : files) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return unavailable("cannot open " + file + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) return unavailable("cannot sync " + file + " to disk");
  }
  return {};
}

}  // namespace

IndexWriter::IndexWriter(std::string path, std::unique_ptr<Xapian::WritableDatabase> database)
    : path_(std::move(path)), database_(std::move(database)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

IndexWriter::~IndexWriter() {
  if (!database_) return;
  try {
    lexicon_.flush(*database_);
    // Xapian commits pending changes in the destructor too; closing explicitly
    // lets us swallow a failure instead of throwing from a destructor.
    database_->close();
  } catch (const Xapian::Error&) {
  }
}

void IndexWriter::disable_automatic_flush() {
  // Xapian reads the variable when a WritableDatabase is opened and treats 0
  // as "use the default", so "never" is the largest count it can hold.
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000000000", /*overwrite=*/0);
}

Result<IndexWriter> IndexWriter::open(const std::string& path, const IndexWriterOptions& options) {
  int flags = options.overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
  if (options.bulk) flags |= Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS;
  try {
    auto database = std::make_unique<Xapian::WritableDatabase>(path, flags);
    if (auto schema = check_schema(*database, path); !schema) return schema.error();
    // Stamped before the first article, so that no reader ever sees articles
    // of this format without the mark.
    const std::string key(kSchemaVersionKey);
    if (database->get_metadata(key) != kSchemaVersion) {
      database->set_metadata(key, std::string(kSchemaVersion));
    }
    return IndexWriter(path, std::move(database));
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path);
  }
}

Result<WriteOutcome> IndexWriter::add_or_replace(const Article& article) {
  if (article.id.empty()) return invalid_argument("article has no id");
  if (article.title.empty() && article.body.empty()) {
    return invalid_argument("article " + article.id + " has neither title nor body");
  }
  try {
    return add_or_replace(article.id, encode_article(article));
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

Result<WriteOutcome> IndexWriter::add_or_replace(const std::string& id,
                                                 const Xapian::Document& document) {
  if (id.empty()) return invalid_argument("article has no id");
  try {
    const std::string term = id_term(id);
    const bool exists = database_->term_exists(term);
    if (exists) {
      database_->replace_document(term, document);
    } else {
      // replace_document(term) would look the term up a second time.
      database_->add_document(document);
    }
    lexicon_.add(document);
    return exists ? WriteOutcome::kReplaced : WriteOutcome::kAdded;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

Result<bool> IndexWriter::contains(const std::string& id) const {
  try {
    return database_->term_exists(id_term(id));
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

Result<std::vector<std::string>> IndexWriter::find_ids(const Xapian::Query& query) const {
  try {
    Xapian::Enquire enquire(*database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, database_->get_doccount());
    std::vector<std::string> ids;
    ids.reserve(matches.size());
    const std::string prefix(schema::kIdPrefix);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      // The id is the document's one Q term (see id_term()).
      Xapian::TermIterator term = database_->termlist_begin(*it);
      term.skip_to(prefix);
      if (term != database_->termlist_end(*it) && (*term).starts_with(prefix)) {
        ids.push_back((*term).substr(prefix.size()));
      }
    }
    return ids;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

Result<bool> IndexWriter::remove(const std::string& id) {
  try {
    const std::string term = id_term(id);
    if (!database_->term_exists(term)) return false;
    database_->delete_document(term);
    return true;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

Result<void> IndexWriter::commit() {
  try {
    lexicon_.flush(*database_);
    database_->commit();
    return {};
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

Result<void> IndexWriter::sync() {
  if (auto committed = commit(); !committed) return committed;
  return fsync_directory(path_);
}

Result<void> IndexWriter::close() {
  try {
    lexicon_.flush(*database_);
    database_->close();
    database_.reset();
    return {};
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

std::uint64_t IndexWriter::document_count() const { return database_->get_doccount(); }

}  // namespace izdeu::corpus
