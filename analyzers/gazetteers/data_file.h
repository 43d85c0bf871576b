#pragma once
// The line format shared by the entity data files (regions.txt, topics.txt):
// "[id]" sections of "key = value" fields, "#" comment lines. Parsing keeps
// line numbers so that every mistake can be reported as file:line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

/// A mistake in a data file, at a 1-based line.
struct DataFileError {
  std::size_t line = 0;
  std::string message;
};

struct DataFileField {
  std::size_t line = 0;
  std::string key;    ///< as written, trimmed
  std::string value;  ///< trimmed; may be empty
};

/// "[name]" and the fields after it. Fields before the first "[...]" line
/// form a leading section with an empty name and line 0.
struct DataFileSection {
  std::size_t line = 0;
  std::string name;
  std::vector<DataFileField> fields;
};

struct DataFile {
  std::vector<DataFileSection> sections;  ///< always starts with the leading section
  std::vector<DataFileError> errors;  ///< lines that are neither blank, comment, section nor field
};

/// Splits `text` into sections. A line is blank, a comment (first non-blank
/// character '#'), a section header "[name]", or a field "key = value" (the
/// first '=' separates; the key must be non-empty). A UTF-8 byte order mark
/// and CR line ends are accepted. Never throws.
DataFile read_data_file(std::string_view text);

/// For a compiled-in data file that does not parse (a build mistake the tests
/// catch): prints every error as `path:line: message` to stderr and aborts,
/// rather than letting the program run without the data.
[[noreturn]] void abort_on_builtin_errors(std::string_view path,
                                          const std::vector<DataFileError>& errors);

/// The items of a list value: split at ';', trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view value);

/// Expands "{a|b|c}" groups into every combination: "{Abai|Abay} {Region|oblast}"
/// gives four names, "Алма-{Ата|Аты}" two. Text outside braces is kept as is.
/// nullopt and `error` set when a brace is unbalanced or nested, a group is
/// empty, or more than 256 names would result.
std::optional<std::vector<std::string>> expand_alternatives(std::string_view pattern,
                                                            std::string& error);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

}  // namespace izdeu::analyzers
