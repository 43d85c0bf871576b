// Arbitrary input must never crash the analyzers, and the invariants the
// index relies on must hold: offsets within the input, positions increasing,
// token texts non-empty, valid UTF-8 and at most kMaxTokenBytes long.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/filters/length_filter.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

void expect_invariants(std::string_view input, const std::vector<Token>& tokens) {
  bool first = true;
  std::uint32_t previous_position = 0;
  std::uint32_t previous_end = 0;
  for (const Token& token : tokens) {
    ASSERT_FALSE(token.text.empty());
    ASSERT_LE(token.text.size(), kMaxTokenBytes);
    ASSERT_EQ(sanitize_utf8(token.text), token.text) << "token text is not valid UTF-8";
    ASSERT_LT(token.byte_begin, token.byte_end);
    ASSERT_LE(token.byte_end, input.size());
    ASSERT_GE(token.byte_begin, previous_end) << "tokens overlap";
    if (!first) {
      ASSERT_GT(token.position, previous_position);
    }
    first = false;
    previous_position = token.position;
    previous_end = token.byte_end;
  }
}

void analyze_with_both(std::string_view input) {
  for (Language language : {Language::kKazakh, Language::kRussian}) {
    const Analyzer& analyzer = analyzer_for(language);
    const auto tokens = analyzer.analyze(input);
    expect_invariants(input, tokens);
    for (const Token& token : tokens) (void)analyzer.query_stems(token);
  }
}

// Pieces the random generator glues together: scripts, combining marks,
// the characters the tokenizer special-cases, emoji and broken sequences.
const std::vector<std::string> kPieces = {
    "Қазақстан",
    "мектептерімізде",
    "Токаева",
    " ",
    "-",
    "\u00AD",
    "\u200B",
    "\u2019",
    "\u0301",
    "\u0130",
    "\u018F",
    "\u04CA",
    "ё",
    "🙂",
    "👨‍👩‍👧",
    "中文",
    "العربية",
    "1,5",
    ".",
    "'",
    "\n",
    "\xFF",
    "\xC3",
    "\xE2\x82",
    "\xF0\x9F",
    "\xED\xA0\x80",
    "\xC0\xAF",
    std::string(1, '\0'),
    "ﬁ",
    "ＱＡＺ",
    "\U0001D400",
};

TEST(AnalyzerRobustnessTest, RandomInputKeepsInvariants) {
  std::mt19937 random(20240611);  // fixed seed: failures are reproducible
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 60);
  for (int round = 0; round < 300; ++round) {
    std::string input;
    const int pieces = length(random);
    for (int i = 0; i < pieces; ++i) {
      if (random() % 4 == 0) {
        input.push_back(static_cast<char>(byte(random)));
      } else {
        input += kPieces[piece(random)];
      }
    }
    SCOPED_TRACE(::testing::Message() << "round " << round);
    analyze_with_both(input);
    if (HasFatalFailure()) return;
  }
}

TEST(AnalyzerRobustnessTest, RandomBytesKeepInvariants) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string input(20000, '\0');
  for (char& c : input) c = static_cast<char>(byte(random));
  analyze_with_both(input);
}

TEST(AnalyzerRobustnessTest, HugeInputsAreFastAndDropJunkWords) {
  const auto start = std::chrono::steady_clock::now();
  std::string long_word;
  for (int i = 0; i < 100000; ++i) long_word += "қ";
  const std::string text = "алма " + long_word + " алма";
  const auto tokens = analyzer_for(Language::kKazakh).analyze(text);
  expect_invariants(text, tokens);
  ASSERT_EQ(tokens.size(), 2u);       // the 100,000-letter word is dropped
  EXPECT_EQ(tokens[1].position, 2u);  // and leaves a gap

  const std::string megabyte(1 << 20, 'a');
  const auto one_letter = analyzer_for(Language::kRussian).analyze(megabyte);
  expect_invariants(megabyte, one_letter);
  EXPECT_TRUE(one_letter.empty());

  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
}

// Runs `f` and expects it to take less than `limit_ms`. The limits are about
// 4x what an idle machine needs in a Debug build (so parallel test runs do
// not make them flaky); a quadratic blow-up would take minutes.
template <typename F>
void expect_fast(F&& f, long limit_ms, const char* what) {
  const auto start = std::chrono::steady_clock::now();
  f();
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - start)
                           .count();
  EXPECT_LT(elapsed, limit_ms) << what;
}

TEST(AnalyzerRobustnessTest, InvalidUtf8KeepsInvariants) {
  const std::vector<std::string> inputs = {
      "\xFF\xFE",
      "\xC3",
      "\xE2\x82",
      "\xF0\x9F\x98",
      "\xED\xA0\x80сөз",
      "\xC0\xAF\xC1\xBF",
      "\xF8\x88\x80\x80\x80",
      "\xF4\x90\x80\x80",
      "Нур-\xFFСултан",
      "Л.\xFF.Ю",
      "1\xC2\xA0\xC2"
      "000",
      "XX\xD0VI",
      "\xD0",
      "а\xD0",
      std::string(1000, '\x80'),
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    analyze_with_both(input);
  }
}

TEST(AnalyzerRobustnessTest, QuarterMegabyteOfRandomBytes) {
  std::mt19937 random(11);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string input(1 << 18, '\0');
  for (char& c : input) c = static_cast<char>(byte(random));
  expect_fast([&] { analyze_with_both(input); }, 5000, "256 KB of random bytes");
}

TEST(AnalyzerRobustnessTest, OneMegabyteTokens) {
  std::string cyrillic;
  while (cyrillic.size() < (1u << 20)) cyrillic += "ж";
  std::string initials;  // "Л.Ю.Л.Ю...": one ICU word
  while (initials.size() < (1u << 20)) initials += "Л.";
  std::string numeral(1 << 20, 'X');
  std::string digits = "1";  // "1 000 000 ..." with U+00A0: one number token
  while (digits.size() < (1u << 20)) digits += "\u00A0000";
  for (const std::string* input : {&cyrillic, &initials, &numeral, &digits}) {
    expect_fast([&] { analyze_with_both(*input); }, 5000, "1 MB token");
  }
}

TEST(AnalyzerRobustnessTest, LongHyphenChain) {
  std::string hyphens;  // one hyphen chain of 64,000 one-letter parts: no alias
  while (hyphens.size() < (1u << 18)) hyphens += "а-";
  expect_fast(
      [&] {
        const auto tokens = analyzer_for(Language::kRussian).analyze(hyphens);
        expect_invariants(hyphens, tokens);
        ASSERT_FALSE(tokens.empty());
        EXPECT_TRUE(tokens[0].aliases.empty());
      },
      5000, "hyphen chain");
}

TEST(AnalyzerRobustnessTest, HundredThousandCharacterWord) {
  std::string word;
  for (int i = 0; i < 100000; ++i) word += (i % 2 ? "x" : "х");  // Latin and Cyrillic alternate
  expect_fast(
      [&] {
        for (Language language : {Language::kKazakh, Language::kRussian}) {
          const auto tokens = analyzer_for(language).analyze(word);
          expect_invariants(word, tokens);
          EXPECT_TRUE(tokens.empty());
        }
      },
      5000, "100,000-character word");
}

TEST(AnalyzerRobustnessTest, TenMegabytesOfOneLetter) {
  const std::string text(10 << 20, 'a');
  expect_fast(
      [&] {
        const auto tokens = analyzer_for(Language::kKazakh).analyze(text);
        expect_invariants(text, tokens);
        EXPECT_TRUE(tokens.empty());
      },
      6000, "10 MB of one letter");
}

TEST(AnalyzerRobustnessTest, AnalyzersCanBeSharedBetweenThreads) {
  std::vector<std::string> stems(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < stems.size(); ++t) {
    threads.emplace_back([&stems, t] {
      for (int i = 0; i < 200; ++i) {
        const auto tokens = analyzer_for(t % 2 ? Language::kKazakh : Language::kRussian)
                                .analyze("Токаева Қазақстандағы running Сапаровым");
        std::string joined;
        for (const Token& token : tokens) joined += token.stem + ' ';
        stems[t] = joined;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(stems[0], stems[2]);
  EXPECT_EQ(stems[1], stems[3]);
  EXPECT_EQ(stems[0], "токаев қазақстан run сапаров ");
}

}  // namespace
}  // namespace izdeu::analyzers
