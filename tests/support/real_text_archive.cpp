#include "tests/support/real_text_archive.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "tests/support/archive_index.h"

namespace izdeu::testing {
namespace {

namespace fs = std::filesystem;
using analyzers::Language;
using corpus::RawArticle;

constexpr std::size_t kKazNerdSentencesPerArticle = 8;
constexpr std::size_t kNtrexLinesPerPassage = 4;

std::string trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// The lines of `path`, trimmed; nullopt when it cannot be read.
std::optional<std::vector<std::string>> read_lines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(trim(line));
  if (in.bad()) return std::nullopt;
  return lines;
}

corpus::Error missing(const fs::path& path) {
  return corpus::not_found("cannot read " + path.string());
}

// Joins `parts` with `separator`, skipping empty ones.
std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// Splits `first` into a title of at most kMaxTitleBytes (cut at the last space
// before that length, or at a character boundary when there is none) and the
// cut-off rest, which is put before `body`.
void set_title_and_body(RawArticle& article, const std::string& first, std::string body,
                        std::string_view separator) {
  std::string title = first;
  std::string rest;
  if (title.size() > kMaxTitleBytes) {
    std::size_t cut = title.rfind(' ', kMaxTitleBytes);
    if (cut == std::string::npos || cut == 0) {
      cut = kMaxTitleBytes;
      while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
    }
    rest = trim(std::string_view(title).substr(cut));
    title = trim(std::string_view(title).substr(0, cut));
  }
  article.title = std::move(title);
  article.body = join({rest, std::move(body)}, rest.empty() ? "" : separator);
  if (article.body.empty()) article.body = article.title;  // never happens with today's files
}

// The number in "book_<N>.txt", for ordering.
long book_number(const fs::path& path) {
  const std::string stem = path.stem().string();
  const auto underscore = stem.rfind('_');
  if (underscore == std::string::npos) return -1;
  return std::strtol(stem.c_str() + underscore + 1, nullptr, 10);
}

corpus::Result<void> add_factrueval(const fs::path& raw_dir, std::vector<RawArticle>& out) {
  for (const std::string split : {"devset", "testset"}) {
    const fs::path dir = raw_dir / "factrueval2016" / split;
    std::error_code error;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      const auto& path = entry.path();
      if (path.extension() == ".txt" && path.stem().string().starts_with("book_")) {
        files.push_back(path);
      }
    }
    if (error || files.empty()) return missing(dir);
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return book_number(a) < book_number(b); });
    for (const auto& path : files) {
      auto lines = read_lines(path);
      if (!lines) return missing(path);
      std::vector<std::string> paragraphs;
      for (auto& line : *lines) {
        if (!line.empty()) paragraphs.push_back(std::move(line));
      }
      if (paragraphs.empty()) continue;
      RawArticle article;
      article.id = "fre-" + split + "-" + path.stem().string();
      article.language = Language::kRussian;
      const std::string first = paragraphs.front();
      paragraphs.erase(paragraphs.begin());
      set_title_and_body(article, first, join(paragraphs, "\n\n"), "\n\n");
      out.push_back(std::move(article));
    }
  }
  return {};
}

// One NTREX-128 document: its id (DOCUMENT_IDS.tsv) and its lines.
struct NtrexDocument {
  std::string id;
  std::vector<std::string> lines;
};

// The documents of newstest2019-ref.<suffix>.txt in file order.
corpus::Result<std::vector<NtrexDocument>> ntrex_documents(const fs::path& raw_dir,
                                                           const std::string& suffix) {
  const fs::path ids_path = raw_dir / "ntrex128" / "DOCUMENT_IDS.tsv";
  const auto ids = read_lines(ids_path);
  if (!ids) return missing(ids_path);
  const fs::path path =
      raw_dir / "ntrex128" / "NTREX-128" / ("newstest2019-ref." + suffix + ".txt");
  const auto lines = read_lines(path);
  if (!lines || lines->size() != ids->size()) return missing(path);
  std::vector<NtrexDocument> documents;
  for (std::size_t begin = 0; begin < ids->size();) {
    std::size_t end = begin + 1;
    while (end < ids->size() && (*ids)[end] == (*ids)[begin]) ++end;
    documents.push_back(
        {(*ids)[begin], std::vector<std::string>(lines->begin() + static_cast<long>(begin),
                                                 lines->begin() + static_cast<long>(end))});
    begin = end;
  }
  return documents;
}

corpus::Result<void> add_ntrex(const fs::path& raw_dir, std::vector<RawArticle>& out) {
  const std::pair<const char*, Language> languages[] = {{"kaz", Language::kKazakh},
                                                        {"rus", Language::kRussian}};
  for (const auto& [suffix, language] : languages) {
    auto documents = ntrex_documents(raw_dir, suffix);
    if (!documents) return documents.error();
    const std::string code(analyzers::to_code(language));
    for (const auto& document : *documents) {
      RawArticle article;
      article.id = "ntrex-" + code + "-" + document.id;
      article.language = language;
      const std::vector<std::string> rest(document.lines.begin() + 1, document.lines.end());
      set_title_and_body(article, document.lines.front(), join(rest, " "), " ");
      out.push_back(std::move(article));
    }
  }
  return {};
}

// The sentences of KazNERD's IOB2_<split>.txt, each its tokens joined by a space.
corpus::Result<std::vector<std::string>> kaznerd_sentences(const fs::path& raw_dir,
                                                           const std::string& split) {
  const fs::path path = raw_dir / "kaznerd" / "KazNERD" / ("IOB2_" + split + ".txt");
  const auto lines = read_lines(path);
  if (!lines) return missing(path);
  std::vector<std::string> sentences;
  std::string sentence;
  for (const auto& line : *lines) {
    if (line.empty()) {
      if (!sentence.empty()) sentences.push_back(std::move(sentence));
      sentence.clear();
      continue;
    }
    const auto space = line.rfind(' ');  // "token TAG"
    const std::string token = trim(line.substr(0, space == std::string::npos ? 0 : space));
    if (token.empty()) continue;
    if (!sentence.empty()) sentence += ' ';
    sentence += token;
  }
  if (!sentence.empty()) sentences.push_back(std::move(sentence));
  if (sentences.empty()) return missing(path);
  return sentences;
}

corpus::Result<void> add_kaznerd(const fs::path& raw_dir, std::vector<RawArticle>& out) {
  for (const std::string split : {"test", "valid"}) {
    auto sentences = kaznerd_sentences(raw_dir, split);
    if (!sentences) return sentences.error();
    std::size_t k = 0;
    for (std::size_t begin = 0; begin < sentences->size(); begin += kKazNerdSentencesPerArticle) {
      const std::size_t end = std::min(sentences->size(), begin + kKazNerdSentencesPerArticle);
      RawArticle article;
      article.id = "kaznerd-" + split + "-" + std::to_string(++k);
      article.language = Language::kKazakh;
      const std::vector<std::string> rest(sentences->begin() + static_cast<long>(begin) + 1,
                                          sentences->begin() + static_cast<long>(end));
      set_title_and_body(article, (*sentences)[begin], join(rest, " "), " ");
      out.push_back(std::move(article));
    }
  }
  return {};
}

// A title-less Kazakh passage.
RawArticle kazakh_passage(std::string id, std::string text) {
  RawArticle passage;
  passage.id = std::move(id);
  passage.language = Language::kKazakh;
  passage.body = std::move(text);
  return passage;
}

corpus::Result<void> add_kaznerd_passages(const fs::path& raw_dir, std::vector<RawArticle>& out) {
  for (const std::string split : {"test", "valid"}) {
    auto sentences = kaznerd_sentences(raw_dir, split);
    if (!sentences) return sentences.error();
    std::size_t k = 0;
    for (std::size_t begin = 0; begin < sentences->size(); begin += kKazNerdSentencesPerArticle) {
      const std::size_t end = std::min(sentences->size(), begin + kKazNerdSentencesPerArticle);
      const std::vector<std::string> group(sentences->begin() + static_cast<long>(begin),
                                           sentences->begin() + static_cast<long>(end));
      out.push_back(
          kazakh_passage("kaznerd-" + split + "-" + std::to_string(++k), join(group, " ")));
    }
  }
  return {};
}

corpus::Result<void> add_ntrex_passages(const fs::path& raw_dir, std::vector<RawArticle>& out) {
  auto documents = ntrex_documents(raw_dir, "kaz");
  if (!documents) return documents.error();
  for (const auto& document : *documents) {
    std::size_t w = 0;
    for (std::size_t begin = 0; begin < document.lines.size(); begin += kNtrexLinesPerPassage) {
      const std::size_t end = std::min(document.lines.size(), begin + kNtrexLinesPerPassage);
      const std::vector<std::string> window(document.lines.begin() + static_cast<long>(begin),
                                            document.lines.begin() + static_cast<long>(end));
      const std::string text = join(window, " ");
      ++w;
      if (!text.empty()) {
        out.push_back(kazakh_passage("ntrex-kk-" + document.id + "-" + std::to_string(w), text));
      }
    }
  }
  return {};
}

corpus::Result<void> add_sib_passages(const fs::path& raw_dir, std::vector<RawArticle>& out) {
  for (const char* split : {"train", "dev", "test"}) {
    const fs::path path =
        raw_dir / "sib200" / "data" / "annotated" / "kaz_Cyrl" / (std::string(split) + ".tsv");
    const auto lines = read_lines(path);
    if (!lines || lines->empty()) return missing(path);
    for (std::size_t i = 1; i < lines->size(); ++i) {  // line 0: index_id, category, text
      const std::string& line = (*lines)[i];
      if (line.empty()) continue;
      const auto first_tab = line.find('\t');
      const auto last_tab = line.rfind('\t');
      if (first_tab == std::string::npos || first_tab == last_tab) return missing(path);
      out.push_back(kazakh_passage("sib-kk-" + line.substr(0, first_tab),
                                   trim(std::string_view(line).substr(last_tab + 1))));
    }
  }
  return {};
}

}  // namespace

std::filesystem::path real_text_raw_dir() { return fs::path(IZDEU_SHARED_DIR) / "corpus" / "raw"; }

corpus::Result<std::vector<RawArticle>> real_text_articles(const fs::path& raw_dir) {
  std::vector<RawArticle> articles;
  if (auto done = add_factrueval(raw_dir, articles); !done) return done.error();
  if (auto done = add_ntrex(raw_dir, articles); !done) return done.error();
  if (auto done = add_kaznerd(raw_dir, articles); !done) return done.error();
  return articles;
}

corpus::Result<std::vector<RawArticle>> kazakh_passages(const fs::path& raw_dir) {
  std::vector<RawArticle> passages;
  if (auto done = add_kaznerd_passages(raw_dir, passages); !done) return done.error();
  if (auto done = add_ntrex_passages(raw_dir, passages); !done) return done.error();
  if (auto done = add_sib_passages(raw_dir, passages); !done) return done.error();
  return passages;
}

bool write_jsonl(const std::vector<RawArticle>& articles, const fs::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  for (const auto& article : articles) {
    nlohmann::json line = {{"title", article.title}, {"body", article.body}};
    if (!article.id.empty()) line["id"] = article.id;
    if (article.language) line["lang"] = analyzers::to_code(*article.language);
    if (!article.url.empty()) line["url"] = article.url;
    if (!article.source.empty()) line["source"] = article.source;
    if (!article.section.empty()) line["section"] = article.section;
    if (article.date) line["date"] = article.date->to_iso();
    if (article.views) line["views"] = *article.views;
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return static_cast<bool>(out.flush());
}

corpus::Result<std::uint64_t> index_real_text_archive(const fs::path& index_path,
                                                      const fs::path& work_dir, bool with_sample) {
  auto articles = real_text_articles();
  if (!articles) return articles.error();
  const fs::path jsonl = work_dir / "real_text.jsonl";
  if (!write_jsonl(*articles, jsonl)) return corpus::unavailable("cannot write " + jsonl.string());
  std::vector<std::string> paths = {jsonl.string()};
  if (with_sample) paths.push_back(sample_archive());
  auto stats = index_archives(index_path.string(), paths);
  if (!stats) return stats.error();
  if (!stats->skipped.empty()) {
    const auto& issue = stats->skipped.front();
    return corpus::internal(std::to_string(stats->skipped.size()) +
                            " records skipped, the first: " + issue.location + ": " + issue.reason);
  }
  return stats->indexed();
}

}  // namespace izdeu::testing
