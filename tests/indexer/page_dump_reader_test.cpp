#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "analyzers/utf8.h"
#include "corpus/index/prepare.h"
#include "formats/page_dump.h"

namespace izdeu::formats {
namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream input(std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/indexer/" + name,
                      std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

constexpr std::string_view kRussianTitle = "В Алматы открылась новая библиотека для школьников";
constexpr std::string_view kRussianBody =
    "В среду в Алматы открылась новая детская библиотека. В ней больше десяти тысяч книг на "
    "казахском и русском языках.\n\n"
    "Читальный зал работает с девяти утра до семи вечера.\n\n"
    "Вход для школьников бесплатный.";

// The language the article is indexed in: a page dump names none, so
// prepare_article() detects it.
std::optional<analyzers::Language> indexed_language(const corpus::RawArticle& raw) {
  auto article = corpus::prepare_article(raw);
  if (!article) return std::nullopt;
  return article->language;
}

void expect_russian_fixture(const corpus::Result<corpus::RawArticle>& article) {
  ASSERT_TRUE(article.has_value()) << article.error().message;
  EXPECT_EQ(article->section, "Общество");
  ASSERT_TRUE(article->date.has_value());
  EXPECT_EQ(article->date->to_iso(), "2019-03-14");
  EXPECT_EQ(article->views, std::optional<std::int64_t>(1234));
  EXPECT_EQ(article->title, kRussianTitle);
  EXPECT_EQ(article->body, kRussianBody);
  EXPECT_EQ(article->language, std::nullopt);
  EXPECT_EQ(indexed_language(*article), analyzers::Language::kRussian);
  EXPECT_TRUE(article->id.empty());
}

TEST(PageDumpReaderTest, ReadsARussianDump) {
  const auto article = parse_page_dump(read_fixture("page_dump_ru.txt"));
  expect_russian_fixture(article);
  ASSERT_TRUE(article.has_value());
  // Neither the view count nor the footer nor what follows it is body text.
  EXPECT_EQ(article->body.find("1 234"), std::string::npos);
  EXPECT_EQ(article->body.find("Возврат"), std::string::npos);
  EXPECT_EQ(article->body.find("Поделиться"), std::string::npos);
}

TEST(PageDumpReaderTest, ReadsAKazakhDump) {
  const auto article = parse_page_dump(read_fixture("page_dump_kk.txt"));
  ASSERT_TRUE(article.has_value()) << article.error().message;
  EXPECT_EQ(article->section, "Қоғам");
  EXPECT_EQ(article->date->to_iso(), "2020-03-05");
  EXPECT_EQ(article->views, std::optional<std::int64_t>(87));
  EXPECT_EQ(article->title, "Астанада жаңа саябақ ашылды");
  EXPECT_EQ(article->body,
            "Елордада жаңа саябақ ашылды. Саябақта балаларға арналған алаң мен велосипед жолы "
            "бар.\n\nСаябақ күн сайын таңертеңнен кешке дейін жұмыс істейді.");
  EXPECT_EQ(article->language, std::nullopt);
  EXPECT_EQ(indexed_language(*article), analyzers::Language::kKazakh);
}

TEST(PageDumpReaderTest, ToleratesBomCrlfTrailingSpacesAndTabs) {
  std::string content = read_fixture("page_dump_ru.txt");
  content = replace_all(content, "\n", " \t\r\n");
  content = replace_all(content, "Общество", "\tОбщество");
  content = "\xEF\xBB\xBF\r\n\r\n" + content;  // U+FEFF, then leading blank lines
  expect_russian_fixture(parse_page_dump(content));
}

TEST(PageDumpReaderTest, ToleratesManyBlankLinesAndNoBlankLines) {
  std::string spread = replace_all(read_fixture("page_dump_ru.txt"), "\n\n", "\n\n\n  \n\t\n");
  expect_russian_fixture(parse_page_dump(spread));

  const auto dense = parse_page_dump("Общество\n14 Марта, 2019\n1 234\nЗаголовок\n\nТекст.\n");
  ASSERT_TRUE(dense.has_value()) << dense.error().message;
  EXPECT_EQ(dense->views, std::optional<std::int64_t>(1234));
  EXPECT_EQ(dense->title, "Заголовок");
  EXPECT_EQ(dense->body, "Текст.");
}

TEST(PageDumpReaderTest, ViewCountIsOptional) {
  const auto article =
      parse_page_dump("Спорт\n\n01.07.2021\n\nФутбол в Шымкенте\n\nМатч закончился вничью.\n");
  ASSERT_TRUE(article.has_value()) << article.error().message;
  EXPECT_EQ(article->views, std::nullopt);
  EXPECT_EQ(article->title, "Футбол в Шымкенте");
  EXPECT_EQ(article->body, "Матч закончился вничью.");
}

TEST(PageDumpReaderTest, SectionIsOptional) {
  const auto article = parse_page_dump("\n2021 жылғы 1 шілде\n\n5\n\nТақырып\n\nМәтін.\n");
  ASSERT_TRUE(article.has_value()) << article.error().message;
  EXPECT_EQ(article->section, "");
  EXPECT_EQ(article->date->to_iso(), "2021-07-01");
  EXPECT_EQ(article->views, std::optional<std::int64_t>(5));
  EXPECT_EQ(article->title, "Тақырып");
}

TEST(PageDumpReaderTest, ViewCountMayUseNoBreakSpacesBetweenThousands) {
  // U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE as group separators.
  const auto article = parse_page_dump(
      "Общество\n\n1 июля 2021 г.\n\n1\xC2\xA0"
      "234\xE2\x80\xAF"
      "567\n\nЗаголовок\n\nТекст.\n");
  ASSERT_TRUE(article.has_value()) << article.error().message;
  EXPECT_EQ(article->views, std::optional<std::int64_t>(1234567));
}

TEST(PageDumpReaderTest, FooterIsOptional) {
  const auto article =
      parse_page_dump("Общество\n\n01.07.2021\n\nЗаголовок\n\nАбзац один.\n\nДва.");
  ASSERT_TRUE(article.has_value()) << article.error().message;
  EXPECT_EQ(article->body, "Абзац один.\n\nДва.");
}

TEST(PageDumpReaderTest, ReadsADumpWithATitleAndNoBodyOrABodyAndNoTitle) {
  const std::string long_paragraph =
      "В среду в Алматы открылась новая детская библиотека, и в первый же день в неё пришли "
      "больше двухсот школьников из соседних районов города, чтобы записаться и взять книги "
      "на казахском и русском языках, которых в её фондах теперь больше десяти тысяч, а "
      "читальный зал работает с девяти утра до семи вечера.";
  ASSERT_GT(analyzers::count_code_points(long_paragraph), kMaxPageDumpTitleChars);
  struct Case {
    const char* name;
    std::string content;
    std::string title;
    std::string body;
  };
  const Case cases[] = {
      {"title, footer, no body",
       "Общество\n\n14 Марта, 2019\n\n1 234\n\nЗаголовок\n\nВозврат к списку\n", "Заголовок", ""},
      {"title, no body, no footer", "Общество\n\n14 Марта, 2019\n\nЗаголовок\nв две строки\n",
       "Заголовок в две строки", ""},
      {"a long first block is a body",
       "Общество\n\n14 Марта, 2019\n\n1 234\n\n" + long_paragraph + "\n\nВторой абзац.\n", "",
       long_paragraph + "\n\nВторой абзац."},
      {"a long block alone is a body", "Общество\n\n14 Марта, 2019\n\n" + long_paragraph + "\n", "",
       long_paragraph},
      {"a short first block stays the title",
       "Общество\n\n14 Марта, 2019\n\nЗаголовок\n\n" + long_paragraph + "\n", "Заголовок",
       long_paragraph},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto article = parse_page_dump(c.content);
    ASSERT_TRUE(article.has_value()) << article.error().message;
    EXPECT_EQ(article->title, c.title);
    EXPECT_EQ(article->body, c.body);
    EXPECT_EQ(article->date->to_iso(), "2019-03-14");
    const auto prepared = corpus::prepare_article(*article);
    ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
    EXPECT_EQ(prepared->language, analyzers::Language::kRussian);
  }
}

struct ErrorCase {
  const char* name;
  std::string_view content;
  std::string_view reason;
};

constexpr ErrorCase kErrors[] = {
    {"empty", "", "empty file"},
    {"blank", " \r\n\t\n\xC2\xA0\n", "empty file"},
    {"no date", "Общество\n\n1 234\n\nЗаголовок\n\nТекст.\n", "no date line"},
    {"date too late", "Общество\n\nЗаголовок\n\n01.07.2021\n\nТекст.\n", "no date line"},
    {"impossible date", "Общество\n\n31.02.2021\n\nЗаголовок\n\nТекст.\n", "no date line"},
    {"only a section", "Общество\n", "no date line"},
    {"only the footer", "Общество\n\n14 Марта, 2019\n\n1 234\n\nВозврат к списку\nПоделиться\n",
     "no title or body text"},
    {"nothing after date", "Общество\n\n14 Марта, 2019\n\n", "no title or body text"},
    {"nothing after views", "Общество\n\n14 Марта, 2019\n\n1 234\n", "no title or body text"},
    {"invalid utf-8", "Общество\n\n14 Марта, 2019\n\nЗаг\xD0\n\nТекст.\n",
     "invalid utf-8 at byte 45"},
};

TEST(PageDumpReaderTest, ReportsWhyADumpDoesNotFit) {
  for (const auto& c : kErrors) {
    SCOPED_TRACE(c.name);
    const auto article = parse_page_dump(c.content);
    ASSERT_FALSE(article.has_value());
    EXPECT_EQ(article.error().message, c.reason);
    EXPECT_EQ(article.error().code, corpus::ErrorCode::kDataLoss);
  }
}

TEST(PageDumpReaderTest, ParsesViewCounts) {
  struct Case {
    std::string_view line;
    std::optional<std::int64_t> views;
  };
  constexpr Case kCases[] = {
      {"0", 0},
      {"87", 87},
      {"1 234", 1234},
      {"12 345 678", 12345678},
      {"999999999999999999", 999999999999999999},
      {"1000000000000000000", std::nullopt},  // 19 digits
      {"", std::nullopt},
      {"1  234", std::nullopt},
      {" 12", std::nullopt},
      {"12 ", std::nullopt},
      {"1,234", std::nullopt},
      {"-5", std::nullopt},
      {"1 234 просмотра", std::nullopt},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(parse_view_count(c.line), c.views);
  }
}

TEST(PageDumpReaderTest, RecognizesTheFooter) {
  for (const char* line :
       {"Возврат к списку", "возврат к списку", "ВОЗВРАТ К СПИСКУ", "← Возврат к списку",
        "«Возврат к списку»", "Тізімге қайту", "ТІЗІМГЕ ҚАЙТУ", "Тізімге қайту."}) {
    SCOPED_TRACE(line);
    EXPECT_TRUE(is_page_dump_footer(line));
  }
  for (const char* line : {"", "Возврат", "Возврат к списку новостей", "Тізімге", "←"}) {
    SCOPED_TRACE(line);
    EXPECT_FALSE(is_page_dump_footer(line));
  }
}

}  // namespace
}  // namespace izdeu::formats
