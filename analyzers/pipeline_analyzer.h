#pragma once
// An Analyzer built from a Tokenizer and an ordered list of TokenFilters.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/filters/stem_filter.h"
#include "analyzers/token_filter.h"
#include "analyzers/tokenizer.h"

namespace izdeu::analyzers {

/// Tokenizes, then applies each filter in the order added. Immutable once
/// built, hence thread-safe. Use the Builder:
///
///   auto analyzer = PipelineAnalyzer::Builder(Language::kRussian)
///                       .add(std::make_unique<UnicodeNormalizer>())
///                       .stem_with(std::make_unique<StemFilter>(stemmers))
///                       .build();
class PipelineAnalyzer : public Analyzer {
 public:
  class Builder {
   public:
    explicit Builder(Language language) : language_(language) {}

    /// Appends a filter.
    Builder& add(std::unique_ptr<TokenFilter> filter);
    /// Appends the stem filter; query_stems() asks it for a word's readings.
    /// It and every filter after it only add readings (stem, loose keys),
    /// never change a token's text or the token list: analyze_forms() stops
    /// before it.
    Builder& stem_with(std::unique_ptr<StemFilter> filter);

    std::unique_ptr<PipelineAnalyzer> build();

   private:
    Language language_;
    std::vector<std::unique_ptr<TokenFilter>> filters_;
    const StemFilter* stem_filter_ = nullptr;
    std::size_t form_filters_ = 0;  // filters before the stem filter
  };

  Language language() const override { return language_; }
  std::vector<Token> analyze(std::string_view text) const override;
  std::vector<Token> analyze_forms(std::string_view text) const override;
  std::vector<std::string> query_stems(const Token& token) const override;

 private:
  PipelineAnalyzer(Language language, std::vector<std::unique_ptr<TokenFilter>> filters,
                   const StemFilter* stem_filter, std::size_t form_filters);

  Language language_;
  Tokenizer tokenizer_;
  std::vector<std::unique_ptr<TokenFilter>> filters_;
  const StemFilter* stem_filter_;  // owned by filters_; null if the pipeline does not stem
  std::size_t form_filters_;       // filters_[0, form_filters_) decide the forms
};

}  // namespace izdeu::analyzers
