#include "server/atom_writer.h"

#include "analyzers/utf8.h"

namespace izdeu::server {
namespace {

// XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Surrogates never come out of
// decode_utf8 (they decode as U+FFFD), so only controls and the two
// non-characters need checking.
bool allowed_in_xml(char32_t c) {
  if (c < 0x20) return c == U'\t' || c == U'\n' || c == U'\r';
  return c != 0xFFFE && c != 0xFFFF;  // U+FFFE, U+FFFF: not characters
}

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text, std::string_view attributes = {}) {
  out += indent;
  out += '<';
  out += name;
  out += attributes;
  out += '>';
  out += xml_escape(text);
  out += "</";
  out += name;
  out += ">\n";
}

void link(std::string& out, std::string_view indent, std::string_view rel, std::string_view href,
          std::string_view type = {}) {
  if (href.empty()) return;
  out += indent;
  out += "<link rel=\"";
  out += rel;
  out += "\" href=\"";
  out += xml_escape(href);
  out += '"';
  if (!type.empty()) {
    out += " type=\"";
    out += type;
    out += '"';
  }
  out += "/>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = analyzers::decode_utf8(text, i);
    switch (c) {
      case U'&':
        out += "&amp;";
        break;
      case U'<':
        out += "&lt;";
        break;
      case U'>':
        out += "&gt;";
        break;
      case U'"':
        out += "&quot;";
        break;
      case U'\'':
        out += "&apos;";
        break;
      default:
        if (!allowed_in_xml(c)) break;
        // An invalid sequence decodes as U+FFFD from a single byte: write the
        // character, not the byte.
        if (c == analyzers::kReplacementCharacter) {
          analyzers::append_utf8(out, c);
        } else {
          out.append(text.substr(start, i - start));
        }
    }
  }
  return out;
}

std::string write_atom(const AtomFeed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  element(out, "  ", "id", feed.id);
  element(out, "  ", "title", feed.title, " type=\"text\"");
  element(out, "  ", "updated", feed.updated);
  link(out, "  ", "self", feed.self, "application/atom+xml");
  link(out, "  ", "alternate", feed.alternate, "text/html");
  if (!feed.generator.empty()) element(out, "  ", "generator", feed.generator);
  // RFC 4287 4.1.1: a feed without an author needs every entry to have one;
  // the feed's author stands for all.
  out += "  <author><name>";
  out += xml_escape(feed.generator.empty() ? std::string_view("izdeu") : feed.generator);
  out += "</name></author>\n";
  for (const AtomEntry& entry : feed.entries) {
    out += "  <entry>\n";
    element(out, "    ", "id", entry.id);
    element(out, "    ", "title", entry.title, " type=\"text\"");
    link(out, "    ", "alternate", entry.link);
    element(out, "    ", "updated", entry.updated);
    element(out, "    ", "published", entry.updated);
    element(out, "    ", "summary", entry.summary_html, " type=\"html\"");
    for (const AtomCategory& category : entry.categories) {
      out += "    <category term=\"";
      out += xml_escape(category.term);
      out += "\" scheme=\"";
      out += xml_escape(category.scheme);
      out += '"';
      if (!category.label.empty()) {
        out += " label=\"";
        out += xml_escape(category.label);
        out += '"';
      }
      out += "/>\n";
    }
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace izdeu::server
