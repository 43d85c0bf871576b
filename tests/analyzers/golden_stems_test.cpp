// Pins the stems of a vocabulary of Russian and Kazakh words, so that any
// change to the analysis shows up as a reviewable diff of
// tests/golden/analyzers/stems_ru_kk.txt.
//
// File format: "# ..." comment lines, "[ru]" / "[kk]" section lines choosing
// the analyzer, and "word<TAB>stem" lines ("-" for no stem). The word is
// analyzed as text (capitalization matters: "Токаева" is a name).
// Regenerate with IZDEU_UPDATE_GOLDEN=1 and review the diff like code.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "tests/support/golden_file.h"

namespace izdeu::analyzers {
namespace {

const char* const kGoldenPath = IZDEU_SOURCE_DIR "/tests/golden/analyzers/stems_ru_kk.txt";

std::string stems_of(Language language, std::string_view word) {
  std::string out;
  for (const Token& token : analyzer_for(language).analyze(word)) {
    if (!out.empty()) out += ' ';
    out += token.stem.empty() ? std::string("-") : token.stem;
  }
  return out.empty() ? std::string("-") : out;
}

// The file as it should be: every stem recomputed, everything else kept.
std::string regenerate(const std::string& golden) {
  std::istringstream lines(golden);
  std::string out;
  Language language = Language::kRussian;
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) {
      if (line == "[ru]") language = Language::kRussian;
      if (line == "[kk]") language = Language::kKazakh;
      out += line + '\n';
      continue;
    }
    const std::string word = line.substr(0, tab);
    out += word + '\t' + stems_of(language, word) + '\n';
  }
  return out;
}

TEST(GoldenStemsTest, MatchesGoldenFile) {
  const auto read = testing::read_golden_file(kGoldenPath);
  ASSERT_TRUE(read) << "cannot read " << kGoldenPath;
  const std::string& golden = *read;
  const std::string actual = regenerate(golden);

  if (testing::updating_golden_files()) {
    ASSERT_TRUE(testing::write_golden_file(kGoldenPath, actual)) << "cannot write " << kGoldenPath;
    GTEST_SKIP() << "rewrote " << kGoldenPath << "; review the diff";
  }

  std::istringstream expected_lines(golden);
  std::istringstream actual_lines(actual);
  std::string expected_line;
  std::string actual_line;
  std::ostringstream diff;
  int differences = 0;
  for (int number = 1;
       std::getline(expected_lines, expected_line) && std::getline(actual_lines, actual_line);
       ++number) {
    if (expected_line != actual_line) {
      ++differences;
      diff << "  line " << number << ": expected \"" << expected_line << "\", got \"" << actual_line
           << "\"\n";
    }
  }
  EXPECT_EQ(differences, 0) << "stems differ from " << kGoldenPath << ":\n"
                            << diff.str()
                            << "If the change is intended, rerun with IZDEU_UPDATE_GOLDEN=1 "
                               "and review the diff of the golden file.";
}

}  // namespace
}  // namespace izdeu::analyzers
