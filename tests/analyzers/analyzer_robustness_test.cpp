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
