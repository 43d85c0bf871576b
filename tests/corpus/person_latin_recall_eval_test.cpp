// Latin-query recall (issue 16): the people of real text
// (../shared/corpus/raw: factRuEval-2016, NTREX-128, KazNERD, as
// tests/support/real_text_archive.h turns them into articles), indexed with
// the people the recognizer gives, asked for by surname in Cyrillic and in
// Latin letters. For every Cyrillic surname of a person key, the articles
// person_filter finds for the surname as a key word («токаев») are compared
// with those it finds for the surname romanized:
//   - English/press style (BGN/PCGN-like: Токаев -> Tokayev, Жумабеков ->
//     Zhumabekov, Хан -> Khan), and
//   - the Kazakh 2021 Latin alphabet (Тоқаев -> Toqaev, Шәріпов -> Şäripov:
//     the surname's Kazakh spelling as the article wrote it).
// Recall = found in Latin / found in Cyrillic, summed over surnames. The
// romanizers below are written for this test, independently of
// analyzers/people/latin_names.cpp.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzers/people/name_tokenizer.h"
#include "analyzers/people/person_recognizer.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"
#include "corpus/index/index_writer.h"
#include "corpus/index/prepare.h"
#include "corpus/query/entity_filters.h"
#include "tests/support/real_text_archive.h"
#include "tests/support/temp_dir.h"

namespace izdeu::corpus {
namespace {

// Measured when set (BENCHMARKS.md, "People"); floors sit just under.
constexpr double kMinEnglishRecall = 0.89;
constexpr double kMinKazakhLatinRecall = 0.91;

bool vowel(char32_t c) {
  return std::u32string_view(U"аеёиоуыэюяәөұүі").find(c) != std::u32string_view::npos;
}

// Russian and Kazakh Cyrillic -> English press romanization.
std::string english(std::string_view word) {
  std::u32string w;
  analyzers::for_each_code_point(word, [&](char32_t c, std::size_t, std::size_t) { w += c; });
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char32_t c = w[i];
    const bool after_vowel = i == 0 || vowel(w[i - 1]) || w[i - 1] == U'-';
    switch (c) {
      case U'а':
      case U'ә':
        out += "a";
        break;
      case U'б':
        out += "b";
        break;
      case U'в':
        out += "v";
        break;
      case U'г':
      case U'ғ':
        out += "g";
        break;
      case U'д':
        out += "d";
        break;
      case U'е':
        out += after_vowel ? "ye" : "e";
        break;
      case U'ё':
        out += "yo";
        break;
      case U'ж':
        out += "zh";
        break;
      case U'з':
        out += "z";
        break;
      case U'и':
      case U'і':
        out += "i";
        break;
      case U'й':
        out += "y";
        break;
      case U'к':
      case U'қ':
        out += "k";
        break;
      case U'л':
        out += "l";
        break;
      case U'м':
        out += "m";
        break;
      case U'н':
      case U'ң':
        out += "n";
        break;
      case U'о':
      case U'ө':
        out += "o";
        break;
      case U'п':
        out += "p";
        break;
      case U'р':
        out += "r";
        break;
      case U'с':
        out += "s";
        break;
      case U'т':
        out += "t";
        break;
      case U'у':
      case U'ұ':
      case U'ү':
        out += "u";
        break;
      case U'ф':
        out += "f";
        break;
      case U'х':
      case U'һ':
        out += "kh";
        break;
      case U'ц':
        out += "ts";
        break;
      case U'ч':
        out += "ch";
        break;
      case U'ш':
        out += "sh";
        break;
      case U'щ':
        out += "shch";
        break;
      case U'ы':
        out += "y";
        break;
      case U'э':
        out += "e";
        break;
      case U'ю':
        out += "yu";
        break;
      case U'я':
        out += "ya";
        break;
      case U'ъ':
      case U'ь':
        break;
      case U'-':
        out += "-";
        break;
      default:
        return {};
    }
  }
  if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// Kazakh Cyrillic -> the 2021 Kazakh Latin alphabet (language.md §1.2).
std::string kazakh_2021(std::string_view word) {
  std::string out;
  bool ok = true;
  analyzers::for_each_code_point(word, [&](char32_t c, std::size_t, std::size_t) {
    switch (c) {
      case U'а':
        out += "a";
        break;
      case U'ә':
        out += "ä";
        break;
      case U'б':
        out += "b";
        break;
      case U'в':
        out += "v";
        break;
      case U'г':
        out += "g";
        break;
      case U'ғ':
        out += "ğ";
        break;
      case U'д':
        out += "d";
        break;
      case U'е':
      case U'э':
        out += "e";
        break;
      case U'ж':
        out += "j";
        break;
      case U'з':
        out += "z";
        break;
      case U'и':
      case U'й':
        out += "i";
        break;
      case U'к':
        out += "k";
        break;
      case U'қ':
        out += "q";
        break;
      case U'л':
        out += "l";
        break;
      case U'м':
        out += "m";
        break;
      case U'н':
        out += "n";
        break;
      case U'ң':
        out += "ñ";
        break;
      case U'о':
        out += "o";
        break;
      case U'ө':
        out += "ö";
        break;
      case U'п':
        out += "p";
        break;
      case U'р':
        out += "r";
        break;
      case U'с':
        out += "s";
        break;
      case U'т':
        out += "t";
        break;
      case U'у':
        out += "u";
        break;
      case U'ұ':
        out += "ū";
        break;
      case U'ү':
        out += "ü";
        break;
      case U'ф':
        out += "f";
        break;
      case U'х':
      case U'һ':
        out += "h";
        break;
      case U'ц':
        out += "ts";
        break;
      case U'ч':
        out += "ch";
        break;
      case U'ш':
        out += "ş";
        break;
      case U'щ':
        out += "şş";
        break;
      case U'ы':
        out += "y";
        break;
      case U'і':
        out += "ı";
        break;
      case U'ю':
        out += "iu";
        break;
      case U'я':
        out += "ia";
        break;
      case U'ъ':
      case U'ь':
        break;
      case U'-':
        out += "-";
        break;
      default:
        ok = false;
    }
  });
  return ok ? out : std::string();
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const std::string& name) {
  Xapian::Enquire enquire(db);
  enquire.set_query(person_filter(name));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::set<Xapian::docid> out;
  for (const auto& id : enquire.get_mset(0, db.get_doccount())) out.insert(id);
  return out;
}

TEST(PersonLatinRecallEvalTest, LatinQueriesFindWhatCyrillicOnesFind) {
  auto raw = testing::real_text_articles();
  ASSERT_TRUE(raw) << raw.error().message;
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer) << writer.error().message;
  // Cyrillic surname key word -> its spellings in the text (for Kazakh Latin).
  std::map<std::string, std::set<std::string>> surnames;
  for (RawArticle& article : *raw) {
    auto prepared = prepare_document(std::move(article));
    if (!prepared) continue;
    ASSERT_TRUE(writer->add_or_replace(prepared->article.id, prepared->document));
    const Article& a = prepared->article;
    for (const auto& m : analyzers::find_people(a.title + "\n\n" + a.body, a.language)) {
      if (m.key.empty() || m.surname.empty() || m.surname.find(' ') != std::string::npos) continue;
      if (static_cast<unsigned char>(m.surname[0]) < 0x80) continue;  // a Latin key
      // The surface's own surname word, when it is the nominative as keyed.
      for (const auto& w : analyzers::name_words(m.surface)) {
        if (w.folded == m.surname) {
          surnames[m.surname].insert(
              analyzers::to_lower_utf8(m.surface.substr(w.begin, w.end - w.begin)));
        }
      }
      surnames[m.surname];
    }
  }
  ASSERT_TRUE(writer->commit());
  Xapian::Database db(dir.str());
  std::size_t cyrillic = 0, by_english = 0, kazakh_cyrillic = 0, by_kazakh = 0, names = 0;
  for (const auto& [surname, spellings] : surnames) {
    const std::set<Xapian::docid> want = matches(db, surname);
    if (want.empty()) continue;
    ++names;
    const std::set<Xapian::docid> got = matches(db, english(surname));
    std::size_t found = 0;
    for (auto id : want) found += got.contains(id);
    cyrillic += want.size();
    by_english += found;
    if (found < want.size() && std::getenv("IZDEU_EVAL_VERBOSE")) {
      std::cout << "LATIN-MISS " << surname << " as " << english(surname) << "\n";
    }
    // The Kazakh spelling the text used, when it has Kazakh letters.
    for (const std::string& spelling : spellings) {
      if (spelling == surname) continue;
      const std::set<Xapian::docid> kk = matches(db, kazakh_2021(spelling));
      std::size_t kk_found = 0;
      for (auto id : want) kk_found += kk.contains(id);
      kazakh_cyrillic += want.size();
      by_kazakh += kk_found;
      if (kk_found < want.size() && std::getenv("IZDEU_EVAL_VERBOSE")) {
        std::cout << "KAZLAT-MISS " << spelling << " as " << kazakh_2021(spelling) << "\n";
      }
      break;
    }
  }
  const double english_recall = cyrillic ? static_cast<double>(by_english) / cyrillic : 0;
  const double kazakh_recall =
      kazakh_cyrillic ? static_cast<double>(by_kazakh) / kazakh_cyrillic : 0;
  std::cout << "Latin person queries, " << names << " Cyrillic surnames, " << cyrillic
            << " articles found in Cyrillic\n"
            << "  English/press Latin: " << english_recall << " (" << by_english << "/" << cyrillic
            << ")\n"
            << "  Kazakh 2021 Latin (surnames with Kazakh letters): " << kazakh_recall << " ("
            << by_kazakh << "/" << kazakh_cyrillic << ")\n";
  ASSERT_GT(names, 500u);
  EXPECT_GE(english_recall, kMinEnglishRecall);
  EXPECT_GE(kazakh_recall, kMinKazakhLatinRecall);
}

}  // namespace
}  // namespace izdeu::corpus
