// izdeu-analyze: shows what the analyzers make of text, line by line, the
// way the index and the query parser see it.
//
//   izdeu-analyze [--lang kk|ru|en|auto] [--stem|--people] < text
//
// Without --stem, every token of every input line is printed on a line of
// its own: position, exact form, then stem, loose key, aliases and flags.
// With --stem, one "word<TAB>stem" line per token, in input order (the word
// as written, the stem as indexed; a word without a stem repeats its form).
// With --people, one "key<TAB>mention" line per person mention of each line.

#include <iostream>
#include <optional>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"
#include "analyzers/people/person_recognizer.h"

namespace {

constexpr const char* kUsage =
    "usage: izdeu-analyze [--lang kk|ru|en|auto] [--stem|--people] < text\n"
    "  --lang L   analyze as Kazakh (kk), Russian (ru), English (en) or per line by detection\n"
    "             (auto, default)\n"
    "  --stem     print word<TAB>stem per token instead of every term\n"
    "  --people   print key<TAB>mention per person mention (find_people; '-' when the\n"
    "             mention is a first name that names no person key)\n";

void print_token(const izdeu::analyzers::Token& token) {
  std::cout << token.position << '\t' << token.text;
  if (!token.stem.empty()) std::cout << "\tstem=" << token.stem;
  if (!token.loose.empty()) std::cout << "\tloose=" << token.loose;
  if (!token.loose_stem.empty()) std::cout << "\tloose_stem=" << token.loose_stem;
  for (const auto& alias : token.aliases) {
    std::cout << "\talias=" << alias.text;
    if (alias.span > 1) std::cout << '/' << alias.span;
  }
  std::cout << "\tlang=" << izdeu::analyzers::to_code(token.language);
  if (token.stop_word) std::cout << "\tstop";
  if (token.capitalized) std::cout << "\tcapitalized";
  std::cout << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  using namespace izdeu::analyzers;
  std::optional<Language> language;
  bool stem_only = false;
  bool people = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--stem") {
      stem_only = true;
    } else if (arg == "--people") {
      people = true;
    } else if (arg == "--lang" && i + 1 < argc) {
      const std::string value = argv[++i];
      if (value != "auto") {
        language = parse_language(value);
        if (!language) {
          std::cerr << "izdeu-analyze: unknown language '" << value << "'\n" << kUsage;
          return 2;
        }
      }
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else {
      std::cerr << "izdeu-analyze: unknown argument '" << arg << "'\n" << kUsage;
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    const Language line_language = language ? *language : detect_language(line);
    if (people) {
      for (const PersonMention& m : find_people(line, line_language)) {
        std::cout << (m.key.empty() ? "-" : m.key) << '\t' << m.surface << '\n';
      }
      continue;
    }
    const Analyzer& analyzer = analyzer_for(line_language);
    for (const Token& token : analyzer.analyze(line)) {
      if (stem_only) {
        const std::string word = line.substr(token.byte_begin, token.byte_end - token.byte_begin);
        std::cout << word << '\t' << (token.stem.empty() ? token.text : token.stem) << '\n';
      } else {
        print_token(token);
      }
    }
  }
  return 0;
}
