#pragma once
// One article as a JSON object, the shape of a JSONL archive's lines and of
// the HTTP write API's items (Meilisearch/Typesense style):
//
//   {"id": "kt-1", "url": "https://...", "source": "kazinform", "lang": "kk",
//    "title": "...", "date": "2021-07-01", "views": 1234, "body": "..."}
//
// Fields (unknown fields are ignored; null counts as absent):
//   title, body   strings; either may be missing, null or blank, not both
//   id            string or integer; see corpus/index/article_id.h
//   url, source, section  strings
//   lang          "kk", "ru" or "en" (and the aliases of analyzers::parse_language)
//   date          "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS..." (the date part is
//                 used) or any form parse_news_date() accepts
//   views         non-negative integer, or a string of digits

#include <exception>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "corpus/article.h"
#include "corpus/error.h"

namespace izdeu::formats {

/// The article `object` describes; never throws. Errors are
/// ErrorCode::kDataLoss with a reason such as "not a json object",
/// "field \"title\" must be a string", "fields \"title\" and \"body\" are
/// both missing or empty", "unknown language \"xx\"", "field \"date\" is not
/// a date: \"...\"". `id` is the given id or empty, `language` nullopt when
/// "lang" is absent (corpus::prepare_document() decides both).
corpus::Result<corpus::RawArticle> parse_article_object(const nlohmann::json& object);

/// Parses `text` as one JSON object, then parse_article_object(); never
/// throws. Broken JSON is "invalid json: ..." (a number too large for a
/// double, "1e400", included), a value that is no object "line is not a json
/// object".
corpus::Result<corpus::RawArticle> parse_article_json(std::string_view text);

/// nlohmann's exception text without its "[json.exception.parse_error.101] "
/// prefix, as "invalid json: ...".
std::string json_error_reason(const std::exception& e);

}  // namespace izdeu::formats
