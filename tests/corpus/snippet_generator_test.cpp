#include "corpus/snippet_generator.h"

#include <gtest/gtest.h>

#include "analyzers/utf8.h"
#include "corpus/query_builder.h"

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

}  // namespace
}  // namespace izdeu::corpus
