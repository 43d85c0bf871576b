// Pins the Kazakh stemmer's output on a vocabulary, so that any change shows
// up as a reviewable diff: tests/golden/analyzers/kazakh/voc.txt holds one
// word a line (the dev set's words plus frequent KazNERD news words), and
// output.txt the stem of each, line for line. Regenerate output.txt with
// IZDEU_UPDATE_GOLDEN=1 and review the diff like code.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/stemmers/kazakh_stemmer.h"
#include "tests/support/golden_file.h"

namespace izdeu::analyzers {
namespace {

const char* const kVocPath = IZDEU_SOURCE_DIR "/tests/golden/analyzers/kazakh/voc.txt";
const char* const kOutputPath = IZDEU_SOURCE_DIR "/tests/golden/analyzers/kazakh/output.txt";

std::vector<std::string> read_lines(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(KazakhStemmerGoldenTest, MatchesGoldenFile) {
  const std::vector<std::string> words = read_lines(kVocPath);
  ASSERT_GE(words.size(), 500U) << "cannot read " << kVocPath;
  const KazakhStemmer stemmer;
  std::vector<std::string> actual;
  actual.reserve(words.size());
  for (const std::string& word : words) actual.push_back(stemmer.stem(word));

  if (testing::updating_golden_files()) {
    std::string text;
    for (const std::string& stem : actual) text += stem + '\n';
    ASSERT_TRUE(testing::write_golden_file(kOutputPath, text)) << "cannot write " << kOutputPath;
    GTEST_SKIP() << "rewrote " << kOutputPath << "; review the diff";
  }

  const std::vector<std::string> expected = read_lines(kOutputPath);
  ASSERT_EQ(expected.size(), words.size())
      << kOutputPath << " and " << kVocPath << " differ in length; rerun with "
      << "IZDEU_UPDATE_GOLDEN=1 and review the diff";
  std::ostringstream diff;
  int differences = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (expected[i] != actual[i]) {
      ++differences;
      diff << "  " << words[i] << ": expected \"" << expected[i] << "\", got \"" << actual[i]
           << "\"\n";
    }
  }
  EXPECT_EQ(differences, 0) << "stems differ from " << kOutputPath << ":\n"
                            << diff.str()
                            << "If the change is intended, rerun with IZDEU_UPDATE_GOLDEN=1 "
                               "and review the diff of the golden file.";
}

}  // namespace
}  // namespace izdeu::analyzers
