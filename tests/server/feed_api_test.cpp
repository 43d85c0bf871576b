// /api/v1/feed against real indexes: the sample archive (the entries are the
// newest matches of the same search, for every filter), a crafted index
// whose texts need XML escaping, conditional GET (ETag, Last-Modified, 304),
// and the document checked by a real feed parser (Debian's python3-feedparser).

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "corpus/index/index_writer.h"
#include "server/atom_writer.h"
#include "server/feed_handler.h"
#include "tests/support/archive_index.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::day;
using testing::make_article;
using testing::TempDir;
using testing::TestServer;

struct Entry {
  std::string id;
  std::string updated;
  std::vector<std::string> categories;  // "scheme term"
  std::string summary_html;             // the summary's text: HTML
};

std::string xml_unescape(std::string text) {
  for (const auto& [entity, character] :
       {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"}, std::pair{"&quot;", "\""},
        std::pair{"&apos;", "'"}, std::pair{"&amp;", "&"}}) {
    for (std::size_t at = 0; (at = text.find(entity, at)) != std::string::npos; ++at) {
      text.replace(at, std::string_view(entity).size(), character);
    }
  }
  return text;
}

std::string without_marks(std::string html) {
  for (const char* tag : {"<mark>", "</mark>"}) {
    for (std::size_t at; (at = html.find(tag)) != std::string::npos;) {
      html.erase(at, std::string_view(tag).size());
    }
  }
  return html;
}

// The entries of an Atom document, read with regular expressions: enough for
// documents write_atom() makes (one element per line); the parser test below
// reads them as a feed reader does.
std::vector<Entry> entries_of(const std::string& atom) {
  std::vector<Entry> entries;
  static const std::regex kEntry(R"(<entry>([\s\S]*?)</entry>)");
  static const std::regex kId(R"(<id>([^<]*)</id>)");
  static const std::regex kUpdated(R"(<updated>([^<]*)</updated>)");
  static const std::regex kSummary(R"(<summary type="html">([^<]*)</summary>)");
  static const std::regex kCategory(R"re(<category term="([^"]*)" scheme="([^"]*)")re");
  for (auto it = std::sregex_iterator(atom.begin(), atom.end(), kEntry);
       it != std::sregex_iterator(); ++it) {
    const std::string text = (*it)[1].str();
    Entry entry;
    std::smatch match;
    if (std::regex_search(text, match, kId)) entry.id = match[1].str();
    if (std::regex_search(text, match, kUpdated)) entry.updated = match[1].str();
    if (std::regex_search(text, match, kSummary)) entry.summary_html = xml_unescape(match[1].str());
    for (auto c = std::sregex_iterator(text.begin(), text.end(), kCategory);
         c != std::sregex_iterator(); ++c) {
      entry.categories.push_back((*c)[2].str() + " " + (*c)[1].str());
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

class FeedApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_dir_ = new TempDir();
    auto stats = testing::index_archives(sample_dir_->str(), {testing::sample_archive()});
    ASSERT_TRUE(stats) << stats.error().message;

    crafted_dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(crafted_dir_->str());
    ASSERT_TRUE(writer) << writer.error().message;
    // U+0001 START OF HEADING and U+FFFE (a non-character) are not allowed
    // in XML 1.0; the markup characters must come out escaped.
    corpus::Article odd = make_article(
        "odd&<id>", "Tom & Jerry <script>\"quoted\" 'single' ярмарка",
        "Ярмарка \x01мёда <b>bold</b> & co \xEF\xBF\xBE конец. Broken \xC3 byte.", day(2024, 5, 1));
    odd.people = {{"хан клара", 2}};
    odd.regions = {"almaty"};
    corpus::Article older = make_article("older", "Старая ярмарка",
                                         "Ярмарка мёда прошла в прошлом году.", day(2023, 5, 1));
    for (const auto& article : {odd, older}) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete sample_dir_;
    delete crafted_dir_;
    sample_dir_ = crafted_dir_ = nullptr;
  }

  void SetUp() override {
    sample_ = std::make_unique<TestServer>(std::vector<std::string>{sample_dir_->str()});
    ASSERT_TRUE(sample_->ok()) << sample_->error();
    crafted_ = std::make_unique<TestServer>(std::vector<std::string>{crafted_dir_->str()});
    ASSERT_TRUE(crafted_->ok()) << crafted_->error();
  }

  static httplib::Result get(const TestServer& server, const httplib::Params& params,
                             const httplib::Headers& headers = {}) {
    auto client = server.client();
    return client.Get(httplib::append_query_params("/api/v1/feed", params).c_str(), headers);
  }

  // The ids of a search with sort=date, as the feed should list them.
  std::vector<std::string> newest_ids(httplib::Params params, int limit) {
    params.emplace("sort", "date");
    params.emplace("per_page", std::to_string(limit));
    params.emplace("facets", "none");
    auto client = sample_->client();
    auto response = client.Get(httplib::append_query_params("/api/v1/search", params).c_str());
    EXPECT_TRUE(response && response->status == 200) << (response ? response->body : "");
    std::vector<std::string> ids;
    if (!response) return ids;
    const json body = json::parse(response->body);
    EXPECT_FALSE(body["hits"].empty()) << response->body.substr(0, 500);
    for (const json& hit : body["hits"]) {
      ids.push_back(hit["id"].get<std::string>());
    }
    return ids;
  }

  static TempDir* sample_dir_;
  static TempDir* crafted_dir_;
  std::unique_ptr<TestServer> sample_;
  std::unique_ptr<TestServer> crafted_;
};

TempDir* FeedApiTest::sample_dir_ = nullptr;
TempDir* FeedApiTest::crafted_dir_ = nullptr;

std::string percent(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

TEST_F(FeedApiTest, EntriesAreTheNewestMatchesOfTheSameSearchForEveryFilter) {
  // Each row: a search's parameters; the feed must list what search with
  // sort=date lists, in that order, and nothing outside the filters.
  const std::vector<httplib::Params> searches = {
      {{"q", "Ассамблея"}},
      {{"q", "Ассамблея"}, {"lang", "kk"}},
      {{"q", "облысы"}, {"region", "Алматы облысы"}},
      {{"q", "Ассамблея"}, {"topic", "culture"}},
      {{"q", "Ассамблея"}, {"from", "2019-01-01"}, {"to", "2022-12-31"}},
      {{"q", "Ассамблея"}, {"limit", "3"}},
      {{"q", "сессия"}, {"match", "any"}},
  };
  for (const httplib::Params& params : searches) {
    const auto limit = params.count("limit") ? std::stoi(params.find("limit")->second) : 20;
    auto response = get(*sample_, params);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body;
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    const auto entries = entries_of(response->body);
    const auto expected = newest_ids(params, limit);
    ASSERT_FALSE(expected.empty()) << httplib::append_query_params("", params);
    ASSERT_EQ(entries.size(), expected.size()) << httplib::append_query_params("", params);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      EXPECT_EQ(entries[i].id, "urn:izdeu:article:" + percent(expected[i]));
      if (i > 0) {
        EXPECT_GE(entries[i - 1].updated, entries[i].updated) << "newest first";
      }
    }
  }
}

TEST_F(FeedApiTest, APersonFilterKeepsOnlyArticlesThatNameThePerson) {
  // The sample's most mentioned person, from the facets.
  auto client = sample_->client();
  auto search = client.Get(
      "/api/v1/search?q=%D0%90%D1%81%D1%81%D0%B0%D0%BC%D0%B1%D0%BB%D0%B5%D1%8F"
      "&facets=person");
  ASSERT_TRUE(search && search->status == 200);
  const json people = json::parse(search->body)["facets"]["person"]["values"];
  ASSERT_FALSE(people.empty());
  const std::string key = people[0]["value"].get<std::string>();
  auto response = get(*sample_, {{"q", "Ассамблея"}, {"person", key}});
  ASSERT_TRUE(response && response->status == 200);
  const auto entries = entries_of(response->body);
  EXPECT_EQ(entries.size(), std::min<std::size_t>(20, people[0]["count"].get<std::size_t>()));
  for (const Entry& entry : entries) {
    EXPECT_NE(
        std::find(entry.categories.begin(), entry.categories.end(), "urn:izdeu:person " + key),
        entry.categories.end())
        << entry.id;
  }
}

TEST_F(FeedApiTest, FeedHasIdUpdatedAndSelfLinkStableForTheSameSearch) {
  auto first = get(*sample_, {{"q", "Ассамблея"}, {"lang", "ru"}});
  auto reordered = get(*sample_, {{"lang", "ru"}, {"q", "Ассамблея"}});
  auto other = get(*sample_, {{"q", "Ассамблея"}, {"lang", "kk"}});
  ASSERT_TRUE(first && reordered && other);
  const std::regex feed_id(R"(<feed xmlns="http://www.w3.org/2005/Atom">\n  <id>([^<]+)</id>)");
  std::smatch a, b, c;
  ASSERT_TRUE(std::regex_search(first->body, a, feed_id)) << first->body.substr(0, 300);
  ASSERT_TRUE(std::regex_search(reordered->body, b, feed_id));
  ASSERT_TRUE(std::regex_search(other->body, c, feed_id));
  EXPECT_EQ(a[1].str(), b[1].str()) << "parameter order does not change the feed";
  EXPECT_NE(a[1].str(), c[1].str()) << "another filter is another feed";
  EXPECT_NE(first->body.find("<link rel=\"self\" href=\"http://127.0.0.1:"), std::string::npos);
  EXPECT_NE(first->body.find("/api/v1/feed?q=%D0%90"), std::string::npos);
  // The feed's updated is its newest entry's.
  const auto entries = entries_of(first->body);
  ASSERT_FALSE(entries.empty());
  EXPECT_NE(first->body.find("  <updated>" + entries[0].updated + "</updated>\n  <link"),
            std::string::npos);
}

TEST_F(FeedApiTest, ConditionalRequestsGet304WithoutABody) {
  const httplib::Params params = {{"q", "Ассамблея"}};
  auto full = get(*sample_, params);
  ASSERT_TRUE(full && full->status == 200);
  const std::string etag = full->get_header_value("ETag");
  const std::string last_modified = full->get_header_value("Last-Modified");
  ASSERT_EQ(etag.rfind("W/\"", 0), 0u) << etag;
  ASSERT_FALSE(last_modified.empty());
  const auto modified = parse_http_date(last_modified);
  ASSERT_TRUE(modified);
  const std::string day_before = http_date(*modified - 86400);

  struct Case {
    httplib::Headers headers;
    int status;
  };
  const std::vector<Case> cases = {
      {{{"If-None-Match", etag}}, 304},
      {{{"If-None-Match", "W/\"0000000000000000\", " + etag}}, 304},
      {{{"If-None-Match", "*"}}, 304},
      {{{"If-None-Match", "W/\"0000000000000000\""}}, 200},
      {{{"If-Modified-Since", last_modified}}, 304},
      {{{"If-Modified-Since", http_date(*modified + 3600)}}, 304},
      {{{"If-Modified-Since", day_before}}, 200},
      {{{"If-Modified-Since", "yesterday"}}, 200},
      // If-None-Match decides when both are sent (RFC 9110 13.1.3).
      {{{"If-None-Match", "W/\"0000000000000000\""}, {"If-Modified-Since", last_modified}}, 200},
      {{{"If-None-Match", etag}, {"If-Modified-Since", day_before}}, 304},
  };
  for (const Case& c : cases) {
    auto response = get(*sample_, params, c.headers);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, c.status) << c.headers.begin()->second;
    EXPECT_EQ(response->get_header_value("ETag"), etag);
    if (c.status == 304) {
      EXPECT_TRUE(response->body.empty());
    } else {
      EXPECT_EQ(response->body, full->body);
    }
  }
  // Another search has another tag.
  auto other = get(*sample_, {{"q", "Ассамблея"}, {"lang", "kk"}});
  ASSERT_TRUE(other);
  EXPECT_NE(other->get_header_value("ETag"), etag);
}

TEST_F(FeedApiTest, TextIsEscapedAndCharactersXmlForbidsAreDropped) {
  auto response = get(*crafted_, {{"q", "ярмарка"}});
  ASSERT_TRUE(response && response->status == 200) << (response ? response->body : "");
  const std::string& atom = response->body;
  EXPECT_NE(atom.find("<title type=\"text\">Tom &amp; Jerry &lt;script&gt;&quot;quoted&quot; "
                      "&apos;single&apos; ярмарка</title>"),
            std::string::npos)
      << atom;
  EXPECT_EQ(atom.find("<script>"), std::string::npos);
  EXPECT_EQ(atom.find("<b>"), std::string::npos) << "the snippet's HTML is escaped once more";
  EXPECT_NE(atom.find("&lt;mark&gt;"), std::string::npos) << "the snippet keeps its marks as text";
  EXPECT_EQ(atom.find('\x01'), std::string::npos);
  EXPECT_EQ(atom.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_NE(atom.find("Broken \xEF\xBF\xBD byte"), std::string::npos) << "U+FFFD for a bad byte";
  EXPECT_NE(atom.find("<id>urn:izdeu:article:odd%26%3Cid%3E</id>"), std::string::npos);
  // An article without a web URL links to the search page's document view.
  EXPECT_NE(atom.find("/?doc=odd%26%3Cid%3E\"/>"), std::string::npos);
  EXPECT_NE(atom.find("<category term=\"хан клара\" scheme=\"urn:izdeu:person\" label=\"Хан "
                      "Клара\"/>"),
            std::string::npos);
  EXPECT_NE(atom.find("<category term=\"almaty\" scheme=\"urn:izdeu:region\""), std::string::npos);
  EXPECT_EQ(response->get_header_value("Last-Modified"), "Wed, 01 May 2024 00:00:00 GMT");
}

TEST_F(FeedApiTest, BadParametersAre400LikeSearch) {
  for (const httplib::Params& params :
       std::vector<httplib::Params>{{},
                                    {{"q", "Ассамблея"}, {"limit", "0"}},
                                    {{"q", "Ассамблея"}, {"limit", "101"}},
                                    {{"q", "Ассамблея"}, {"lang", "xx"}},
                                    {{"q", "Ассамблея"}, {"from", "2021-13-01"}},
                                    {{"q", "date:20x1"}}}) {
    auto response = get(*sample_, params);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << httplib::append_query_params("", params);
    const json body = json::parse(response->body, nullptr, false);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << response->body;
  }
}

TEST(HttpDateTest, FormatsAndParsesImfFixdate) {
  EXPECT_EQ(http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            std::optional<std::time_t>(784111777));
  EXPECT_EQ(parse_http_date(http_date(1714521600)), std::optional<std::time_t>(1714521600));
  for (const char* bad : {"", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
                          "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Xyz 1994 08:49:37 GMT",
                          "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT"}) {
    EXPECT_FALSE(parse_http_date(bad)) << bad;
  }
}

TEST(AtomWriterTest, XmlEscapeEscapesMarkupAndDropsWhatXmlForbids) {
  const std::pair<std::string, std::string> cases[] = {
      {"a & b", "a &amp; b"},
      {"<x y=\"1\" z='2'>", "&lt;x y=&quot;1&quot; z=&apos;2&apos;&gt;"},
      {"tab\tline\ncr\r", "tab\tline\ncr\r"},
      {std::string("nul\0x", 5), "nulx"},
      {"bell\x07 esc\x1b", "bell esc"},
      {"ok \xEF\xBF\xBE\xEF\xBF\xBF end", "ok  end"},  // U+FFFE, U+FFFF
      {"\xEF\xBF\xBD kept", "\xEF\xBF\xBD kept"},      // U+FFFD is a character
      {"bad \xC3", "bad \xEF\xBF\xBD"},                // a lone lead byte
      {"Қазақстан ✓ 😀", "Қазақстан ✓ 😀"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(xml_escape(in), out) << in;
}

// A feed reader's view: Debian's python3-feedparser (Universal Feed Parser)
// reads the document; bozo is its flag for a feed that is not well-formed.
TEST_F(FeedApiTest, ARealFeedParserReadsTheFeed) {
  if (testing::run_command("/usr/bin/python3 -c 'import feedparser'").exit_code != 0) {
    GTEST_SKIP() << "python3-feedparser is not installed (scripts/install-deps installs it); "
                    "the feed is not checked with a real parser here";
  }
  TempDir dir;
  for (auto [server, params] : {std::pair{sample_.get(), httplib::Params{{"q", "Ассамблея"}}},
                                std::pair{crafted_.get(), httplib::Params{{"q", "ярмарка"}}}}) {
    auto response = get(*server, params);
    ASSERT_TRUE(response && response->status == 200);
    const std::string path = dir.str() + "/feed.xml";
    std::ofstream(path, std::ios::binary) << response->body;
    const std::string script =
        "import feedparser, json, sys\n"
        "d = feedparser.parse(sys.argv[1])\n"
        "print(json.dumps({'bozo': bool(d.bozo), 'version': d.version, 'id': d.feed.get('id'),\n"
        "  'updated': d.feed.get('updated'), 'self': [l.href for l in d.feed.get('links', [])\n"
        "  if l.rel == 'self'], 'entries': [{'id': e.id, 'title': e.title, 'link': e.link,\n"
        "  'updated': e.updated, 'summary': e.summary,\n"
        "  'tags': [t.term for t in e.get('tags', [])]} for e in d.entries]}))\n";
    std::ofstream(dir.str() + "/check.py") << script;
    auto run = testing::run_command("/usr/bin/python3 " + dir.str() + "/check.py " + path);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const json parsed = json::parse(run.output, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << run.output;
    EXPECT_FALSE(parsed["bozo"].get<bool>()) << "not well-formed: " << response->body;
    EXPECT_EQ(parsed["version"], "atom10");
    EXPECT_EQ(parsed["id"].get<std::string>().rfind("urn:izdeu:feed:", 0), 0u);
    EXPECT_EQ(parsed["self"].size(), 1u);
    const auto entries = entries_of(response->body);
    ASSERT_EQ(parsed["entries"].size(), entries.size());
    ASSERT_FALSE(entries.empty());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const json& entry = parsed["entries"][i];
      EXPECT_EQ(entry["id"], entries[i].id);
      EXPECT_FALSE(entry["title"].get<std::string>().empty());
      EXPECT_EQ(entry["link"].get<std::string>().rfind("http", 0), 0u) << entry["link"];
      // The parser decodes the summary back to the snippet's HTML; its
      // sanitizer then drops the <mark> elements (not on its list of safe
      // elements) and keeps their text.
      EXPECT_EQ(entry["summary"].get<std::string>(), without_marks(entries[i].summary_html))
          << response->body;
    }
    if (server == crafted_.get()) {
      EXPECT_EQ(parsed["entries"][0]["title"], "Tom & Jerry <script>\"quoted\" 'single' ярмарка");
      EXPECT_EQ(parsed["entries"][0]["tags"], json::array({"хан клара", "almaty"}));
    }
  }
}

}  // namespace
}  // namespace izdeu::server
