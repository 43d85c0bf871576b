#include "corpus/index/article_id.h"

#include <algorithm>

#include "analyzers/text_normalizer.h"
#include "corpus/index/fnv1a.h"

namespace izdeu::corpus {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim_ascii(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-';
}

}  // namespace

bool is_safe_article_id(std::string_view id) {
  id = trim_ascii(id);
  return !id.empty() && id.size() <= kMaxGivenIdBytes &&
         std::all_of(id.begin(), id.end(), is_id_char);
}

std::string normalize_url(std::string_view url) {
  url = trim_ascii(url);
  // The scheme does not identify the article: portals moved from http to https.
  if (const auto scheme_end = url.find("://");
      scheme_end != std::string_view::npos && url.find_first_of("/?#") > scheme_end) {
    url.remove_prefix(scheme_end + 3);
  } else if (url.starts_with("//")) {
    url.remove_prefix(2);  // protocol-relative "//host/path"
  }
  // A fragment points into the page, not at another page.
  if (const auto hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);

  const std::size_t host_end = std::min(url.find_first_of("/?"), url.size());
  std::string_view authority = url.substr(0, host_end);
  std::string_view rest = url.substr(host_end);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::string host = analyzers::ascii_lower(authority);
  if (host.ends_with(":80")) host.resize(host.size() - 3);
  if (host.ends_with(":443")) host.resize(host.size() - 4);
  if (host.starts_with("www.")) host.erase(0, 4);

  // "/news/1/" and "/news/1" are the same page; so are "/news/?p=1" and "/news?p=1".
  const std::size_t query_begin = std::min(rest.find('?'), rest.size());
  std::string_view path = rest.substr(0, query_begin);
  const std::string_view query = rest.substr(query_begin);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);

  std::string out = host;
  out.append(path);
  if (query.size() > 1) out.append(query);  // a bare "?" carries nothing
  return out;
}

std::string article_id(const Article& article) {
  if (const std::string_view given = trim_ascii(article.id); !given.empty()) {
    if (is_safe_article_id(given)) return std::string(given);
    return "i-" + fnv1a_hex(given);
  }
  if (!trim_ascii(article.url).empty()) return "u-" + fnv1a_hex(normalize_url(article.url));
  // U+001F INFORMATION SEPARATOR ONE is a control character news text does not
  // contain, so the fields do not run into each other ("a b" + "c" vs "a" + "b c").
  std::string key = analyzers::collapse_whitespace(article.section);
  key.push_back('\x1F');
  if (article.date) key.append(article.date->to_iso());
  key.push_back('\x1F');
  const std::string title = analyzers::collapse_whitespace(article.title);
  key.append(title);
  // An untitled article is told apart by its text: without it, every untitled
  // item of one section and day would get one id and replace the others. The
  // third separator keeps these keys apart from every titled one, whose ids
  // stay as they were.
  if (title.empty()) {
    key.push_back('\x1F');
    key.append(analyzers::collapse_whitespace(article.body));
  }
  return "h-" + fnv1a_hex(key);
}

}  // namespace izdeu::corpus
