// End-to-end tests of the search page at / in headless Chromium, driven
// through chromedriver's W3C WebDriver API (tests/e2e/web_driver.h), against
// the real izdeu server in-process on an index of the articles below. One
// browser serves the whole suite, so the binary is registered with CTest as a
// single test (tests/e2e/CMakeLists.txt).
//
// The page marks its progress for these tests: <body data-state> is "loading",
// "ready", "error" or "idle", and data-search-seq counts finished searches.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
#include "tests/e2e/web_driver.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr const char* kChromeDriver = "/usr/bin/chromedriver";
constexpr int kWidth = 1280;  // the viewport, in CSS pixels
constexpr int kHeight = 900;

// The person whose facet value the facet test clicks: four articles below.
constexpr const char* kSaparov = "сапаров ерлан нуртаевич";
constexpr const char* kKhan = "хан клара александровна";

corpus::Article fixture(std::string id, analyzers::Language language, corpus::Date date,
                        std::string title, std::string body, std::vector<std::string> people,
                        std::vector<std::string> regions, std::vector<std::string> topics) {
  corpus::Article article =
      make_article(std::move(id), std::move(title), std::move(body), date, language);
  article.url = "https://example.kz/news/" + article.id;
  article.source = "example.kz";
  for (auto& key : people) article.people.push_back({std::move(key), 1});
  article.regions = std::move(regions);
  article.topics = std::move(topics);
  return article;
}

// Eleven articles name the Assembly, each in the nominative «Ассамблея» in its
// first sentence (so that the query «ассамблея» finds all eleven whatever the
// stemmer does with the other cases, and every snippet has a mark); they fill
// more than one page of ten. Two articles are about sport only; two (one in
// English) about a school Tokayev opened.
std::vector<corpus::Article> fixture_articles() {
  using analyzers::Language;
  const auto ru = Language::kRussian;
  const auto kk = Language::kKazakh;
  return {
      fixture("ru-session-2019", ru, day(2019, 3, 14),
              "Сессия Ассамблеи народа Казахстана открылась в Астане",
              "Ассамблея народа Казахстана открыла в Астане очередную сессию. Председатель "
              "областного совета Ерлан Сапаров рассказал о работе советов матерей.\n\n"
              "Делегаты из всех регионов обсудили поддержку молодёжи и развитие языка.",
              {kSaparov}, {"astana"}, {"assembly"}),
      fixture("ru-mothers-2020", ru, day(2020, 6, 2),
              "Совет матерей Ассамблеи помог семьям в Таразе",
              "Ассамблея Жамбылской области и её совет матерей собрали продуктовые наборы "
              "для многодетных семей Тараза.\n\nВолонтёры развезли помощь в двенадцать сёл.",
              {kKhan}, {"zhambyl-region"}, {"charity"}),
      fixture("ru-memory-2021", ru, day(2021, 7, 1), "Ассамблея вспомнила Ерлана Сапарова",
              "Ассамблея народа Казахстана почтила память Сапарова Ерлана Нуртаевича, "
              "который много лет возглавлял областной совет.\n\nКоллеги вспоминали его "
              "открытость и умение договариваться.",
              {kSaparov}, {"almaty-region"}, {"assembly"}),
      fixture("ru-youth-2022", ru, day(2022, 9, 15), "Молодёжное крыло Ассамблеи провело форум",
              "Ассамблея собрала в Конаеве студентов из пяти городов на форум молодёжного "
              "крыла. Ерлан Сапаров и Клара Хан ответили на вопросы о волонтёрстве.\n\n"
              "Форум завершился концертом.",
              {kSaparov, kKhan}, {"almaty-region"}, {"youth"}),
      fixture("ru-schools-2023", ru, day(2023, 2, 20), "Школы Жамбылской области учат три языка",
              "В школах Жамбылской области прошёл конкурс чтецов на трёх языках. Ассамблея "
              "наградила победителей книгами.\n\nУчителя подготовили новые программы.",
              {}, {"zhambyl-region"}, {"education"}),
      fixture("ru-mediation-2023", ru, day(2023, 11, 3),
              "Медиаторы Ассамблеи помогли соседям договориться",
              "Ассамблея открыла в Шымкенте кабинет медиации, и он уже разобрал спор соседей "
              "о земельном участке.\n\nКлара Хан рассказала, что за год медиаторы провели сорок "
              "встреч.",
              {kKhan}, {"shymkent"}, {"mediation"}),
      fixture("ru-unity-2018", ru, day(2018, 5, 10),
              "Этнокультурные объединения Ассамблеи готовят праздник единства",
              "Ассамблея и её этнокультурные объединения репетируют программу ко Дню "
              "единства народа Казахстана.\n\nВ концерте выступят хоры и ансамбли.",
              {}, {"astana"}, {"culture"}),
      fixture("kk-session-2019", kk, day(2019, 3, 1), "Ассамблея сессиясы Астанада өтті",
              "Қазақстан халқы Ассамблеясының сессиясы Астанада өтті. Ассамблея мүшесі Ерлан "
              "Сапаров аналар кеңесінің жұмысы туралы айтты.\n\nДелегаттар жастарды қолдау "
              "мәселесін талқылады.",
              {kSaparov}, {"astana"}, {"assembly"}),
      fixture("kk-books-2020", kk, day(2020, 9, 1), "Ассамблея мектеп оқушыларына кітап сыйлады",
              "Жамбыл облысындағы мектептерге Ассамблея мүшелері жаңа кітаптар сыйлады.\n\n"
              "Оқушылар ризашылығын білдірді.",
              {}, {"zhambyl-region"}, {"education"}),
      fixture("kk-nauryz-2022", kk, day(2022, 3, 22), "Наурыз мерекесінде достық кеші өтті",
              "Наурыз мерекесінде Ассамблея достық кешін өткізді. Клара Хан қонақтарды "
              "құттықтады.\n\nКеште ұлттық тағамдар ұсынылды.",
              {kKhan}, {"almaty-region"}, {"culture"}),
      fixture("kk-trees-2021", kk, day(2021, 12, 16), "Тәуелсіздік күні жастар ағаш отырғызды",
              "Тәуелсіздік күні Ассамблея жастары Шымкентте жүз түп ағаш отырғызды.\n\n"
              "Акцияға студенттер қатысты.",
              {}, {"shymkent"}, {"youth"}),
      fixture("kk-sport-2021", kk, day(2021, 8, 5), "Жамбыл облысында жаңа спорт кешені ашылды",
              "Таразда жаңа спорт кешені ашылды. Онда бассейн мен күрес залы бар.\n\n"
              "Кешенге жыл сайын мыңдаған бала келеді.",
              {}, {"zhambyl-region"}, {"sport"}),
      // English, written the way English-language wires spell Kazakh names.
      fixture("en-school-2024", Language::kEnglish, day(2024, 1, 15),
              "Tokayev opens a new school in Taraz",
              "President Tokayev visited Taraz on Monday and opened a school for six hundred "
              "pupils.\n\nTeachers said the new classrooms were ready.",
              {}, {"zhambyl-region"}, {"education"}),
      fixture("ru-tokayev-2024", ru, day(2024, 1, 16), "Токаев открыл школу в Таразе",
              "Президент Токаев открыл в Таразе новую школу на шестьсот учеников.\n\n"
              "Учителя готовы к занятиям.",
              {}, {"zhambyl-region"}, {"education"}),
      fixture("ru-sport-2021", ru, day(2021, 8, 6), "В Таразе открылся спортивный комплекс",
              "В Таразе открылся спортивный комплекс с бассейном и залом борьбы.\n\nСпорт "
              "станет доступнее для детей.",
              {}, {"zhambyl-region"}, {"sport"}),
  };
}

struct Hit {
  std::string id;
  std::string title;
  std::string snippet;  // innerHTML
  std::vector<std::string> people;
};

class SearchPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    setup_error_ = start();
  }
  static void TearDownTestSuite() {
    session_.reset();
    driver_.reset();
    server_.reset();
    delete dir_;
    dir_ = nullptr;
  }

  static std::string start() {
    for (const char* binary : {kChromium, kChromeDriver}) {
      if (!fs::exists(binary)) {
        return std::string(binary) +
               " is missing: run scripts/install-deps (Debian packages chromium and "
               "chromium-driver)";
      }
    }
    const std::string index = (dir_->path() / "index").string();
    {
      auto writer = corpus::IndexWriter::open(index);
      if (!writer) return writer.error().message;
      for (const auto& article : fixture_articles()) {
        if (auto added = writer->add_or_replace(article); !added) return added.error().message;
      }
      if (auto committed = writer->commit(); !committed) return committed.error().message;
    }
    // The server's default thread count: what a journalist's browser meets.
    server_ = std::make_unique<TestServer>(std::vector<std::string>{index},
                                           server::ServerConfig{}.threads);
    if (!server_->ok()) return "server: " + server_->error();

    fs::create_directories(dir_->path() / "home");
    driver_ = std::make_unique<ChromeDriverProcess>(kChromeDriver, dir_->path() / "home");
    if (!driver_->ok()) return driver_->error();
    const json capabilities = {
        {"browserName", "chrome"},
        {"goog:chromeOptions",
         {{"binary", kChromium},
          {"args",
           {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + (dir_->path() / "profile").string(), "--window-size=1280,900",
            "--lang=ru"}}}}};
    try {
      session_ = std::make_unique<WebDriverSession>(driver_->port(), capabilities);
      session_->set_viewport(kWidth, kHeight);
    } catch (const WebDriverError& e) {
      return std::string(e.what()) + "\nchromedriver log:\n" + driver_->log();
    }
    return {};
  }

  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }

  WebDriverSession& browser() { return *session_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  /// Loads `target` (path and query) and waits for its first search to finish.
  void open(const std::string& target) {
    browser().navigate(base_url() + target);
    browser().wait_for("return Number(document.body.dataset.searchSeq || 0) >= 1",
                       "the page's first search on " + target);
  }

  int search_seq() {
    return browser().execute("return Number(document.body.dataset.searchSeq || 0)").get<int>();
  }

  /// Waits for a search after `before` to finish; returns the page's state.
  std::string wait_for_search(int before, const std::string& what) {
    browser().wait_for(
        "return Number(document.body.dataset.searchSeq || 0) > " + std::to_string(before), what);
    return browser().execute("return document.body.dataset.state").get<std::string>();
  }

  std::vector<Hit> hits() {
    const json value = browser().execute(R"(
      return [...document.querySelectorAll('#hits .hit')].map(h => ({
        id: h.dataset.id,
        title: h.querySelector('.hit-title').textContent,
        snippet: (h.querySelector('.snippet') || {innerHTML: ''}).innerHTML,
        people: JSON.parse(h.dataset.people || '[]'),
      }));)");
    std::vector<Hit> out;
    for (const json& h : value) {
      out.push_back({h["id"], h["title"], h["snippet"], h["people"]});
    }
    return out;
  }

  /// The URL's query parameter `name` (all values), read by the browser.
  std::vector<std::string> url_params(const std::string& name) {
    return browser()
        .execute("return new URL(location.href).searchParams.getAll(arguments[0])", {name})
        .get<std::vector<std::string>>();
  }

  std::string status_text() { return browser().text(browser().get("#status")); }

  /// GET `target` from the server directly, as JSON.
  json api(const std::string& target) {
    auto client = server_->client();
    auto response = client.Get(target.c_str());
    if (!response) return json();
    return json::parse(response->body, nullptr, false);
  }

  static TempDir* dir_;
  static std::string setup_error_;
  static std::unique_ptr<TestServer> server_;
  static std::unique_ptr<ChromeDriverProcess> driver_;
  static std::unique_ptr<WebDriverSession> session_;
};

TempDir* SearchPageTest::dir_ = nullptr;
std::string SearchPageTest::setup_error_;
std::unique_ptr<TestServer> SearchPageTest::server_;
std::unique_ptr<ChromeDriverProcess> SearchPageTest::driver_;
std::unique_ptr<WebDriverSession> SearchPageTest::session_;

void expect_highlighted_hits(const std::vector<Hit>& hits) {
  ASSERT_FALSE(hits.empty());
  for (const Hit& hit : hits) {
    EXPECT_FALSE(hit.title.empty()) << hit.id;
    EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.id << ": " << hit.snippet;
  }
}

TEST_F(SearchPageTest, TypingAQueryAndPressingEnterShowsHighlightedHits) {
  open("/");
  EXPECT_TRUE(browser().execute("return !document.getElementById('welcome').hidden").get<bool>());
  const std::string box = browser().get("#q");
  const int before = search_seq();
  browser().send_keys(box, std::string("ассамблея") + keys::kEnter);
  ASSERT_EQ(wait_for_search(before, "the search after Enter"), "ready");

  EXPECT_EQ(url_params("q"), std::vector<std::string>{"ассамблея"});
  const auto found = hits();
  EXPECT_EQ(found.size(), 10u) << "the fixture has 11 articles about the Assembly";
  expect_highlighted_hits(found);
  for (const Hit& hit : found) EXPECT_EQ(hit.id.find("sport"), std::string::npos) << hit.id;
  EXPECT_NE(status_text().find("11"), std::string::npos) << status_text();
}

TEST_F(SearchPageTest, EachHitSaysWhichFormOfTheQueryItHolds) {
  open("/?q=%D1%81%D0%B0%D0%BF%D0%B0%D1%80%D0%BE%D0%B2");  // сапаров
  const json lines = browser().execute(R"(
      return Object.fromEntries([...document.querySelectorAll('#hits .hit')].map(h =>
        [h.dataset.id, (h.querySelector('.matched') || {textContent: ''}).textContent]));)");
  ASSERT_FALSE(lines.empty());
  for (const auto& [id, line] : lines.items()) {
    EXPECT_FALSE(line.get<std::string>().empty()) << id;  // every hit holds a form
  }
  // The memorial wrote the genitive: shown as another form of the word typed.
  ASSERT_TRUE(lines.contains("ru-memory-2021")) << lines.dump(1);
  const std::string memory = lines["ru-memory-2021"];
  EXPECT_NE(memory.find("сапарова"), std::string::npos) << memory;
  EXPECT_NE(memory.find("«сапаров»"), std::string::npos) << memory;
}

TEST_F(SearchPageTest, PagerShowsTheSecondPage) {
  open("/?q=%D0%B0%D1%81%D1%81%D0%B0%D0%BC%D0%B1%D0%BB%D0%B5%D1%8F");  // ассамблея
  std::set<std::string> first;
  for (const Hit& hit : hits()) first.insert(hit.id);
  ASSERT_EQ(first.size(), 10u);
  const int before = search_seq();
  browser().click(browser().get("#pager a[data-page='2']"));
  ASSERT_EQ(wait_for_search(before, "page 2"), "ready");
  EXPECT_EQ(url_params("page"), std::vector<std::string>{"2"});
  const auto second = hits();
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first.count(second[0].id), 0u) << second[0].id << " was on page 1 too";
  EXPECT_TRUE(browser().find("#pager [aria-current='page']").has_value());
}

TEST_F(SearchPageTest, BackRestoresThePreviousSearch) {
  open("/");
  const std::string box = browser().get("#q");
  int before = search_seq();
  browser().send_keys(box, std::string("ассамблея") + keys::kEnter);
  ASSERT_EQ(wait_for_search(before, "the first search"), "ready");
  std::vector<std::string> first_ids;
  for (const Hit& hit : hits()) first_ids.push_back(hit.id);

  browser().clear(box);
  before = search_seq();
  browser().send_keys(box, std::string("спорт") + keys::kEnter);
  ASSERT_EQ(wait_for_search(before, "the second search"), "ready");
  const auto sport = hits();
  ASSERT_FALSE(sport.empty());
  for (const Hit& hit : sport) EXPECT_NE(hit.id.find("sport"), std::string::npos) << hit.id;

  before = search_seq();
  browser().back();
  ASSERT_EQ(wait_for_search(before, "the search restored by Back"), "ready");
  EXPECT_EQ(browser().execute("return document.getElementById('q').value"), "ассамблея");
  std::vector<std::string> restored_ids;
  for (const Hit& hit : hits()) restored_ids.push_back(hit.id);
  EXPECT_EQ(restored_ids, first_ids);
}

TEST_F(SearchPageTest, OpeningAHitShowsTheDocument) {
  open("/?q=%D1%81%D0%B0%D0%BF%D0%B0%D1%80%D0%BE%D0%B2");  // сапаров
  const auto found = hits();
  ASSERT_FALSE(found.empty());
  const std::string id = found[0].id;
  browser().click(browser().get("#hits .hit .hit-title"));
  browser().wait_for(
      "const d = document.getElementById('document');"
      "return d.open && d.dataset.state === 'ready'",
      "the document view");
  EXPECT_EQ(url_params("doc"), std::vector<std::string>{id});

  const json stored = api("/api/v1/documents/" + id);
  ASSERT_TRUE(stored.is_object() && stored.contains("body")) << stored.dump();
  EXPECT_EQ(browser().text(browser().get("#doc-title")), stored["title"].get<std::string>());
  const std::string body = browser().text(browser().get("#doc-body"));
  const std::string first_paragraph =
      stored["body"].get<std::string>().substr(0, stored["body"].get<std::string>().find("\n"));
  EXPECT_NE(body.find(first_paragraph), std::string::npos) << body;
  EXPECT_EQ(browser().find_all("#doc-body p").size(), 2u) << "two paragraphs in the fixture";

  browser().click(browser().get("#doc-close"));
  browser().wait_for(
      "return !document.getElementById('document').open &&"
      "!new URL(location.href).searchParams.has('doc')",
      "the document view to close and leave the URL");

  // The view is a link of its own.
  browser().navigate(base_url() + "/?q=x&doc=" + id);
  browser().wait_for("return document.getElementById('document').dataset.state === 'ready'",
                     "the document view opened from a link");
  EXPECT_EQ(browser().text(browser().get("#doc-title")), stored["title"].get<std::string>());
}

TEST_F(SearchPageTest, TheDocumentMarksTheMatchesStepsThroughThemAndListsRelatedArticles) {
  open("/?q=%D1%81%D0%B0%D0%BF%D0%B0%D1%80%D0%BE%D0%B2");  // сапаров
  const auto found = hits();
  ASSERT_FALSE(found.empty());
  const std::string id = found[0].id;
  browser().click(browser().get("#hits .hit .hit-title"));
  browser().wait_for(
      "const d = document.getElementById('document');"
      "return d.open && d.dataset.state === 'ready'",
      "the document view");
  // Every form the search matched is marked in the whole article, as the API marks it.
  const json marked =
      api("/api/v1/documents/" + id + "?q=%D1%81%D0%B0%D0%BF%D0%B0%D1%80%D0%BE%D0%B2");
  ASSERT_TRUE(marked.contains("marks")) << marked.dump();
  const int marks = marked["marks"].get<int>();
  ASSERT_GT(marks, 0);
  EXPECT_EQ(
      browser()
          .execute("return document.querySelectorAll('#doc-title mark, #doc-body mark').length")
          .get<int>(),
      marks);
  EXPECT_FALSE(
      browser().execute("return document.getElementById('doc-matches').hidden").get<bool>());
  // «Next match» walks the marks in order and comes back to the first.
  for (int step = 0; step <= marks; ++step) {
    browser().click(browser().get("#doc-next-match"));
    const json current = browser().execute(R"(
      const all = [...document.querySelectorAll('#doc-title mark, #doc-body mark')];
      return all.map((m, i) => m.classList.contains('current') ? i : -1).filter(i => i >= 0);)");
    EXPECT_EQ(current, json::array({step % marks})) << "step " << step;
  }
  EXPECT_NE(browser().text(browser().get("#doc-match-count")).find(std::to_string(marks)),
            std::string::npos);
  // The chips are the article's main entities.
  const int chips = browser()
                        .execute("return document.querySelectorAll('#doc-entities .entity').length")
                        .get<int>();
  EXPECT_EQ(chips, static_cast<int>(marked["people"].size() + marked["regions"].size() +
                                    marked["topics"].size()));
  EXPECT_LE(chips, 10);
  // Related articles, as the API lists them; a click opens one.
  browser().wait_for("return document.getElementById('doc-similar').dataset.state === 'ready'",
                     "the related articles");
  const json similar = api("/api/v1/documents/" + id + "/similar?limit=5");
  std::vector<std::string> expected;
  for (const json& hit : similar["similar"]) expected.push_back(hit["id"].get<std::string>());
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(browser()
                .execute("return [...document.querySelectorAll('#doc-similar-list li')]"
                         ".map(li => li.dataset.id)")
                .get<std::vector<std::string>>(),
            expected);
  browser().click(browser().get("#doc-similar-list li a"));
  browser().wait_for(
      "const d = document.getElementById('document');"
      "return d.dataset.id === " +
          json(expected[0]).dump() + " && d.dataset.state === 'ready'",
      "the related article");
  EXPECT_EQ(url_params("doc"), std::vector<std::string>{expected[0]});
  browser().click(browser().get("#doc-close"));
}

TEST_F(SearchPageTest, TheResultsOfferAFeedAndAnExportOfTheSearch) {
  open("/?q=%D0%B0%D1%81%D1%81%D0%B0%D0%BC%D0%B1%D0%BB%D0%B5%D1%8F&lang=ru&sort=date");
  EXPECT_FALSE(browser().execute("return document.getElementById('follow').hidden").get<bool>());
  const std::string feed =
      browser().execute("return document.getElementById('subscribe').getAttribute('href')");
  const std::string csv =
      browser().execute("return document.getElementById('export-csv').getAttribute('href')");
  EXPECT_EQ(feed.rfind("/api/v1/feed?", 0), 0u) << feed;
  EXPECT_NE(feed.find("lang=ru"), std::string::npos) << feed;
  EXPECT_EQ(browser().execute("return document.querySelector(\"link[rel=alternate]"
                              "[type='application/atom+xml']\").getAttribute('href')"),
            feed);
  EXPECT_NE(csv.find("format=csv"), std::string::npos) << csv;
  EXPECT_NE(csv.find("sort=date"), std::string::npos) << csv;
  auto client = server_->client();
  auto atom = client.Get(feed.c_str());
  ASSERT_TRUE(atom);
  EXPECT_EQ(atom->status, 200);
  EXPECT_NE(atom->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  auto exported = client.Get(csv.c_str());
  ASSERT_TRUE(exported);
  EXPECT_EQ(exported->status, 200);
  EXPECT_EQ(exported->body.rfind("id,title,", 0), 0u);
  // The link is labelled in the interface language, never by its string key.
  const std::string label = browser().text(browser().get("#subscribe"));
  EXPECT_NE(label.find("Atom"), std::string::npos) << label;
  EXPECT_NE(label, "subscribe");
}

TEST_F(SearchPageTest, InterfaceLanguageSwitchChangesLabelsAndIsRemembered) {
  open("/");
  browser().execute("localStorage.removeItem('izdeu.ui-lang')");
  browser().refresh();
  browser().wait_for("return document.body.dataset.searchSeq", "the reloaded page");
  const std::string submit = browser().get("#submit");
  EXPECT_EQ(browser().text(submit), "Найти");

  browser().click(browser().get("[data-ui-lang='kk']"));
  EXPECT_EQ(browser().text(browser().get("#submit")), "Іздеу");
  EXPECT_EQ(browser().execute("return document.documentElement.lang"), "kk");
  EXPECT_EQ(browser()
                .execute("return document.getElementById('q').placeholder")
                .get<std::string>()
                .find("Мысалы"),
            0u);

  browser().refresh();
  browser().wait_for("return document.body.dataset.searchSeq", "the reloaded page");
  EXPECT_EQ(browser().text(browser().get("#submit")), "Іздеу") << "the choice survives a reload";
  EXPECT_EQ(browser().execute("return document.querySelector(\"[data-ui-lang='kk']\")"
                              ".getAttribute('aria-pressed')"),
            "true");

  browser().click(browser().get("[data-ui-lang='ru']"));
  EXPECT_EQ(browser().text(browser().get("#submit")), "Найти");
}

TEST_F(SearchPageTest, PickingEnglishInTheLanguageFilterShowsEnglishArticles) {
  open("/?q=%D0%A2%D0%BE%D2%9B%D0%B0%D0%B5%D0%B2");  // Тоқаев
  std::set<std::string> all;
  for (const Hit& hit : hits()) all.insert(hit.id);
  EXPECT_EQ(all, (std::set<std::string>{"en-school-2024", "ru-tokayev-2024"}))
      << "the Kazakh spelling finds the Russian and the English («Tokayev») article";

  const int before = search_seq();
  browser().execute(
      "const select = document.getElementById('lang');"
      "select.value = 'en';"
      "select.dispatchEvent(new Event('change'));");
  ASSERT_EQ(wait_for_search(before, "the search limited to English"), "ready");
  EXPECT_EQ(url_params("lang"), std::vector<std::string>{"en"});
  const auto english = hits();
  ASSERT_EQ(english.size(), 1u);
  EXPECT_EQ(english[0].id, "en-school-2024");
  EXPECT_NE(english[0].snippet.find("<mark>Tokayev</mark>"), std::string::npos)
      << english[0].snippet;
  EXPECT_TRUE(browser()
                  .execute("return [...document.querySelectorAll('#lang option')]"
                           ".some(o => o.value === 'en' && o.textContent.trim() !== '')")
                  .get<bool>())
      << "the filter offers English with a label";
}

// Needs GET /api/v1/suggest (the suggest helper's branch).
TEST_F(SearchPageTest, PickingASuggestionSearchesForIt) {
  open("/");
  const std::string box = browser().get("#q");
  browser().send_keys(box, "ассамб");
  browser().wait_for(
      "return document.querySelectorAll('#suggestions:not([hidden]) [role=option]')"
      ".length > 0",
      "the suggestion list (GET /api/v1/suggest)");
  EXPECT_EQ(browser().execute("return document.getElementById('q').getAttribute('aria-expanded')"),
            "true");

  // Arrows move the active option; Escape closes the list.
  browser().send_keys(box, keys::kArrowDown);
  EXPECT_EQ(browser().execute("return document.getElementById('q')"
                              ".getAttribute('aria-activedescendant')"),
            "suggestion-0");
  EXPECT_EQ(browser().execute("return document.getElementById('suggestion-0')"
                              ".getAttribute('aria-selected')"),
            "true");
  browser().send_keys(box, keys::kEscape);
  EXPECT_EQ(browser().execute("return document.getElementById('suggestions').hidden"), true);

  // Typing again brings the list back; a click picks a suggestion.
  browser().send_keys(box, "л");
  browser().wait_for(
      "return document.querySelectorAll('#suggestions:not([hidden]) [role=option]')"
      ".length > 0",
      "the suggestion list for «ассамбл»");
  const json option = browser().execute(R"(
      const options = [...document.querySelectorAll('#suggestions [role=option]')];
      const pick = options.find(o => o.querySelector('.text').textContent.toLowerCase()
                                       .startsWith('ассамбл')) || options[0];
      return {index: pick.dataset.index, text: pick.querySelector('.text').textContent};)");
  const std::string text = option["text"];
  const int before = search_seq();
  browser().click(browser().get("#suggestion-" + option["index"].get<std::string>()));
  ASSERT_EQ(wait_for_search(before, "the search for the picked suggestion"), "ready");

  EXPECT_EQ(browser().execute("return document.getElementById('q').value"), text);
  EXPECT_EQ(url_params("q"), std::vector<std::string>{text});
  EXPECT_EQ(browser().execute("return document.getElementById('suggestions').hidden"), true);
  expect_highlighted_hits(hits());
}

// Needs facets and hit entities in /api/v1/search (the search helpers' branches).
TEST_F(SearchPageTest, ClickingAPersonFacetFiltersTheHits) {
  open("/?q=%D0%B0%D1%81%D1%81%D0%B0%D0%BC%D0%B1%D0%BB%D0%B5%D1%8F");  // ассамблея
  const std::string selector =
      std::string(".facet-value[data-facet='person'][data-value='") + kSaparov + "']";
  const auto facet = browser().find(selector);
  ASSERT_TRUE(facet.has_value()) << "no person facet value for «" << kSaparov
                                 << "» (facets in GET /api/v1/search)";
  EXPECT_TRUE(browser().execute("return !document.getElementById('facets').hidden").get<bool>());
  const std::string count_text = browser().text(browser().get(selector + " .count"));

  int before = search_seq();
  browser().click(*facet);
  ASSERT_EQ(wait_for_search(before, "the search filtered by the person"), "ready");
  EXPECT_EQ(url_params("person"), std::vector<std::string>{kSaparov});
  const auto filtered = hits();
  ASSERT_EQ(filtered.size(), 4u) << "four fixture articles name " << kSaparov;
  EXPECT_EQ(std::to_string(filtered.size()), count_text) << "the facet's count";
  for (const Hit& hit : filtered) {
    EXPECT_NE(std::find(hit.people.begin(), hit.people.end(), kSaparov), hit.people.end())
        << hit.id << " does not name the person";
  }
  EXPECT_EQ(browser().execute("return document.querySelector(arguments[0])"
                              ".getAttribute('aria-pressed')",
                              {selector}),
            "true");
  EXPECT_TRUE(browser().find("#active-filters .chip[data-filter='person']").has_value());

  // The chip's × removes the filter again.
  before = search_seq();
  browser().click(browser().get("#active-filters .chip[data-filter='person'] .chip-remove"));
  ASSERT_EQ(wait_for_search(before, "the search without the filter"), "ready");
  EXPECT_TRUE(url_params("person").empty());
  EXPECT_EQ(hits().size(), 10u);
}

// Needs did_you_mean in /api/v1/search (the search helpers' branches).
TEST_F(SearchPageTest, DidYouMeanIsALinkThatSearchesForIt) {
  const json misspelled = api("/api/v1/search?q=%D1%81%D0%B0%D0%BF%D1%80%D0%B0%D0%BE%D0%B2");
  ASSERT_TRUE(misspelled.is_object() && misspelled.contains("did_you_mean") &&
              misspelled["did_you_mean"].is_string())
      << "GET /api/v1/search?q=сапраов has no did_you_mean: " << misspelled.dump();
  const std::string correction = misspelled["did_you_mean"];
  open("/?q=%D1%81%D0%B0%D0%BF%D1%80%D0%B0%D0%BE%D0%B2");  // сапраов
  const std::string link = browser().get(".notice.did-you-mean a");
  EXPECT_EQ(browser().text(link), correction);
  int before = search_seq();
  browser().click(link);
  ASSERT_EQ(wait_for_search(before, "the search for the correction"), "ready");
  EXPECT_EQ(url_params("q"), std::vector<std::string>{correction});
}

// Needs match=auto relaxation in /api/v1/search (the search helpers' branches).
TEST_F(SearchPageTest, RelaxedWordsAreShown) {
  // «ассамблея qqqzzz»: the second word is in no article.
  const std::string relaxed_query = "%D0%B0%D1%81%D1%81%D0%B0%D0%BC%D0%B1%D0%BB%D0%B5%D1%8F+qqqzzz";
  const json relaxed = api("/api/v1/search?match=auto&q=" + relaxed_query);
  ASSERT_TRUE(relaxed.is_object() && relaxed.value("relaxed", false))
      << "match=auto did not relax «ассамблея qqqzzz»: " << relaxed.dump();
  open("/?q=" + relaxed_query);
  int before = search_seq();
  const std::string notice = browser().text(browser().get(".notice.relaxed"));
  for (const json& word : relaxed["optional_words"]) {
    EXPECT_NE(notice.find(word.get<std::string>()), std::string::npos) << notice;
  }
  // No article has both words: the notice says so, and every hit names the
  // word it lacks; the first of them carries the heading.
  ASSERT_EQ(relaxed["full_matches"], 0) << relaxed.dump();
  EXPECT_NE(notice.find("Ни в одной статье нет всех слов"), std::string::npos) << notice;
  const json partial = browser().execute(R"(
    return [...document.querySelectorAll('#hits .hit')].map(h => ({
      partial: h.classList.contains('partial'),
      heading: !!h.querySelector('.partial-heading'),
      missing: (h.querySelector('.missing-words') || {textContent: ''}).textContent,
    }));)");
  ASSERT_EQ(partial.size(), relaxed["hits"].size());
  for (std::size_t i = 0; i < partial.size(); ++i) {
    EXPECT_TRUE(partial[i]["partial"].get<bool>()) << i;
    EXPECT_EQ(partial[i]["heading"].get<bool>(), i == 0) << i;
    EXPECT_NE(partial[i]["missing"].get<std::string>().find("qqqzzz"), std::string::npos) << i;
  }
  expect_highlighted_hits(hits());
  browser().click(browser().get(".notice.relaxed a"));
  ASSERT_EQ(wait_for_search(before, "the search requiring all words"), "ready");
  EXPECT_EQ(url_params("match"), std::vector<std::string>{"all"});
}

TEST_F(SearchPageTest, ScreenshotShowsTheResultsPage) {
  open("/?q=%D0%B0%D1%81%D1%81%D0%B0%D0%BC%D0%B1%D0%BB%D0%B5%D1%8F");  // ассамблея
  const std::string png = browser().screenshot();
  const fs::path saved = dir_->path() / "search-page.png";
  std::ofstream(saved, std::ios::binary) << png;
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  auto be32 = [&png](std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  const std::uint32_t width = be32(16);
  const std::uint32_t height = be32(20);
  EXPECT_NEAR(width, kWidth, 16);
  EXPECT_NEAR(height, kHeight, 16);
  // A blank page of this size compresses to a few kilobytes; text and marks do not.
  EXPECT_GT(png.size(), 30'000u) << "saved to " << saved;
  if (const char* keep = std::getenv("IZDEU_E2E_SCREENSHOT"))
    fs::copy_file(saved, keep, fs::copy_options::overwrite_existing);
}

}  // namespace
}  // namespace izdeu::testing
