#include "corpus/index/xapian_errors.h"

#include <string_view>

namespace izdeu::corpus {

Error from_xapian(const Xapian::Error& error, const std::string& index_path) {
  const std::string where = index_path.empty() ? std::string() : " (" + index_path + ")";
  const std::string what = error.get_msg();
  // Xapian::Error has no virtual functions, so dynamic_cast cannot tell the
  // subclasses apart; get_type() names the most derived class instead.
  const std::string_view type = error.get_type();
  if (type == "DatabaseLockError") {
    return unavailable("index is locked by another writer" + where + ": " + what);
  }
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError" ||
      type == "DatabaseCreateError" || type == "DatabaseVersionError") {
    return unavailable("cannot open index" + where + ": " + what);
  }
  if (type == "DatabaseCorruptError") return data_loss("index is corrupt" + where + ": " + what);
  if (type == "DatabaseModifiedError") {
    return unavailable("index changed during the search, try again" + where);
  }
  if (type == "NetworkError" || type == "NetworkTimeoutError") {
    return unavailable(std::string(kRemoteUnreachable) + where + ": " + what);
  }
  if (type == "DocNotFoundError") return not_found(what);
  if (type == "InvalidArgumentError" || type == "QueryParserError") return invalid_argument(what);
  return internal(std::string(type) + ": " + what + where);
}

}  // namespace izdeu::corpus
