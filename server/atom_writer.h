#pragma once
// Atom 1.0 (RFC 4287) documents: the wire format of /api/v1/feed. Knows XML
// and Atom, nothing of searches (feed_handler fills the structs).

#include <string>
#include <string_view>
#include <vector>

namespace izdeu::server {

/// An atom:category: `term` (an id or key), the `scheme` naming the kind of
/// term, and a human-readable `label`.
struct AtomCategory {
  std::string term;
  std::string scheme;
  std::string label;
};

struct AtomEntry {
  std::string id;            ///< an IRI, unique and stable (urn:…)
  std::string title;         ///< plain text
  std::string link;          ///< the article's page (rel="alternate")
  std::string updated;       ///< RFC 3339 date-time
  std::string summary_html;  ///< HTML (escaped once more into the XML as type="html")
  std::vector<AtomCategory> categories;
};

struct AtomFeed {
  std::string id;         ///< an IRI, stable for the same search
  std::string title;      ///< plain text
  std::string self;       ///< the feed's own URL (rel="self")
  std::string alternate;  ///< the same search on the search page (rel="alternate")
  std::string updated;    ///< RFC 3339 date-time
  std::string generator;  ///< the software's name
  std::vector<AtomEntry> entries;
};

/// Text as XML character data or an attribute value: & < > " ' escaped, and
/// what XML 1.0 forbids (section 2.2: C0 controls other than tab, line feed
/// and carriage return; the non-characters U+FFFE and U+FFFF) dropped, and
/// bytes that are not UTF-8 replaced by U+FFFD REPLACEMENT CHARACTER, so any
/// stored text makes a well-formed document.
std::string xml_escape(std::string_view text);

/// The feed as an Atom 1.0 document (UTF-8, with an XML declaration).
std::string write_atom(const AtomFeed& feed);

}  // namespace izdeu::server
