#include "corpus/search/snippet_generator.h"

#include <gtest/gtest.h>

#include "analyzers/utf8.h"
#include "corpus/query/query_builder.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;

MatchTerms terms_for(const std::string& query) {
  auto built = build_query({.query = query});
  EXPECT_TRUE(built);
  return built->match_terms;
}

TEST(SnippetGeneratorTest, EscapesHtml) {
  EXPECT_EQ(html_escape(R"(<b>"A&B"</b> 'x')"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;");
}

TEST(SnippetGeneratorTest, MakesATitleFromTheBodysFirstWords) {
  const std::string long_word(100, 'x');
  struct Case {
    const char* name;
    std::string body;
    std::string title;
  };
  const Case cases[] = {
      {"short body whole", "Мост открыт.", "Мост открыт."},
      {"paragraphs and spaces collapse", "  Мост\u00a0открыт.\n\nДвижение начато. ",
       "Мост открыт. Движение начато."},
      {"ten words at most", "один два три четыре пять шесть семь восемь девять десять одиннадцать",
       "один два три четыре пять шесть семь восемь девять десять…"},
      {"80 characters at most, cut between words",
       "Аким Павлодарской области торжественно открыл долгожданный автомобильный мост "
       "через Иртыш",
       "Аким Павлодарской области торжественно открыл долгожданный автомобильный мост…"},
      {"a dangling comma or dash is dropped before the ellipsis",
       "Астана, 1 июля — В столице открылась новая большая школа, в которой будут учиться",
       "Астана, 1 июля — В столице открылась новая большая школа…"},
      {"dash at the cut", "один два три четыре пять шесть семь восемь девять — десять",
       "один два три четыре пять шесть семь восемь девять…"},
      {"one overlong word is cut inside", long_word, std::string(80, 'x') + "…"},
      {"blank", " \n\n ", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string title = generated_title(c.body);
    EXPECT_EQ(title, c.title);
    EXPECT_LE(analyzers::count_code_points(title), kGeneratedTitleChars + 1);
  }
  // Only the start of a long body is read, and the cut stays valid UTF-8.
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "Қ";
  const std::string title = generated_title(body);
  EXPECT_EQ(title, [] {
    std::string expected;
    for (int i = 0; i < 80; ++i) expected += "Қ";
    return expected + "…";
  }());
}

TEST(SnippetGeneratorTest, MarksInflectedAndCaseFoldedForms) {
  const std::string text = "Жители почтили память Сапарова Ерлана Нуртаевича в субботу.";
  const std::string snippet =
      make_snippet(text, Language::kRussian, terms_for("ерлан сапаров"), 200);
  EXPECT_NE(snippet.find("<mark>Сапарова</mark>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>Ерлана</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<mark>Жители"), std::string::npos) << snippet;
}

TEST(SnippetGeneratorTest, EscapesTextAroundMarks) {
  const std::string text = "Школа <№5> & медиация";
  const std::string snippet = make_snippet(text, Language::kRussian, terms_for("медиация"), 200);
  EXPECT_EQ(snippet, "Школа &lt;№5&gt; &amp; <mark>медиация</mark>");
}

TEST(SnippetGeneratorTest, PicksThePassageWithTheMatches) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Вводный абзац без нужных слов. ";
  text += "Совет матерей провёл медиацию в школе.";
  for (int i = 0; i < 60; ++i) text += " Заключительный текст.";
  const std::string snippet =
      make_snippet(text, Language::kRussian, terms_for("медиация совет"), 120);
  EXPECT_NE(snippet.find("<mark>медиацию</mark>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>Совет</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.rfind("…", 0), 0u) << "cut at the start: " << snippet;
  EXPECT_LT(snippet.size(), 120u * 2 + 80);
}

TEST(SnippetGeneratorTest, ParagraphBreaksBecomeOneSpace) {
  const std::string snippet = make_snippet("Первый абзац.\n\nВторой абзац про медиацию.",
                                           Language::kRussian, terms_for("медиация"), 200);
  EXPECT_EQ(snippet, "Первый абзац. Второй абзац про <mark>медиацию</mark>.");
}

TEST(SnippetGeneratorTest, WithoutMatchesShowsTheStart) {
  const std::string snippet =
      make_snippet("Первое предложение. Второе.", Language::kRussian, terms_for("выборы"), 12);
  EXPECT_EQ(snippet.rfind("Первое", 0), 0u) << snippet;
  EXPECT_NE(snippet.find("…"), std::string::npos);
}

TEST(SnippetGeneratorTest, NeverCutsInsideAWordOrAUtf8Sequence) {
  const std::string text = "Қазақстан халқы Ассамблеясының сессиясы өтті";
  for (std::size_t chars = 1; chars < 50; ++chars) {
    const std::string snippet = make_snippet(text, Language::kKazakh, terms_for("сессия"), chars);
    std::size_t i = 0;
    bool valid = true;
    while (i < snippet.size()) {
      const std::size_t before = i;
      if (analyzers::decode_utf8(snippet, i) == analyzers::kReplacementCharacter) valid = false;
      if (i == before) break;
    }
    EXPECT_TRUE(valid) << chars << ": " << snippet;
  }
}

TEST(SnippetGeneratorTest, MarksTransliteratedAndLetterFoldedForms) {
  // A Latin query matched the Kazakh and Russian spellings through their
  // loose keys; the snippet marks what matched, inflected forms included.
  const std::string kk = "Мемлекет басшысы Тоқаев облысқа келді. Тоқаевтың сапары.";
  const std::string snippet = make_snippet(kk, Language::kKazakh, terms_for("Tokayev"), 200);
  EXPECT_NE(snippet.find("<mark>Тоқаев</mark> облысқа"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>Тоқаевтың</mark>"), std::string::npos) << snippet;
  const std::string ru = "Президент Токаев посетил область.";
  EXPECT_EQ(make_snippet(ru, Language::kRussian, terms_for("Тоқаев"), 200),
            "Президент <mark>Токаев</mark> посетил область.");
}

TEST(SnippetGeneratorTest, FarApartWordsGetAPassageEach) {
  std::string text = "Совет матерей собрался утром.";
  for (int i = 0; i < 40; ++i) text += " Вводный текст без нужных слов.";
  text += " Вечером прошла медиация в школе.";
  for (int i = 0; i < 40; ++i) text += " Заключительный текст.";
  const std::string snippet =
      make_snippet(text, Language::kRussian, terms_for("совет медиация"), 200);
  EXPECT_NE(snippet.find("<mark>Совет</mark>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>медиация</mark>"), std::string::npos) << snippet;
  const std::size_t join = snippet.find(" … ");
  ASSERT_NE(join, std::string::npos) << snippet;
  EXPECT_LT(snippet.find("Совет"), join);
  EXPECT_GT(snippet.find("медиация"), join);
  EXPECT_EQ(snippet.rfind("…"), snippet.size() - std::string("…").size()) << "cut at the end";
  // Both passages together stay near the length asked for.
  EXPECT_LT(analyzers::sanitize_utf8(snippet).size(), 2 * (200 + 80));

  // One passage only: the first word's.
  const std::string one =
      make_snippet(text, Language::kRussian, terms_for("совет медиация"), 200, 1);
  EXPECT_EQ(one.find(" … "), std::string::npos) << one;
  EXPECT_NE(one.find("<mark>"), std::string::npos) << one;
}

TEST(SnippetGeneratorTest, OnePassageWhenItShowsEveryWord) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Текст без нужных слов. ";
  text += "Совет матерей провёл медиацию.";
  for (int i = 0; i < 30; ++i) text += " Ещё текст.";
  const std::string snippet =
      make_snippet(text, Language::kRussian, terms_for("совет медиация"), 150);
  EXPECT_EQ(snippet.find(" … "), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>Совет</mark> матерей провёл <mark>медиацию</mark>"),
            std::string::npos)
      << snippet;
}

TEST(SnippetGeneratorTest, HighlightMarksEveryMatchOfAWholeTitle) {
  EXPECT_EQ(highlight("Сессия Ассамблеи & сессии <2021>", Language::kRussian, terms_for("сессия")),
            "<mark>Сессия</mark> Ассамблеи &amp; <mark>сессии</mark> &lt;2021&gt;");
  EXPECT_EQ(highlight("Без совпадений", Language::kRussian, terms_for("сессия")), "Без совпадений");
}

}  // namespace
}  // namespace izdeu::corpus
