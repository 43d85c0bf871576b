// scripts/gen-corpus: the same seed gives the same bytes whatever the number
// of processes; another seed gives another corpus; every line is an article
// izdeu-indexer accepts; both languages and declined names are present.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "indexer/jsonl_reader.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace izdeu::indexer {
namespace {

using testing::TempDir;

const std::string kGenerator = std::string(IZDEU_SOURCE_DIR) + "/scripts/gen-corpus";
const std::string kWordlists = std::string(IZDEU_SHARED_DIR) + "/bench/peers/wordlists";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

class CorpusGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kWordlists + "/ru.txt.gz")) {
      GTEST_SKIP() << "no word lists at " << kWordlists;
    }
  }

  // Runs the generator; returns {corpus, queries}.
  std::pair<std::string, std::string> generate(int n, int seed, int jobs) {
    const auto out = dir_.path() / ("c-" + std::to_string(n) + "-" + std::to_string(seed) + "-" +
                                    std::to_string(jobs));
    const auto run = testing::run_command("python3 " + kGenerator + " " + std::to_string(n) + " " +
                                          out.string() + ".jsonl" + " --queries " + out.string() +
                                          ".txt --seed " + std::to_string(seed) + " --jobs " +
                                          std::to_string(jobs) + " --wordlists " + kWordlists);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return {read_file(out.string() + ".jsonl"), read_file(out.string() + ".txt")};
  }

  TempDir dir_;
};

TEST_F(CorpusGeneratorTest, SameSeedSameBytesWhateverTheNumberOfJobs) {
  const auto one_job = generate(600, 7, 1);  // three blocks of 250 articles
  const auto two_jobs = generate(600, 7, 2);
  EXPECT_FALSE(one_job.first.empty());
  EXPECT_EQ(one_job.first, two_jobs.first);
  EXPECT_EQ(one_job.second, two_jobs.second);
  const auto other_seed = generate(600, 8, 2);
  EXPECT_NE(one_job.first, other_seed.first);
  EXPECT_NE(one_job.second, other_seed.second);
}

TEST_F(CorpusGeneratorTest, QueriesDoNotDependOnTheCorpusSize) {
  EXPECT_EQ(generate(5, 3, 1).second, generate(60, 3, 1).second);
}

TEST_F(CorpusGeneratorTest, ArticlesAreValidBilingualNewsOfAboutFourKilobytes) {
  const auto [corpus, queries] = generate(300, 42, 1);
  std::istringstream lines(corpus);
  std::string line;
  std::set<std::string> ids;
  std::set<std::string> languages;
  std::size_t bytes = 0;
  std::string previous_date;
  int kazakh_genitive_names = 0;
  while (std::getline(lines, line)) {
    bytes += line.size() + 1;
    auto article = parse_jsonl_record(line);
    ASSERT_TRUE(article) << article.error().message << "\n" << line;
    ids.insert(article->id);
    ASSERT_TRUE(article->language) << "the generator names every article's language";
    languages.insert(std::string(analyzers::to_code(*article->language)));
    ASSERT_TRUE(article->date);
    const std::string date = article->date->to_iso();
    EXPECT_GE(date, previous_date) << "dates increase with the article number";
    previous_date = date;
    EXPECT_NE(article->body.find("\n\n"), std::string::npos) << "paragraphs";
    // Kazakh surnames in the genitive: "...овтың", "...евтің"
    if (line.find("овтың") != std::string::npos || line.find("евтің") != std::string::npos) {
      ++kazakh_genitive_names;
    }
  }
  EXPECT_EQ(ids.size(), 300u);
  EXPECT_EQ(languages, (std::set<std::string>{"kk", "ru"}));
  EXPECT_GT(bytes / 300, 3500u);
  EXPECT_LT(bytes / 300, 6000u);
  EXPECT_GT(kazakh_genitive_names, 0);
  EXPECT_EQ(std::count(queries.begin(), queries.end(), '\n'), 200);
}

}  // namespace
}  // namespace izdeu::indexer
