#pragma once
// Small articles for corpus and server tests, built in code so every test
// states exactly what it indexes.

#include <optional>
#include <string>

#include "corpus/article.h"

namespace izdeu::testing {

inline corpus::Article make_article(std::string id, std::string title, std::string body,
                                    std::optional<corpus::Date> date = std::nullopt,
                                    analyzers::Language language = analyzers::Language::kRussian) {
  corpus::Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.body = std::move(body);
  article.date = date;
  article.language = language;
  return article;
}

inline corpus::Date day(int year, int month, int d) { return corpus::Date{year, month, d}; }

}  // namespace izdeu::testing
