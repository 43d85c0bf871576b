// Issue 17: one index, however it is laid out. The sample archive is indexed
// once merged and once as two unmerged shards; the shards are then searched
// as a stub folder (izdeu-indexer --no-merge), as two paths (several
// --index), and behind two xapian-tcpsrv processes on loopback (a stub of
// `remote` lines). Every layout must answer every query alike: totals,
// hits in order with their scores, facets, snippets, cursor walks, did-you-
// mean, suggestions, people statistics, mentions and documents.

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "corpus/people/mention_scanner.h"
#include "corpus/people/people_stats.h"
#include "corpus/search/searcher.h"
#include "corpus/suggest/suggester_cache.h"
#include "indexer/ingest_job.h"
#include "tests/support/archive_index.h"
#include "tests/support/temp_dir.h"

namespace izdeu::corpus {
namespace {

using izdeu::testing::TempDir;

// A free TCP port on loopback: bound to port 0, read, released. Another
// process could take it before xapian-tcpsrv does; start() then fails
// visibly rather than testing the wrong thing.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

// One xapian-tcpsrv serving `database` on 127.0.0.1:port() (read-only), in
// its own process group, stopped with the object. Readiness is waited for
// by connecting, at most kStartTimeout.
class TcpServer {
 public:
  static constexpr auto kStartTimeout = std::chrono::seconds(20);

  explicit TcpServer(const std::string& database, const std::vector<std::string>& options = {})
      : port_(free_port()) {
    const std::string port = std::to_string(port_);
    std::vector<std::string> args = {"xapian-tcpsrv", "--interface", "127.0.0.1",
                                     "--port",        port,          "--quiet"};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(database);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    const int spawned =
        ::posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) {
      pid_ = 0;
      return;
    }
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
      try {
        Xapian::Database probe = Xapian::Remote::open("127.0.0.1", port_, 2000);
        (void)probe.get_doccount();
        ready_ = true;
        return;
      } catch (const Xapian::Error&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }
  ~TcpServer() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  bool ready() const { return ready_; }
  int port() const { return port_; }

 private:
  int port_;
  pid_t pid_ = 0;
  bool ready_ = false;
};

std::string number(double value) {
  // 12 significant digits: layouts sum the same BM25 parts in another order,
  // which may differ in the last bit of a double and nowhere else.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

// Everything a search answers, cursor and timing aside (a cursor holds the
// last hit's docid, which depends on the layout by design).
std::string describe(const SearchResult& result) {
  std::ostringstream out;
  out << "total " << result.total << (result.total_exact ? " exact" : " estimated") << " full "
      << result.full_matches << " relaxed " << result.relaxed << " offset " << result.offset
      << " next " << !result.next_cursor.empty() << " dym " << result.did_you_mean.value_or("-")
      << "\n";
  for (const std::string& word : result.optional_words) out << "optional " << word << "\n";
  for (const Hit& hit : result.hits) {
    out << hit.id << " " << number(hit.score) << " dup " << hit.duplicates << " | "
        << hit.title_html << " | " << hit.snippet << " | missing";
    for (const std::string& word : hit.missing_words) out << " " << word;
    out << "\n";
  }
  for (const Facet& facet : result.facets) {
    out << "facet " << static_cast<int>(facet.field) << (facet.exact ? "" : " scaled") << ":";
    for (const FacetValue& value : facet.values) out << " " << value.value << "=" << value.count;
    out << "\n";
  }
  return out.str();
}

const std::vector<FacetField> kAllFacets = {FacetField::kRegion, FacetField::kPerson,
                                            FacetField::kTopic,  FacetField::kLanguage,
                                            FacetField::kYear,   FacetField::kMonth};

// Every answer of one layout to the query list, one string per request:
// each sort (and relevance without collapsing) with every facet, and a
// cursor walk to the end a few hits a page for relevance and date order.
// `ranked` false describes what a merged index must share with shards
// whatever Xapian's per-shard statistics (see the merged test below): hits
// as a set, without scores.
std::vector<std::string> answers(Searcher& searcher, const std::vector<std::string>& queries,
                                 bool ranked = true) {
  std::vector<std::string> out;
  auto describe_as = [&](SearchResult result) {
    if (!ranked) {
      for (Hit& hit : result.hits) hit.score = 0;
      std::sort(result.hits.begin(), result.hits.end(),
                [](const Hit& a, const Hit& b) { return a.id < b.id; });
    }
    return describe(result);
  };
  for (const std::string& query : queries) {
    for (int variant = 0; variant < 4; ++variant) {
      SearchRequest request{.query = query};
      request.sort = variant == 1   ? SortOrder::kDate
                     : variant == 2 ? SortOrder::kRecency
                                    : SortOrder::kRelevance;
      request.collapse_duplicates = variant != 3;
      request.today = Date{2024, 6, 1};
      request.facets = kAllFacets;
      if (!ranked) request.per_page = kMaxPerPage;
      auto result = searcher.search(request);
      out.push_back(query + " variant " + std::to_string(variant) + "\n" +
                    (result ? describe_as(*result) : "error " + result.error().message));
    }
    for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kDate}) {
      SearchRequest page{.query = query};
      page.sort = sort;
      page.per_page = 4;
      std::vector<std::string> walked;
      std::string error;
      for (int pages = 0; pages < 30; ++pages) {
        auto result = searcher.search(page);
        if (!result) {
          error = " error " + result.error().message;
          break;
        }
        for (const Hit& hit : result->hits) {
          walked.push_back(ranked ? hit.id + "@" + number(hit.score) : hit.id);
        }
        if (result->next_cursor.empty()) break;
        page.after = result->next_cursor;
      }
      if (!ranked) std::sort(walked.begin(), walked.end());
      std::string walk = query + " walk " + std::to_string(static_cast<int>(sort)) + ":" + error;
      for (const std::string& hit : walked) walk += " " + hit;
      out.push_back(walk);
    }
  }
  return out;
}

// People statistics, a person's profile, the set of mentions (they come in
// index order, which a layout decides: compared as a sorted list), and the
// stored articles.
std::vector<std::string> people_answers(Searcher& searcher, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  auto top = top_people(searcher, {}, "", 50);
  std::vector<std::string> keys;
  std::string line = "top:";
  if (top) {
    for (const PersonCount& person : *top) {
      line += " " + person.key + "=" + std::to_string(person.articles) + "/" +
              std::to_string(person.mentions);
      keys.push_back(person.key);
    }
  } else {
    line += " error " + top.error().message;
  }
  out.push_back(line);
  for (std::size_t i = 0; i < keys.size() && i < 10; ++i) {
    auto profile = person_profile(searcher, keys[i], {}, 20);
    std::string p = "profile " + keys[i] + ":";
    if (profile) {
      p += " " + std::to_string(profile->articles) + "/" + std::to_string(profile->mentions);
      for (const auto& other : profile->co_mentioned) p += " co " + other.key;
      for (const auto& region : profile->regions) p += " region " + region.value;
      for (const auto& month : profile->timeline) {
        p += " " + month.value + "=" + std::to_string(month.count);
      }
      for (const auto& variant : profile->variants) p += " variant " + variant.value;
    } else {
      p += " error " + profile.error().message;
    }
    out.push_back(p);

    PeopleFilter filter;
    filter.person = keys[i];
    auto scanner = MentionScanner::create(searcher, filter);
    std::vector<std::string> mentions;
    if (scanner) {
      std::vector<Mention> batch;
      while (true) {
        auto more = scanner->next(batch, 3);
        if (!more || !*more) break;
      }
      for (const Mention& m : batch) {
        mentions.push_back(m.article_id + " " + m.surface + " " + std::to_string(m.start) + " " +
                           m.sentence);
      }
    }
    std::sort(mentions.begin(), mentions.end());
    std::string all = "mentions " + keys[i] + ":";
    for (const std::string& m : mentions) all += "\n  " + m;
    out.push_back(all);
  }
  for (const std::string& id : ids) {
    auto article = searcher.get_article(id);
    out.push_back("document " + id + ": " +
                  (article ? article->title + " | " + article->body.substr(0, 40) : "missing"));
  }
  return out;
}

std::vector<std::string> suggestions(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& prefixes) {
  SuggesterCacheOptions options;
  options.background = false;
  auto cache = SuggesterCache::open(paths, options);
  if (!cache) return {"error " + cache.error().message};
  if (auto built = (*cache)->refresh(); !built) return {"error " + built.error().message};
  std::vector<std::string> out;
  for (const std::string& prefix : prefixes) {
    std::string line = "suggest " + prefix + ":";
    for (const Suggestion& s : (*cache)->current()->suggest(prefix, 10).items) {
      line += " " + std::to_string(static_cast<int>(s.kind)) + "/" + s.text + "/" + s.id;
    }
    out.push_back(line);
  }
  return out;
}

class LayoutEquivalenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    merged_ = (dir_->path() / "merged").string();
    sharded_ = (dir_->path() / "sharded").string();
    ASSERT_TRUE(izdeu::testing::index_archives(merged_, {izdeu::testing::sample_archive()}));
    indexer::IngestOptions options;
    options.index_path = sharded_;
    options.paths = {izdeu::testing::sample_archive()};
    options.shards = 2;
    options.merge = false;
    ASSERT_TRUE(indexer::run_ingest(options, nullptr, nullptr));
    servers_[0] = new TcpServer(sharded_ + "/shard-0");
    servers_[1] = new TcpServer(sharded_ + "/shard-1");
    ASSERT_TRUE(servers_[0]->ready() && servers_[1]->ready())
        << "xapian-tcpsrv (package xapian-tools) did not start";
    remote_ = (dir_->path() / "remote").string();
    std::filesystem::create_directories(remote_);
    std::ofstream stub(remote_ + "/XAPIANDB");
    stub << "# two shards behind xapian-tcpsrv\n"
         << "remote 127.0.0.1:" << servers_[0]->port() << "\n"
         << "remote 127.0.0.1:" << servers_[1]->port() << "\n";
  }
  static void TearDownTestSuite() {
    delete servers_[0];
    delete servers_[1];
    delete dir_;
  }

  // The layouts, by name, as the paths izdeu-server --index takes.
  static std::map<std::string, std::vector<std::string>> layouts() {
    return {{"merged", {merged_}},
            {"stub", {sharded_}},
            {"paths", {sharded_ + "/shard-0", sharded_ + "/shard-1"}},
            {"remote", {remote_}}};
  }

  // Queries drawn from the archive's own vocabulary: words in at least two
  // articles, every few of them, alone and in pairs, and a few filters.
  static std::vector<std::string> queries() {
    Xapian::Database database(merged_);
    std::vector<std::string> words;
    for (auto it = database.allterms_begin(); it != database.allterms_end(); ++it) {
      const std::string term = *it;
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z') || term.size() < 6) continue;
      if (it.get_termfreq() >= 2) words.push_back(term);
    }
    std::vector<std::string> out;
    const std::size_t step = std::max<std::size_t>(1, words.size() / 90);
    for (std::size_t i = 0; i < words.size(); i += step) out.push_back(words[i]);
    for (std::size_t i = 0; i + step < words.size() && out.size() < 130; i += 3 * step) {
      out.push_back(words[i] + " " + words[i + step]);
    }
    for (const char* extra : {"person:Токаев", "Казахстан lang:kk", "Казахстан lang:ru",
                              "\"Ассамблея народа Казахстана\"", "ассамблея OR қауымдастығы",
                              "Астана date:2019..2024", "казахстна", "kazakhstan"}) {
      out.push_back(extra);
    }
    return out;
  }

  static TempDir* dir_;
  static std::string merged_, sharded_, remote_;
  static TcpServer* servers_[2];
};

TempDir* LayoutEquivalenceTest::dir_ = nullptr;
std::string LayoutEquivalenceTest::merged_;
std::string LayoutEquivalenceTest::sharded_;
std::string LayoutEquivalenceTest::remote_;
TcpServer* LayoutEquivalenceTest::servers_[2] = {nullptr, nullptr};

// Compares each layout's answers with the stub's, naming the first few
// that differ.
void expect_same(const std::string& name, const std::vector<std::string>& expected,
                 const std::vector<std::string>& actual) {
  ASSERT_EQ(expected.size(), actual.size()) << name;
  int shown = 0;
  std::size_t differing = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i] == actual[i]) continue;
    ++differing;
    if (shown++ < 3) {
      ADD_FAILURE() << name << " differs from the stub layout:\n--- stub\n"
                    << expected[i] << "\n--- " << name << "\n"
                    << actual[i];
    }
  }
  EXPECT_EQ(differing, 0u) << name << ": " << differing << " of " << expected.size()
                           << " answers differ";
}

// The same shards as a stub folder, as two paths and behind xapian-tcpsrv:
// one Xapian match over the same databases, so every answer is identical,
// scores included (to 12 digits).
TEST_F(LayoutEquivalenceTest, EverySearchAnswersAlikeOverTheSameShards) {
  const std::vector<std::string> list = queries();
  ASSERT_GE(list.size(), 100u);
  std::map<std::string, std::vector<std::string>> all;
  for (const auto& [name, paths] : layouts()) {
    if (name == "merged") continue;
    auto searcher = Searcher::open(paths);
    ASSERT_TRUE(searcher) << name << ": " << searcher.error().message;
    EXPECT_EQ(searcher->has_remote_shards(), name == "remote") << name;
    all[name] = answers(*searcher, list);
  }
  // Not vacuous: most queries find something.
  std::size_t found = 0;
  for (const std::string& answer : all["stub"])
    found += answer.find("total 0 ") == std::string::npos;
  EXPECT_GT(found, all["stub"].size() / 2);
  for (const auto& [name, answer] : all) {
    if (name != "stub") expect_same(name, all["stub"], answer);
  }
}

// A merged index against its shards: the same totals, facets, snippets,
// did-you-mean and hits. Not always the same scores: Xapian 1.4 weighs a
// stem reading (OP_SYNONYM over a word's forms) by a term frequency it
// estimates per database from the forms that database holds, so a form
// missing from one shard changes the weight there (README, "Running on
// several machines"). Hits are therefore compared as sets.
TEST_F(LayoutEquivalenceTest, AMergedIndexFindsAndCountsWhatItsShardsDo) {
  const std::vector<std::string> list = queries();
  auto merged = Searcher::open({merged_});
  auto stub = Searcher::open({sharded_});
  ASSERT_TRUE(merged && stub);
  expect_same("merged", answers(*stub, list, false), answers(*merged, list, false));
}

TEST_F(LayoutEquivalenceTest, PeopleMentionsDocumentsAndSuggestionsAnswerAlike) {
  std::vector<std::string> ids;
  {
    Xapian::Database database(merged_);
    for (auto it = database.allterms_begin("Q"); it != database.allterms_end("Q"); ++it) {
      ids.push_back((*it).substr(1));
    }
  }
  ASSERT_FALSE(ids.empty());
  const std::vector<std::string> prefixes = {"ток", "аст", "қаз", "ка", "Fkv", "ас", "пре"};
  std::map<std::string, std::vector<std::string>> all;
  for (const auto& [name, paths] : layouts()) {
    auto searcher = Searcher::open(paths);
    ASSERT_TRUE(searcher) << name << ": " << searcher.error().message;
    all[name] = people_answers(*searcher, ids);
    for (std::string& line : suggestions(paths, prefixes)) all[name].push_back(std::move(line));
  }
  EXPECT_NE(all["stub"][0], "top:");  // the archive names people
  for (const auto& [name, answer] : all) {
    if (name != "stub") expect_same(name, all["stub"], answer);
  }
}

// The findings of issue 17, each on the layout it was found on.
TEST_F(LayoutEquivalenceTest, AStubOfLocalShardsCountsWhatItReturns) {
  // izdeu-server --index DIR on a --no-merge index: one path, two databases.
  // The facet cache of the combined docids used to count a shard's docids:
  // total 37 against 42 hits walked, and a person missing from its own facet.
  auto searcher = Searcher::open({sharded_});
  ASSERT_TRUE(searcher);
  for (const std::string& query : queries()) {
    SearchRequest request{.query = query};
    request.per_page = kMaxPerPage;
    request.facets = {FacetField::kPerson};
    request.facet_limit = 1000;
    auto result = searcher->search(request);
    ASSERT_TRUE(result) << query;
    if (!result->next_cursor.empty()) continue;  // more than a page
    EXPECT_EQ(result->total, result->hits.size()) << query;
    // Every person of a hit is in the person facet, with at least as many
    // articles as the page shows.
    std::map<std::string, std::uint64_t> shown;
    for (const Hit& hit : result->hits) {
      for (const std::string& person : hit.people) ++shown[person];
    }
    std::map<std::string, std::uint64_t> counted;
    for (const FacetValue& value : result->facets.at(0).values) counted[value.value] = value.count;
    for (const auto& [person, hits] : shown) {
      EXPECT_GE(counted[person], 1u) << query << ": " << person << " missing from the facet";
    }
  }
}

TEST_F(LayoutEquivalenceTest, RemoteShardsServeTheLexiconAndPopularity) {
  // Without the lexicon's metadata mirror a remote shard finds exact forms
  // only; without the built-in posting source every search failed with
  // "MatchSpy not suitable for use with remote searches".
  auto remote = Searcher::open({remote_});
  auto local = Searcher::open({sharded_});
  ASSERT_TRUE(remote && local);
  // Latin misspellings: did-you-mean reads the loose keys of the lexicon.
  std::size_t corrected = 0;
  for (const std::string query : {"Токаева", "Казахстане", "мектептерде", "tokaevv", "assambleya",
                                  "qazaqstann", "almatu", "Казахстна"}) {
    auto near = local->search({.query = query});
    auto far = remote->search({.query = query});
    ASSERT_TRUE(near && far) << query << ": " << (far ? "" : far.error().message);
    EXPECT_EQ(describe(*near), describe(*far)) << query;
    corrected += near->did_you_mean.has_value();
  }
  EXPECT_GT(corrected, 0u);
}

TEST_F(LayoutEquivalenceTest, ASearcherConnectsAgainAfterTheShardServerDroppedIt) {
  // xapian-tcpsrv closes a connection idle past --idle-timeout (60 s by
  // default): the next search used to fail with "NetworkError: write failed".
  TcpServer server(sharded_ + "/shard-0", {"--idle-timeout", "200"});
  ASSERT_TRUE(server.ready());
  const std::string stub = (dir_->path() / "idle.stub").string();
  std::ofstream(stub) << "remote 127.0.0.1:" << server.port() << "\n";
  auto searcher = Searcher::open({stub});
  ASSERT_TRUE(searcher);
  auto before = searcher->search({.query = "Казахстан"});
  ASSERT_TRUE(before) << before.error().message;
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  auto after = searcher->search({.query = "Казахстан"});
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(describe(*before), describe(*after));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  EXPECT_TRUE(searcher->get_article(before->hits.at(0).id));
}

}  // namespace
}  // namespace izdeu::corpus
