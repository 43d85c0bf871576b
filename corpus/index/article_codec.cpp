#include "corpus/index/article_codec.h"

#include <charconv>
#include <cstdint>
#include <string_view>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"
#include "corpus/index/fnv1a.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Token;

std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

// Only exact forms are written: stems and cross-script spellings are found
// through the lexicon (lexicon.h), which IndexWriter fills from these terms.
void add_text(Xapian::Document& document, std::string_view source, const std::vector<Token>& tokens,
              Xapian::termpos first_position, bool is_title) {
  const Xapian::termcount wdf = is_title ? schema::kTitleWdf : 1;
  auto add_exact = [&](const std::string& text, Xapian::termpos position) {
    if (text.empty() || text.size() > schema::kMaxTermBytes) return;
    document.add_posting(text, position, wdf);
    if (is_title && text.size() + schema::kTitlePrefix.size() <= schema::kMaxTermBytes) {
      document.add_posting(prefixed(schema::kTitlePrefix, text), position);
    }
  };
  for (const Token& token : tokens) {
    const Xapian::termpos position = first_position + token.position;
    add_exact(token.text, position);
    // An acronym written in capitals («ООН», «ЕС») also files its form under
    // kAcronymPrefix, which is what an acronym query matches: «ЕС» the
    // European Union, not the Kazakh word «ес».
    // A declined acronym («МИДа», «в МИДе») files its capitals («мид»): the
    // ending is lower-case Cyrillic, which normalization leaves as it is.
    const std::string_view surface =
        token.byte_end <= source.size()
            ? source.substr(token.byte_begin, token.byte_end - token.byte_begin)
            : std::string_view();
    std::string_view acronym;
    if (analyzers::is_acronym(surface)) {
      acronym = token.text;
    } else if (const std::size_t ending = analyzers::acronym_ending_bytes(surface);
               ending > 0 && token.text.size() > ending &&
               token.text.ends_with(surface.substr(surface.size() - ending))) {
      acronym = std::string_view(token.text).substr(0, token.text.size() - ending);
    }
    if (!acronym.empty() &&
        acronym.size() + schema::kAcronymPrefix.size() <= schema::kMaxTermBytes) {
      document.add_posting(prefixed(schema::kAcronymPrefix, acronym), position, wdf);
    }
    // Aliases (a numeral's value, a compound's joined form) stand at the
    // token's position, so phrases through either form still match.
    for (const analyzers::Alias& alias : token.aliases) add_exact(alias.text, position);
  }
}

// Syndicated copies of a story carry the same text on the same day, under
// whatever title each portal gave it; different stories can share a title
// («Погода на завтра», «Итоги недели»). So the key is the day and 42 bits of
// a hash of the body's first schema::kCollapseWords word forms (normalized:
// case, punctuation and spacing never matter), never of the title while
// there is a body; a body-less article falls back to its title's words. The
// first words and not all of them: a copy that appends a credit line or a
// link at the end is still a copy. Which text was hashed is hashed too, so a
// title never meets a body of the same words. 15 bytes in all: the matcher
// reads and compares this key for every candidate when collapsing, and a key
// this short never leaves std::string's inline buffer. Two different texts
// of one day share a key with odds of about 1 in 10^8 even on a day with 300
// articles. An undated article has no key: without a date, two articles with
// one text (a weekly column's standing paragraph) cannot be told to be copies.
std::string collapse_key(const Article& article, const ArticleTokens& tokens) {
  if (!article.date) return {};
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const bool from_body = !tokens.body.empty();
  const std::vector<Token>& source = from_body ? tokens.body : tokens.title;
  std::string words = from_body ? "b\x1F" : "t\x1F";  // U+001F INFORMATION SEPARATOR ONE
  std::size_t taken = 0;
  for (const Token& token : source) {
    if (token.text.empty()) continue;
    if (taken++ == schema::kCollapseWords) break;
    words += token.text;
    words += ' ';
  }
  std::uint64_t hash = fnv1a_64(words);
  std::string key = article.date->to_yyyymmdd();
  for (int i = 0; i < 7; ++i, hash >>= 6) key += kDigits[hash & 0x3F];
  return key;
}

// Joins facet values for one value slot (schema::kListSeparator).
std::string joined_list(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += schema::kListSeparator;
    out += value;
  }
  return out;
}

void add_entities(Xapian::Document& document, const Article& article) {
  auto add_boolean = [&](std::string_view prefix, const std::string& value) {
    if (!value.empty() && prefix.size() + value.size() <= schema::kMaxTermBytes) {
      document.add_boolean_term(prefixed(prefix, value));
    }
  };
  std::string people;
  for (const PersonRef& person : article.people) {
    add_boolean(schema::kPersonPrefix, person.key);
    std::size_t begin = 0;
    while (begin < person.key.size()) {
      std::size_t end = person.key.find(' ', begin);
      if (end == std::string::npos) end = person.key.size();
      if (end > begin)
        add_boolean(schema::kPersonWordPrefix, person.key.substr(begin, end - begin));
      begin = end + 1;
    }
    if (!people.empty()) people += schema::kListSeparator;
    people += person.key;
    people += schema::kCountSeparator;
    people += std::to_string(person.mentions);
  }
  for (const std::string& region : article.regions) add_boolean(schema::kRegionPrefix, region);
  for (const std::string& topic : article.topics) add_boolean(schema::kTopicPrefix, topic);
  if (!people.empty()) document.add_value(schema::kPeopleSlot, people);
  if (!article.regions.empty())
    document.add_value(schema::kRegionsSlot, joined_list(article.regions));
  if (!article.topics.empty()) document.add_value(schema::kTopicsSlot, joined_list(article.topics));
}

std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(separator, begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) out.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

void escape_into(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

std::string unescape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[++i];
      out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    } else {
      out += value[i];
    }
  }
  return out;
}

}  // namespace

std::string id_term(const std::string& id) { return prefixed(schema::kIdPrefix, id); }

std::string serialize_fields(const Article& article) {
  std::string data;
  auto field = [&data](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    data += name;
    data += '=';
    escape_into(data, value);
    data += '\n';
  };
  field("id", article.id);
  field("url", article.url);
  field("source", article.source);
  field("section", article.section);
  field("lang", analyzers::to_code(article.language));
  field("title", article.title);
  field("date", article.date ? article.date->to_iso() : "");
  field("views", article.views ? std::to_string(*article.views) : "");
  // Entity lists: '|' never occurs in a person key, region id or topic id.
  std::string people;
  for (const PersonRef& person : article.people) {
    people += (people.empty() ? "" : "|") + person.key + ':' + std::to_string(person.mentions);
  }
  field("people", people);
  std::string regions;
  for (const std::string& region : article.regions)
    regions += (regions.empty() ? "" : "|") + region;
  field("regions", regions);
  std::string topics;
  for (const std::string& topic : article.topics) topics += (topics.empty() ? "" : "|") + topic;
  field("topics", topics);
  field("body", article.body);
  return data;
}

ArticleTokens analyze_article(const Article& article) {
  const analyzers::Analyzer& analyzer = analyzers::analyzer_for(article.language);
  return ArticleTokens{analyzer.analyze(article.title), analyzer.analyze(article.body)};
}

Xapian::Document encode_article(const Article& article) {
  return encode_article(article, analyze_article(article));
}

Xapian::Document encode_article(const Article& article, const ArticleTokens& tokens) {
  const std::vector<Token>& title_tokens = tokens.title;
  const std::vector<Token>& body_tokens = tokens.body;

  Xapian::Document document;
  add_text(document, article.title, title_tokens, schema::kTitleFirstPosition, /*is_title=*/true);
  add_text(document, article.body, body_tokens, schema::kBodyFirstPosition, /*is_title=*/false);

  document.add_boolean_term(id_term(article.id));
  document.add_boolean_term(
      prefixed(schema::kLanguagePrefix, analyzers::to_code(article.language)));
  if (!article.url.empty()) {
    const std::string url_term = prefixed(schema::kUrlPrefix, article.url);
    document.add_boolean_term(url_term.size() <= schema::kMaxTermBytes
                                  ? url_term
                                  : prefixed(schema::kUrlPrefix, fnv1a_hex(article.url)));
  }
  if (!article.source.empty()) {
    std::string source = article.source;
    for (char& c : source) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (source.size() <= schema::kMaxTermBytes) {
      document.add_boolean_term(prefixed(schema::kSourcePrefix, source));
    }
  }
  if (article.date) {
    const std::string day = article.date->to_yyyymmdd();
    document.add_boolean_term(prefixed(schema::kDayPrefix, day));
    document.add_boolean_term(prefixed(schema::kMonthPrefix, day.substr(0, 6)));
    document.add_boolean_term(prefixed(schema::kYearPrefix, day.substr(0, 4)));
    document.add_value(schema::kDateSlot, day);
    document.add_value(
        schema::kDayNumberSlot,
        Xapian::sortable_serialise(static_cast<double>(article.date->days_since_epoch())));
  }
  document.add_value(schema::kViewsSlot,
                     Xapian::sortable_serialise(static_cast<double>(article.views.value_or(0))));
  if (const double share = schema::popularity_share(static_cast<double>(article.views.value_or(0)));
      share > 0) {
    document.add_value(schema::kPopularitySlot, Xapian::sortable_serialise(share));
  }
  if (std::string key = collapse_key(article, tokens); !key.empty()) {
    document.add_value(schema::kCollapseSlot, key);
  }
  document.add_value(schema::kLanguageSlot, std::string(analyzers::to_code(article.language)));
  add_entities(document, article);
  document.set_data(serialize_fields(article));
  return document;
}

Result<Article> decode_article(const std::string& document_data) {
  Article article;
  std::string_view rest = document_data;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, eq);
    std::string value = unescape(line.substr(eq + 1));
    if (name == "id") {
      article.id = std::move(value);
    } else if (name == "url") {
      article.url = std::move(value);
    } else if (name == "source") {
      article.source = std::move(value);
    } else if (name == "section") {
      article.section = std::move(value);
    } else if (name == "lang") {
      article.language = analyzers::parse_language(value).value_or(analyzers::Language::kRussian);
    } else if (name == "title") {
      article.title = std::move(value);
    } else if (name == "date") {
      article.date = parse_iso_date(value);
    } else if (name == "views") {
      std::int64_t views = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), views);
      if (ec == std::errc() && ptr == value.data() + value.size()) article.views = views;
    } else if (name == "people") {
      for (const std::string& item : split_list(value, '|')) {
        const std::size_t colon = item.rfind(':');
        PersonRef person{item.substr(0, colon), 1};
        if (colon != std::string::npos) {
          std::uint32_t mentions = 0;
          const char* digits = item.data() + colon + 1;
          auto [ptr, ec] = std::from_chars(digits, item.data() + item.size(), mentions);
          if (ec == std::errc() && ptr == item.data() + item.size()) person.mentions = mentions;
        }
        article.people.push_back(std::move(person));
      }
    } else if (name == "regions") {
      article.regions = split_list(value, '|');
    } else if (name == "topics") {
      article.topics = split_list(value, '|');
    } else if (name == "body") {
      article.body = std::move(value);
    }
  }
  if (article.id.empty()) return data_loss("stored document has no id field");
  return article;
}

}  // namespace izdeu::corpus
