#include "corpus/query/query_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>

#include "analyzers/language_registry.h"

namespace izdeu::corpus {
namespace {

// Quote marks, by their UTF-8 bytes. U+0022 QUOTATION MARK closes itself;
// U+00AB/U+00BB LEFT/RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK («») are what
// Russian and Kazakh keyboards type; U+201C/U+201D LEFT/RIGHT DOUBLE QUOTATION
// MARK (“”) and U+201E DOUBLE LOW-9 QUOTATION MARK, closed by U+201C („“, the
// Russian handwritten style) come in pasted text.
struct QuotePair {
  std::string_view open;
  std::array<std::string_view, 2> close;
};
constexpr QuotePair kQuotes[] = {
    {"\"", {"\"", "\""}},
    {"\u00ab", {"\u00bb", "\u00bb"}},
    {"\u201c", {"\u201d", "\u201d"}},
    {"\u201e", {"\u201c", "\u201d"}},
};
// Closing marks met without an opening one are punctuation.
constexpr std::string_view kStrayCloses[] = {"\u00bb", "\u201d"};
// U+00A0 NO-BREAK SPACE separates words like a space (pasted text has it).
constexpr std::string_view kNoBreakSpace = "\u00a0";

const QuotePair* quote_at(std::string_view text, std::size_t i) {
  for (const QuotePair& pair : kQuotes) {
    if (text.substr(i, pair.open.size()) == pair.open) return &pair;
  }
  return nullptr;
}

std::size_t stray_close_at(std::string_view text, std::size_t i) {
  for (std::string_view close : kStrayCloses) {
    if (text.substr(i, close.size()) == close) return close.size();
  }
  return 0;
}

std::size_t space_at(std::string_view text, std::size_t i) {
  if (std::isspace(static_cast<unsigned char>(text[i]))) return 1;
  if (text.substr(i, kNoBreakSpace.size()) == kNoBreakSpace) return kNoBreakSpace.size();
  return 0;
}

bool ends_bare_word(std::string_view text, std::size_t i) {
  return space_at(text, i) > 0 || text[i] == '(' || text[i] == ')' || quote_at(text, i) ||
         stray_close_at(text, i) > 0;
}

std::size_t count_chars(std::string_view text) {
  std::size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// Whitespace-separated chunks: what a phrase counts towards kMaxQueryTerms.
std::size_t count_chunks(std::string_view text) {
  std::size_t chunks = 0;
  bool in_chunk = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool space = space_at(text, i) > 0;
    if (!space && !in_chunk) ++chunks;
    in_chunk = !space;
  }
  return chunks;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<QueryField> field_named(std::string_view name) {
  const std::string lower = lower_ascii(name);
  if (lower == "title") return QueryField::kTitle;
  if (lower == "person") return QueryField::kPerson;
  if (lower == "region") return QueryField::kRegion;
  if (lower == "topic") return QueryField::kTopic;
  if (lower == "lang") return QueryField::kLanguage;
  if (lower == "date") return QueryField::kDate;
  return std::nullopt;
}

// ---- dates -------------------------------------------------------------

std::optional<int> digits(std::string_view text, std::size_t length) {
  if (text.size() != length) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A period as typed: YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY (how the portal
// prints dates). Returns its first and last day.
std::optional<std::pair<Date, Date>> parse_period(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (auto whole_year = digits(text, 4)) {
    year = *whole_year;
  } else if (text.size() == 7 && text[4] == '-') {
    auto y = digits(text.substr(0, 4), 4);
    auto m = digits(text.substr(5), 2);
    if (!y || !m) return std::nullopt;
    year = *y;
    month = *m;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto date = parse_iso_date(text);
    if (!date) return std::nullopt;
    return std::pair{*date, *date};
  } else if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
    auto d = digits(text.substr(0, 2), 2);
    auto m = digits(text.substr(3, 2), 2);
    auto y = digits(text.substr(6), 4);
    if (!d || !m || !y) return std::nullopt;
    auto date = make_date(*y, *m, *d);
    if (!date) return std::nullopt;
    return std::pair{*date, *date};
  } else {
    return std::nullopt;
  }
  auto first = make_date(year, month == 0 ? 1 : month, 1);
  if (!first) return std::nullopt;
  const int last_month = month == 0 ? 12 : month;
  for (day = 31; day >= 28; --day) {
    if (auto last = make_date(year, last_month, day)) return std::pair{*first, *last};
  }
  return std::nullopt;
}

Result<void> parse_date_value(std::string_view value, QueryNode& node) {
  const std::string message =
      "date: expects YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY, or a range of them such as "
      "date:2021-01..2021-06, date:..2020 or date:2021.., got '" +
      std::string(value) + "'";
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    auto period = parse_period(value);
    if (!period) return invalid_argument(message);
    node.from = period->first;
    node.to = period->second;
    return {};
  }
  const std::string_view low = value.substr(0, dots);
  const std::string_view high = value.substr(dots + 2);
  if (low.empty() && high.empty()) return invalid_argument(message);
  if (!low.empty()) {
    auto period = parse_period(low);
    if (!period) return invalid_argument(message);
    node.from = period->first;
  }
  if (!high.empty()) {
    auto period = parse_period(high);
    if (!period) return invalid_argument(message);
    node.to = period->second;
  }
  if (node.from && node.to && *node.to < *node.from) {
    return invalid_argument("date: range is reversed: '" + std::string(value) + "'");
  }
  return {};
}

Result<void> parse_field_value(QueryNode& node) {
  if (node.field == QueryField::kLanguage || node.field == QueryField::kDate) {
    // A value typed before a comma or semicolon: "date:2021, Алматы".
    while (!node.text.empty() && (node.text.back() == ',' || node.text.back() == ';')) {
      node.text.pop_back();
    }
  }
  if (node.field == QueryField::kLanguage) {
    node.language = analyzers::parse_language(node.text);
    if (!node.language) {
      return invalid_argument("lang: must be " + analyzers::code_list() + ", got '" + node.text +
                              "'");
    }
  } else if (node.field == QueryField::kDate) {
    return parse_date_value(node.text, node);
  }
  return {};
}

// ---- lexer -------------------------------------------------------------

enum class Lex { kWord, kPhrase, kField, kOpen, kClose, kOr, kAnd, kNot, kMinus, kPlus, kNear };

struct Lexeme {
  Lex kind = Lex::kWord;
  std::string text;  // kWord, kPhrase: the text; kField: the value
  QueryField field = QueryField::kTitle;
  bool quoted = false;
  std::uint32_t distance = 0;  // kNear
};

class Lexer {
 public:
  Lexer(std::string_view text, bool plain, ParsedQuery& out)
      : text_(text), plain_(plain), out_(out) {}

  Result<std::vector<Lexeme>> run() {
    while (i_ < text_.size()) {
      if (const std::size_t space = space_at(text_, i_)) {
        i_ += space;
      } else if (const std::size_t stray = stray_close_at(text_, i_)) {
        i_ += stray;
      } else if (text_[i_] == '(' || text_[i_] == ')') {
        if (!plain_) lexemes_.push_back({.kind = text_[i_] == '(' ? Lex::kOpen : Lex::kClose});
        ++i_;
      } else if (const QuotePair* quote = quote_at(text_, i_)) {
        read_quoted(*quote);
      } else if (auto error = read_bare(); !error) {
        return error.error();
      }
    }
    return std::move(lexemes_);
  }

 private:
  // The end of the quote opened at `i_` (the index of its closing mark), or npos.
  std::size_t closing(const QuotePair& quote, std::size_t from, std::size_t* close_size) const {
    std::size_t best = std::string_view::npos;
    for (std::string_view close : quote.close) {
      const std::size_t at = text_.find(close, from);
      if (at < best) {
        best = at;
        *close_size = close.size();
      }
    }
    return best;
  }

  void read_quoted(const QuotePair& quote) {
    const std::size_t begin = i_ + quote.open.size();
    std::size_t close_size = 0;
    const std::size_t end = closing(quote, begin, &close_size);
    if (end == std::string_view::npos) {
      // Never closed: the mark is ignored and what follows is read as it is.
      out_.ignored.push_back("unbalanced quote");
      i_ = begin;
      return;
    }
    const std::string_view inside = text_.substr(begin, end - begin);
    out_.terms += count_chunks(inside);
    lexemes_.push_back({.kind = plain_ ? Lex::kWord : Lex::kPhrase, .text = std::string(inside)});
    i_ = end + close_size;
  }

  Result<void> read_bare() {
    if (!plain_ && (text_[i_] == '-' || text_[i_] == '+') && i_ + 1 < text_.size() &&
        !ends_bare_word(text_, i_ + 1) && text_[i_ + 1] != '-' && text_[i_ + 1] != '+' &&
        !std::isdigit(static_cast<unsigned char>(text_[i_ + 1]))) {
      // -word, -"phrase", -(group); "-5" stays a number and a lone "-" is a dash.
      lexemes_.push_back({.kind = text_[i_] == '-' ? Lex::kMinus : Lex::kPlus});
      ++i_;
      return {};
    }
    if (!plain_ && text_[i_] == '-' && i_ + 1 < text_.size() &&
        (text_[i_ + 1] == '(' || quote_at(text_, i_ + 1))) {
      lexemes_.push_back({.kind = Lex::kMinus});
      ++i_;
      return {};
    }
    const std::size_t begin = i_;
    while (i_ < text_.size() && !ends_bare_word(text_, i_)) ++i_;
    const std::string_view word = text_.substr(begin, i_ - begin);
    if (!plain_) {
      if (word == "OR") return push(Lex::kOr);
      if (word == "AND") return push(Lex::kAnd);
      if (word == "NOT") return push(Lex::kNot);
      if (word.substr(0, 4) == "NEAR" && read_near(word)) return {};
      const std::size_t colon = word.find(':');
      if (colon != std::string_view::npos && colon > 0) {
        if (auto field = field_named(word.substr(0, colon))) {
          return read_field(*field, word.substr(colon + 1));
        }
      }
    }
    ++out_.terms;
    lexemes_.push_back({.kind = Lex::kWord, .text = std::string(word)});
    return {};
  }

  Result<void> push(Lex kind) {
    lexemes_.push_back({.kind = kind});
    return {};
  }

  // "NEAR" or "NEAR/n"; anything else starting with NEAR is a word.
  bool read_near(std::string_view word) {
    std::uint32_t distance = kDefaultNearDistance;
    if (word.size() > 4) {
      if (word[4] != '/' || word.size() == 5) return false;
      const std::string_view number = word.substr(5);
      std::uint64_t value = 0;
      auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
      if (ec != std::errc() || ptr != number.data() + number.size()) return false;
      distance = static_cast<std::uint32_t>(
          std::clamp<std::uint64_t>(value, 1, static_cast<std::uint64_t>(kMaxNearDistance)));
    }
    lexemes_.push_back({.kind = Lex::kNear, .distance = distance});
    return true;
  }

  Result<void> read_field(QueryField field, std::string_view value) {
    Lexeme lexeme{.kind = Lex::kField, .text = std::string(value), .field = field};
    if (value.empty() && i_ < text_.size()) {
      // field:"quoted value"
      if (const QuotePair* quote = quote_at(text_, i_)) {
        std::size_t close_size = 0;
        const std::size_t end = closing(*quote, i_ + quote->open.size(), &close_size);
        if (end != std::string_view::npos) {
          lexeme.text =
              std::string(text_.substr(i_ + quote->open.size(), end - i_ - quote->open.size()));
          lexeme.quoted = true;
          i_ = end + close_size;
        }
      }
    }
    if (lexeme.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      out_.ignored.push_back("field without a value");
      return {};
    }
    ++out_.terms;
    lexemes_.push_back(std::move(lexeme));
    return {};
  }

  std::string_view text_;
  bool plain_;
  ParsedQuery& out_;
  std::size_t i_ = 0;
  std::vector<Lexeme> lexemes_;
};

// ---- parser ------------------------------------------------------------

bool starts_operand(Lex kind) {
  return kind == Lex::kWord || kind == Lex::kPhrase || kind == Lex::kField || kind == Lex::kOpen ||
         kind == Lex::kNot || kind == Lex::kMinus || kind == Lex::kPlus;
}

// Recursive descent, loosest first: space/AND < OR < NEAR < NOT, -, + < primary.
// Every rule recovers instead of failing; what it skips is noted in `ignored`.
class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, ParsedQuery& out) : lexemes_(std::move(lexemes)), out_(out) {}

  Result<QueryNode> run() {
    QueryNode root = parse_all(/*nested=*/false);
    if (!error_.message.empty()) return error_;
    return root;
  }

 private:
  bool at_end() const { return pos_ >= lexemes_.size(); }
  Lex peek() const { return lexemes_[pos_].kind; }
  bool peek_is(Lex kind) const { return !at_end() && peek() == kind; }
  bool peek_starts_operand() const { return !at_end() && starts_operand(peek()); }

  QueryNode parse_all(bool nested) {
    QueryNode all{.kind = QueryNode::Kind::kAll};
    while (!at_end()) {
      const Lex kind = peek();
      if (kind == Lex::kClose) {
        if (nested) return all;
        out_.ignored.push_back("unmatched )");
        ++pos_;
      } else if (kind == Lex::kAnd) {
        // Words are ANDed anyway; an AND between two operands of the query
        // itself also says that none of them may be relaxed.
        if (!nested && !all.children.empty()) out_.explicit_and = true;
        ++pos_;
      } else if (kind == Lex::kOr || kind == Lex::kNear) {
        out_.ignored.push_back(kind == Lex::kOr ? "dangling OR" : "dangling NEAR");
        ++pos_;
      } else if (auto node = parse_any()) {
        all.children.push_back(std::move(*node));
      }
    }
    if (nested) out_.ignored.push_back("unmatched (");
    return all;
  }

  std::optional<QueryNode> parse_any() {
    auto first = parse_near();
    if (!first || !peek_is(Lex::kOr)) return first;
    QueryNode any{.kind = QueryNode::Kind::kAny};
    any.children.push_back(positive(std::move(*first), "NOT inside OR"));
    while (peek_is(Lex::kOr)) {
      ++pos_;
      while (peek_is(Lex::kOr)) {
        out_.ignored.push_back("dangling OR");
        ++pos_;
      }
      std::optional<QueryNode> next;
      if (peek_starts_operand()) next = parse_near();
      if (!next) {
        out_.ignored.push_back("dangling OR");
        break;
      }
      any.children.push_back(positive(std::move(*next), "NOT inside OR"));
    }
    if (any.children.size() == 1) return std::move(any.children.front());
    return any;
  }

  std::optional<QueryNode> parse_near() {
    auto first = parse_unary();
    if (!first || !peek_is(Lex::kNear)) return first;
    QueryNode near{.kind = QueryNode::Kind::kNear};
    near.children.push_back(std::move(*first));
    while (peek_is(Lex::kNear)) {
      const std::uint32_t distance = lexemes_[pos_].distance;
      ++pos_;
      std::optional<QueryNode> next;
      if (peek_starts_operand()) next = parse_unary();
      if (!next) {
        out_.ignored.push_back("dangling NEAR");
        break;
      }
      near.distance = std::max(near.distance, distance);
      near.children.push_back(std::move(*next));
    }
    if (near.children.size() == 1) return std::move(near.children.front());
    const bool words_only =
        std::all_of(near.children.begin(), near.children.end(), [](const QueryNode& child) {
          return child.kind == QueryNode::Kind::kWord && !child.negated;
        });
    if (!words_only) {
      // Positions exist for words only: NEAR between anything else is AND.
      out_.ignored.push_back("NEAR between non-words");
      near.kind = QueryNode::Kind::kAll;
      near.distance = 0;
    }
    return near;
  }

  std::optional<QueryNode> parse_unary() {
    if (peek_is(Lex::kNot) || peek_is(Lex::kMinus) || peek_is(Lex::kPlus)) {
      const Lex sign = peek();
      ++pos_;
      std::optional<QueryNode> operand;
      if (peek_starts_operand()) operand = parse_unary();
      if (!operand) {
        out_.ignored.push_back(sign == Lex::kPlus ? "dangling +" : "dangling NOT");
        return std::nullopt;
      }
      if (sign == Lex::kPlus) {
        operand->required = true;
      } else {
        operand->negated = !operand->negated;
      }
      return operand;
    }
    return parse_primary();
  }

  std::optional<QueryNode> parse_primary() {
    if (at_end()) return std::nullopt;
    Lexeme& lexeme = lexemes_[pos_];
    switch (lexeme.kind) {
      case Lex::kWord:
      case Lex::kPhrase: {
        ++pos_;
        QueryNode node{
            .kind = lexeme.kind == Lex::kWord ? QueryNode::Kind::kWord : QueryNode::Kind::kPhrase,
            .text = std::move(lexeme.text)};
        return node;
      }
      case Lex::kField: {
        ++pos_;
        QueryNode node{.kind = QueryNode::Kind::kField,
                       .text = std::move(lexeme.text),
                       .field = lexeme.field,
                       .quoted = lexeme.quoted};
        if (auto valid = parse_field_value(node); !valid && error_.message.empty()) {
          error_ = valid.error();
        }
        return node;
      }
      case Lex::kOpen: {
        ++pos_;
        if (depth_ >= kMaxQueryDepth) {
          out_.ignored.push_back("brackets nested too deep");
          return std::nullopt;
        }
        ++depth_;
        QueryNode group = parse_all(/*nested=*/true);
        --depth_;
        if (peek_is(Lex::kClose)) ++pos_;
        if (group.children.empty()) return std::nullopt;
        if (group.children.size() == 1) return std::move(group.children.front());
        return group;
      }
      default:
        return std::nullopt;
    }
  }

  QueryNode positive(QueryNode node, const char* note) {
    if (node.negated) {
      out_.ignored.push_back(note);
      node.negated = false;
    }
    return node;
  }

  std::vector<Lexeme> lexemes_;
  ParsedQuery& out_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Error error_;
};

Result<ParsedQuery> parse(std::string_view query, bool plain) {
  ParsedQuery parsed;
  auto lexemes = Lexer(query, plain, parsed).run();
  if (!lexemes) return lexemes.error();
  if (parsed.terms > kMaxQueryTerms) {
    return invalid_argument("query has more than " + std::to_string(kMaxQueryTerms) + " terms");
  }
  auto root = Parser(std::move(*lexemes), parsed).run();
  if (!root) return root.error();
  parsed.root = std::move(*root);
  return parsed;
}

// ---- describe ----------------------------------------------------------

const char* field_name(QueryField field) {
  switch (field) {
    case QueryField::kTitle:
      return "title";
    case QueryField::kPerson:
      return "person";
    case QueryField::kRegion:
      return "region";
    case QueryField::kTopic:
      return "topic";
    case QueryField::kLanguage:
      return "lang";
    case QueryField::kDate:
      return "date";
  }
  return "?";
}

void describe_children(const QueryNode& node, std::string& out) {
  out += '(';
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out += ", ";
    out += describe(node.children[i]);
  }
  out += ')';
}

}  // namespace

Result<ParsedQuery> parse_query(std::string_view query) {
  if (count_chars(query) > kMaxQueryChars) {
    return invalid_argument("query is longer than " + std::to_string(kMaxQueryChars) +
                            " characters");
  }
  auto parsed = parse(query, /*plain=*/false);
  if (!parsed) return parsed;
  if (parsed->root.children.empty() && !parsed->ignored.empty()) {
    // Nothing but operators and stray marks: the user meant the words.
    auto plain = parse(query, /*plain=*/true);
    if (plain) plain->ignored.insert(plain->ignored.begin(), "read as plain words");
    return plain;
  }
  return parsed;
}

std::string describe(const QueryNode& node) {
  std::string out = node.negated ? "-" : "";
  if (node.required) out += "+";
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      return out + "w:" + node.text;
    case QueryNode::Kind::kPhrase:
      return out + "\"" + node.text + "\"";
    case QueryNode::Kind::kField:
      out += std::string(field_name(node.field)) + ":";
      if (node.field == QueryField::kLanguage && node.language) {
        return out + std::string(analyzers::to_code(*node.language));
      }
      if (node.field == QueryField::kDate) {
        return out + (node.from ? node.from->to_iso() : "") + ".." +
               (node.to ? node.to->to_iso() : "");
      }
      return out + (node.quoted ? "\"" + node.text + "\"" : node.text);
    case QueryNode::Kind::kAll:
      out += "AND";
      break;
    case QueryNode::Kind::kAny:
      out += "OR";
      break;
    case QueryNode::Kind::kNear:
      out += "NEAR/" + std::to_string(node.distance);
      break;
  }
  describe_children(node, out);
  return out;
}

}  // namespace izdeu::corpus
