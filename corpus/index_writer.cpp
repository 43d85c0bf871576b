#include "corpus/index_writer.h"

#include "corpus/article_codec.h"
#include "corpus/xapian_errors.h"

namespace izdeu::corpus {

IndexWriter::IndexWriter(std::string path, std::unique_ptr<Xapian::WritableDatabase> database)
    : path_(std::move(path)), database_(std::move(database)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

IndexWriter::~IndexWriter() {
  if (!database_) return;
  try {
    // Xapian commits pending changes in the destructor too; closing explicitly
    // lets us swallow a failure instead of throwing from a destructor.
    database_->close();
  } catch (const Xapian::Error&) {
  }
}

Result<IndexWriter> IndexWriter::open(const std::string& path) {
  try {
    auto database = std::make_unique<Xapian::WritableDatabase>(path, Xapian::DB_CREATE_OR_OPEN);
    return IndexWriter(path, std::move(database));
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path);
  }
}

Result<WriteOutcome> IndexWriter::add_or_replace(const Article& article) {
  if (article.id.empty()) return invalid_argument("article has no id");
  if (article.title.empty()) return invalid_argument("article " + article.id + " has no title");
  try {
    const std::string term = id_term(article.id);
    const bool exists = database_->term_exists(term);
    database_->replace_document(term, encode_article(article));
    return exists ? WriteOutcome::kReplaced : WriteOutcome::kAdded;
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
    database_->commit();
    return {};
  } catch (const Xapian::Error& e) {
    return from_xapian(e, path_);
  }
}

std::uint64_t IndexWriter::document_count() const { return database_->get_doccount(); }

}  // namespace izdeu::corpus
