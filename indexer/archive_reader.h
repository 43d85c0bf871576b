#pragma once
// Finds archive files and reads articles out of them. The format is chosen by
// extension: ".txt" is one of the portal's page dumps (page_dump_reader.h),
// ".jsonl" holds one JSON article per line (jsonl_reader.h).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/error.h"

namespace izdeu::indexer {

/// The largest record read: a whole page dump file, or one JSONL line
/// (without its line end). Anything bigger is not one article; it is
/// reported and skipped without being read into memory.
inline constexpr std::size_t kMaxRecordBytes = 16u << 20;

/// Something that was skipped, and why. `location` is "path" for a whole file
/// or "path:line" for one JSONL line.
struct ReadIssue {
  std::string location;
  std::string reason;
};

enum class ArchiveFormat { kPageDump, kJsonLines };

struct ArchiveFile {
  std::string path;
  ArchiveFormat format = ArchiveFormat::kPageDump;
  std::uint64_t size_bytes = 0;
};

using ArticleSink = std::function<void(corpus::Article&&)>;
using RawArticleSink = std::function<void(corpus::RawArticle&&)>;
using IssueSink = std::function<void(const ReadIssue&)>;

/// Expands files and directories (recursively, in sorted order; symbolic
/// links followed, each directory and file taken once) into archive files.
/// Reported to `on_issue` as {path, reason} and skipped: a path that does not
/// exist ("no such file or directory"), a dangling link ("dangling link"), a
/// link loop ("symbolic link loop"), anything that is neither a directory nor
/// a regular file, such as a FIFO ("not a regular file"; never opened, so
/// never waited on), whether given or found while walking, and a file given
/// by name with an unknown extension. Regular files of other extensions found
/// while walking a directory are ignored silently.
std::vector<ArchiveFile> list_archive_files(const std::vector<std::string>& paths,
                                            const IssueSink& on_issue);

/// Reads every article of one file, for callers that want articles rather
/// than documents (tests, tools): each record is parsed and passed through
/// corpus::prepare_article(), so each article passed to `on_article` has its
/// id (article_id.h) and language (detected unless the input gave one) set,
/// but no entities. Malformed content goes to `on_issue` and is skipped, as
/// is a record whose parsing or preparation throws; reading goes on. Returns the number of articles
/// produced.
std::size_t read_archive_file(const ArchiveFile& file, const ArticleSink& on_article,
                              const IssueSink& on_issue);

/// One article's worth of input, read but not parsed: a JSONL line or a whole
/// page dump. Parsing (parse_raw_record) is most of the reading cost, so the
/// ingest pipeline reads on one thread and parses on others.
struct RawRecord {
  std::string text;
  std::uint64_t line = 0;  ///< JSONL line number, counting from 1; 0 for a page dump
};

/// Receives one record; returns false to stop reading the file.
using RawRecordSink = std::function<bool(RawRecord&&)>;

/// read_archive_file() without the parsing: passes each record of `file` on
/// unparsed. Problems with the file itself (cannot open, too large for a page
/// dump, read error, a JSONL file without a non-blank line: "empty file") and
/// JSONL lines longer than kMaxRecordBytes go to `on_issue`. Returns the number of records passed
/// on.
std::size_t read_raw_records(const ArchiveFile& file, const RawRecordSink& on_record,
                             const IssueSink& on_issue);

/// Parses a record read by read_raw_records() into the article as the
/// archive gives it (id as given, language only if named), for
/// corpus::prepare_document(); kDataLoss with the reason otherwise.
/// Thread-safe.
corpus::Result<corpus::RawArticle> parse_raw_record(ArchiveFormat format, std::string_view text);

/// Where a record came from, as ReadIssue::location: "path" or "path:line".
std::string record_location(const ArchiveFile& file, const RawRecord& record);

}  // namespace izdeu::indexer
