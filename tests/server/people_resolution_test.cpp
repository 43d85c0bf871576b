// Issue 16 against a real index whose people were recognized by
// annotate_entities (not set by hand): one person under one key however the
// articles wrote the name, names typed in any script resolved by
// /api/v1/people/{name}, person filters and /mentions in Latin letters, and
// at most kMaxMainPeople chips per result card.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/index/entity_annotator.h"
#include "corpus/index/index_writer.h"
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

// Twelve people, each named twice, so none is a minor one.
std::string crowded_body() {
  const char* const people[] = {"Иван Петров",   "Петр Сидоров", "Олег Кузнецов",
                                "Борис Смирнов", "Павел Волков", "Игорь Морозов",
                                "Денис Лебедев", "Антон Козлов", "Роман Новиков",
                                "Вадим Соколов", "Глеб Федоров", "Артем Михайлов"};
  std::string body = "На совещании выступили ";
  for (const char* p : people) body += std::string(p) + ", ";
  body += "и другие. Позже ";
  for (const char* p : people) body += std::string(p) + ", ";
  return body + "ответили на вопросы.";
}

class PeopleResolutionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer) << writer.error().message;
    std::vector<corpus::Article> articles = {
        make_article("full", "Сессия Ассамблеи",
                     "Заместитель председателя Ассамблеи Хан Клара Александровна открыла сессию.",
                     day(2021, 3, 14)),
        make_article("initials", "Форум", "На форуме К. А. Хан рассказала о медиации.",
                     day(2021, 4, 2)),
        make_article("other-khan", "Спорт", "Тренер Сергей Хан ответил журналистам.",
                     day(2021, 5, 2)),
        make_article("ru-tokayev", "Визит",
                     "Президент Касым-Жомарт Кемелевич Токаев прибыл в Атырау.", day(2022, 1, 10)),
        make_article("kk-latin", "Kezdesý",
                     "Memleket basshysy Qasym-Jomart Toqaev Astanada kezdesý ótkizdi. Toqaev "
                     "jańa josparlardy aıtty.",
                     day(2022, 2, 11), analyzers::Language::kKazakh),
        make_article("crowded", "Совещание", crowded_body(), day(2022, 3, 1)),
    };
    for (corpus::Article& article : articles) {
      corpus::annotate_entities(article);
      ASSERT_TRUE(writer->add_or_replace(article));
    }
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    server_ = std::make_unique<TestServer>(std::vector<std::string>{dir_->str()});
    ASSERT_TRUE(server_->ok()) << server_->error();
  }

  httplib::Result get(const std::string& path, const httplib::Params& params = {}) {
    return server_->client().Get(httplib::append_query_params(path, params).c_str());
  }

  httplib::Result person(const std::string& name) {
    return get("/api/v1/people/" + httplib::detail::encode_query_param(name));
  }

  static TempDir* dir_;
  std::unique_ptr<TestServer> server_;
};
TempDir* PeopleResolutionTest::dir_ = nullptr;

bool contains(const json& list, const std::string& value) {
  return std::find(list.begin(), list.end(), json(value)) != list.end();
}

TEST_F(PeopleResolutionTest, TypedNamesResolveToOneKey) {
  const struct {
    const char* typed;
    const char* key;
    int articles;  // with the aliases counted
  } cases[] = {
      {"Клара Хан", "хан клара александровна", 2},
      {"Клары Хан", "хан клара александровна", 2},
      {"хан к. а.", "хан к. а.", 1},  // a key as given is taken as it is
      {"Klara Khan", "хан клара александровна", 2},
      {"Tokayev", "токаев касым-жомарт кемелевич", 2},
      {"Toqaev", "токаев касым-жомарт кемелевич", 2},
      {"Тоқаевтың", "токаев касым-жомарт кемелевич", 2},
      {"Сергей Хан", "хан сергей", 1},
  };
  for (const auto& c : cases) {
    auto response = person(c.typed);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << c.typed << ": " << response->body;
    const json body = json::parse(response->body);
    EXPECT_EQ(body["key"], c.key) << c.typed;
    EXPECT_EQ(body["articles"], c.articles) << c.typed << ": " << response->body;
    if (std::string(c.typed) != c.key) {
      EXPECT_EQ(body["resolved_from"], c.typed);
    }
  }
  const json klara = json::parse(person("Клара Хан")->body);
  EXPECT_TRUE(contains(klara["aliases"], "хан к. а.")) << klara.dump();
  const json tokayev = json::parse(person("Tokayev")->body);
  EXPECT_TRUE(contains(tokayev["aliases"], "токаев касым-жомарт")) << tokayev.dump();
}

TEST_F(PeopleResolutionTest, AnAmbiguousNameListsItsCandidates) {
  auto response = person("Хан");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 300) << response->body;
  const json body = json::parse(response->body);
  EXPECT_EQ(body["query"], "Хан");
  std::vector<std::string> keys;
  for (const json& c : body["candidates"]) keys.push_back(c["key"]);
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "хан сергей") != keys.end());
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "хан клара александровна") != keys.end());
  auto unknown = person("Нурмагамбетов");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(PeopleResolutionTest, LatinNamesFilterLikeCyrillicOnes) {
  for (const char* name : {"Tokayev", "Toqaev", "Токаев", "Тоқаев", "Kassym-Jomart Tokayev"}) {
    auto search = get("/api/v1/search", {{"q", "date:2022"}, {"person", name}, {"facets", "none"}});
    ASSERT_TRUE(search);
    ASSERT_EQ(search->status, 200) << search->body;
    EXPECT_EQ(json::parse(search->body)["total"], 2) << name << ": " << search->body;
    auto mentions = get("/api/v1/mentions", {{"person", name}});
    ASSERT_TRUE(mentions);
    ASSERT_EQ(mentions->status, 200);
    const json list = json::parse(mentions->body);
    EXPECT_EQ(list.size(), 3u) << name << ": " << mentions->body;
  }
  auto query = get("/api/v1/search", {{"q", "person:Tokayev"}, {"facets", "none"}});
  ASSERT_TRUE(query);
  EXPECT_EQ(json::parse(query->body)["total"], 2) << query->body;
}

TEST_F(PeopleResolutionTest, InitialsJoinTheFullNameInListsAndFilters) {
  auto list = get("/api/v1/people", {{"limit", "100"}});
  ASSERT_TRUE(list);
  std::vector<std::string> keys;
  const json people = json::parse(list->body);
  for (const json& p : people["people"]) keys.push_back(p["key"]);
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "хан к. а.") == keys.end()) << list->body;
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "токаев касым-жомарт") == keys.end());
  auto search =
      get("/api/v1/search",
          {{"q", "date:2021"}, {"person", "Хан Клара Александровна"}, {"facets", "none"}});
  ASSERT_TRUE(search);
  EXPECT_EQ(json::parse(search->body)["total"], 2) << search->body;
}

TEST_F(PeopleResolutionTest, CardsShowTheMainPeopleOnly) {
  auto search = get("/api/v1/search", {{"q", "совещании"}, {"facets", "person"}});
  ASSERT_TRUE(search);
  ASSERT_EQ(search->status, 200) << search->body;
  const json body = json::parse(search->body);
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_EQ(body["hits"][0]["people"].size(), corpus::kMaxMainPeople);
  EXPECT_EQ(body["facets"]["person"]["values"].size(), 10u);  // facet_limit's default
  auto all =
      get("/api/v1/search", {{"q", "совещании"}, {"facets", "person"}, {"facet_limit", "100"}});
  EXPECT_EQ(json::parse(all->body)["facets"]["person"]["values"].size(), corpus::kMaxMainPeople);
}

}  // namespace
}  // namespace izdeu::server
