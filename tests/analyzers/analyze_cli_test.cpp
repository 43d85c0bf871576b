// Runs the real izdeu-analyze binary on stdin.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace {

struct Output {
  int exit_code = -1;
  std::string text;
};

Output analyze(const std::string& args, const std::string& input) {
  izdeu::testing::TempDir dir;
  const std::string input_path = (dir.path() / "input.txt").string();
  std::ofstream(input_path, std::ios::binary) << input;
  auto result = izdeu::testing::run_command(std::string(IZDEU_ANALYZE_BINARY) + " " + args +
                                            " < '" + input_path + "'");
  return {result.exit_code, result.output};
}

TEST(AnalyzeCliTest, StemModePrintsWordTabStemInInputOrder) {
  const Output out = analyze("--stem", "Токаева Токаеву\nҚазақстанның\n");
  EXPECT_EQ(out.exit_code, 0) << out.text;
  EXPECT_EQ(out.text, "Токаева\tтокаев\nТокаеву\tтокаев\nҚазақстанның\tқазақстан\n");
}

TEST(AnalyzeCliTest, TokenModeShowsEveryTerm) {
  const Output out = analyze("--lang ru", "Память Сапарова\n");
  EXPECT_EQ(out.exit_code, 0) << out.text;
  EXPECT_NE(out.text.find("1\tсапарова\tstem=сапаров"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("lang=ru"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("capitalized"), std::string::npos) << out.text;
}

TEST(AnalyzeCliTest, LanguageFlagChoosesTheAnalyzer) {
  const Output kk = analyze("--lang kk", "мектептерде\n");
  EXPECT_NE(kk.text.find("lang=kk"), std::string::npos) << kk.text;
  const Output en = analyze("--lang en", "meetings\n");
  EXPECT_NE(en.text.find("lang=en"), std::string::npos) << en.text;
  const Output bad = analyze("--lang de", "x\n");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.text.find("usage:"), std::string::npos);
}

}  // namespace
