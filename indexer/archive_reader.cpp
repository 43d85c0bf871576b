#include "indexer/archive_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "corpus/index/prepare.h"
#include "formats/page_dump.h"
#include "indexer/jsonl_reader.h"

namespace izdeu::indexer {

using formats::parse_page_dump;

namespace {

namespace fs = std::filesystem;

std::optional<ArchiveFormat> format_of(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".txt") return ArchiveFormat::kPageDump;
  if (extension == ".jsonl") return ArchiveFormat::kJsonLines;
  return std::nullopt;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

class Walker {
 public:
  Walker(std::vector<ArchiveFile>& files, const IssueSink& on_issue)
      : files_(files), on_issue_(on_issue) {}

  void add_path(const fs::path& path) {
    const Entry entry = inspect(path);
    if (entry.problem) {
      on_issue_({path.string(), *entry.problem});
      return;
    }
    if (fs::is_directory(entry.status)) {
      walk_directory(path);
      return;
    }
    const auto format = format_of(path);
    if (!format) {
      on_issue_({path.string(), "not an archive file (expected .txt or .jsonl)"});
      return;
    }
    add_file(path, *format);
  }

 private:
  void walk_directory(const fs::path& directory) {
    // Symbolic links are followed, so a link back up the tree would loop
    // forever; each real directory is walked once.
    std::error_code ec;
    const fs::path canonical = fs::canonical(directory, ec);
    if (ec) {
      on_issue_({directory.string(), ec.message()});
      return;
    }
    if (!visited_directories_.insert(canonical).second) return;

    std::vector<fs::path> children;
    fs::directory_iterator it(directory, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      children.push_back(it->path());
    }
    if (ec) {
      on_issue_({directory.string(), ec.message()});
      return;
    }
    // directory_iterator order is whatever the file system gives; sorting
    // makes runs (and therefore issue reports and index order) reproducible.
    std::sort(children.begin(), children.end());
    for (const auto& child : children) {
      if (is_hidden(child)) continue;
      const Entry entry = inspect(child);
      if (entry.problem) {
        // Not read, so reported: a dangling link or a FIFO in an archive
        // folder is a mistake, not a file of another kind.
        on_issue_({child.string(), *entry.problem});
      } else if (fs::is_directory(entry.status)) {
        walk_directory(child);
      } else if (const auto format = format_of(child)) {
        add_file(child, *format);
      }
    }
  }

  // What a path is once links are followed: a directory or a regular file,
  // or the reason it cannot be read. Only stat()ed, never opened, so a FIFO
  // cannot block the walk.
  struct Entry {
    fs::file_status status;
    std::optional<std::string> problem;
  };

  static Entry inspect(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!ec && (fs::is_directory(status) || fs::is_regular_file(status))) return {status, {}};
    if (ec == std::errc::too_many_symbolic_link_levels) return {status, "symbolic link loop"};
    if (ec && ec != std::errc::no_such_file_or_directory) return {status, ec.message()};
    if (fs::exists(status)) return {status, "not a regular file"};
    std::error_code link_ec;
    if (fs::is_symlink(fs::symlink_status(path, link_ec))) return {status, "dangling link"};
    return {status, "no such file or directory"};
  }

  void add_file(const fs::path& path, ArchiveFormat format) {
    std::error_code ec;
    // The same file named twice (or reached through a link) is read once.
    const fs::path canonical = fs::canonical(path, ec);
    if (!ec && !visited_files_.insert(canonical).second) return;
    const std::uintmax_t size = fs::file_size(path, ec);
    files_.push_back({path.string(), format, ec ? 0 : static_cast<std::uint64_t>(size)});
  }

  std::vector<ArchiveFile>& files_;
  const IssueSink& on_issue_;
  std::set<fs::path> visited_directories_;
  std::set<fs::path> visited_files_;
};

// The location already names the file; the reason says what went wrong.
std::string open_error() { return std::string("cannot open file: ") + std::strerror(errno); }

std::size_t read_page_dump_raw(const ArchiveFile& file, const RawRecordSink& on_record,
                               const IssueSink& on_issue) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file.path, ec);
  if (!ec && size > kMaxRecordBytes) {
    on_issue({file.path, "file too large for a page dump (" + std::to_string(size) + " bytes)"});
    return 0;
  }
  std::ifstream input(file.path, std::ios::binary);
  if (!input) {
    on_issue({file.path, open_error()});
    return 0;
  }
  std::ostringstream content;
  content << input.rdbuf();
  if (input.bad()) {
    on_issue({file.path, "read error"});
    return 0;
  }
  on_record({std::move(content).str(), 0});
  return 1;
}

}  // namespace

std::vector<ArchiveFile> list_archive_files(const std::vector<std::string>& paths,
                                            const IssueSink& on_issue) {
  std::vector<ArchiveFile> files;
  Walker walker(files, on_issue);
  for (const auto& path : paths) walker.add_path(path);
  return files;
}

std::size_t read_raw_records(const ArchiveFile& file, const RawRecordSink& on_record,
                             const IssueSink& on_issue) {
  switch (file.format) {
    case ArchiveFormat::kPageDump:
      return read_page_dump_raw(file, on_record, on_issue);
    case ArchiveFormat::kJsonLines: {
      std::ifstream input(file.path, std::ios::binary);
      if (!input) {
        on_issue({file.path, open_error()});
        return 0;
      }
      std::size_t issues = 0;
      const std::size_t produced = read_jsonl_lines(
          input, file.path,
          [&](std::uint64_t line_number, std::string&& line) {
            return on_record({std::move(line), line_number});
          },
          [&](const ReadIssue& issue) {
            ++issues;
            on_issue(issue);
          });
      // Nothing but blank lines (or nothing at all) is worth saying, like an
      // empty page dump: the file may have been truncated or not yet written.
      if (produced == 0 && issues == 0) on_issue({file.path, "empty file"});
      return produced;
    }
  }
  return 0;
}

corpus::Result<corpus::RawArticle> parse_raw_record(ArchiveFormat format, std::string_view text) {
  return format == ArchiveFormat::kPageDump ? parse_page_dump(text) : parse_jsonl_record(text);
}

std::string record_location(const ArchiveFile& file, const RawRecord& record) {
  if (record.line == 0) return file.path;
  return file.path + ":" + std::to_string(record.line);
}

std::size_t read_archive_file(const ArchiveFile& file, const ArticleSink& on_article,
                              const IssueSink& on_issue) {
  std::size_t produced = 0;
  read_raw_records(
      file,
      [&](RawRecord&& record) {
        corpus::Result<corpus::Article> article = corpus::internal("unexpected error");
        try {
          auto raw = parse_raw_record(file.format, record.text);
          article = raw ? corpus::prepare_article(std::move(*raw))
                        : corpus::Result<corpus::Article>(raw.error());
        } catch (const std::exception& e) {
          // As in the ingest pipeline: one record's failure is its skip.
          article = corpus::internal(std::string("unexpected error: ") + e.what());
        } catch (...) {
        }
        if (!article) {
          on_issue({record_location(file, record), article.error().message});
          return true;
        }
        on_article(std::move(*article));
        ++produced;
        return true;
      },
      on_issue);
  return produced;
}

}  // namespace izdeu::indexer
