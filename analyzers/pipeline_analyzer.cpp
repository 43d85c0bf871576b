#include "analyzers/pipeline_analyzer.h"

namespace izdeu::analyzers {

PipelineAnalyzer::Builder& PipelineAnalyzer::Builder::add(std::unique_ptr<TokenFilter> filter) {
  filters_.push_back(std::move(filter));
  return *this;
}

PipelineAnalyzer::Builder& PipelineAnalyzer::Builder::stem_with(
    std::unique_ptr<StemFilter> filter) {
  stem_filter_ = filter.get();
  form_filters_ = filters_.size();
  filters_.push_back(std::move(filter));
  return *this;
}

std::unique_ptr<PipelineAnalyzer> PipelineAnalyzer::Builder::build() {
  return std::unique_ptr<PipelineAnalyzer>(
      new PipelineAnalyzer(language_, std::move(filters_), stem_filter_,
                           stem_filter_ != nullptr ? form_filters_ : filters_.size()));
}

PipelineAnalyzer::PipelineAnalyzer(Language language,
                                   std::vector<std::unique_ptr<TokenFilter>> filters,
                                   const StemFilter* stem_filter, std::size_t form_filters)
    : language_(language),
      filters_(std::move(filters)),
      stem_filter_(stem_filter),
      form_filters_(form_filters) {}

std::vector<Token> PipelineAnalyzer::analyze(std::string_view text) const {
  std::vector<Token> tokens = tokenizer_.tokenize(text);
  for (const auto& filter : filters_) filter->apply(tokens);
  return tokens;
}

std::vector<Token> PipelineAnalyzer::analyze_forms(std::string_view text) const {
  std::vector<Token> tokens = tokenizer_.tokenize(text);
  for (std::size_t i = 0; i < form_filters_; ++i) filters_[i]->apply(tokens);
  return tokens;
}

std::vector<std::string> PipelineAnalyzer::query_stems(const Token& token) const {
  if (stem_filter_ != nullptr) return stem_filter_->query_stems(token);
  if (token.stem.empty()) return {};
  return {token.stem};
}

}  // namespace izdeu::analyzers
