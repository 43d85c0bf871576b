// izdeu-indexer: reads news archives (page dumps, JSONL) into an izdeu index.
//
// Exit codes (README's table): 0 success, also with skipped input; 1 the
// index could not be opened or written (for example, locked by another
// writer), never bad input; 2 bad command line; 3 nothing could be indexed
// from the given paths.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/index/live_writer.h"
#include "indexer/ingest_job.h"
#include "indexer/progress_bar.h"
#include "indexer/server_upload.h"

namespace {

constexpr const char* kUsage =
    "usage: izdeu-indexer --index DIR [options] PATH...\n"
    "       izdeu-indexer --index DIR --delete ID... [-- PATH...]\n"
    "       izdeu-indexer --server URL --key KEY PATH...\n"
    "\n"
    "Indexes .txt page dumps and .jsonl archives (directories are walked\n"
    "recursively). Articles are added or replaced by id: running again over the\n"
    "same files replaces, never duplicates.\n"
    "\n"
    "  --index DIR    index directory, created if missing (required)\n"
    "  --delete ID    delete articles by id; every following argument is an id\n"
    "                 until '--'\n"
    "  --threads N    analysis threads (default: one per core)\n"
    "  --shards N     a new index is built as N databases in parallel (default:\n"
    "                 one per analysis thread), then merged into one; an existing\n"
    "                 index keeps its shape\n"
    "  --no-merge     keep a new index's shards as DIR/shard-K (DIR/XAPIANDB lists\n"
    "                 them; izdeu-server --index DIR searches them as one)\n"
    "  --memory MB    memory for buffered work: read-ahead, queued documents and\n"
    "                 the changes each writer holds until it commits (default 1024)\n"
    "  --batch N      commit every N articles per writer, or earlier when its\n"
    "                 memory share is used up (default 1000)\n"
    "  --topics FILE  topic taxonomy to tag articles with (default: the built-in\n"
    "                 one, analyzers/data/topics.txt); checked first, every\n"
    "                 mistake reported as FILE:LINE\n"
    "  --server URL   send the articles to a running izdeu-server (http://host:port)\n"
    "                 through its write API instead of writing DIR: the way in while\n"
    "                 a server owns the index\n"
    "  --key KEY      a key with the write right for --server (or env IZDEU_KEY)\n"
    "  --quiet        no progress bar and no per-item warnings\n";

struct Args {
  izdeu::indexer::IngestOptions options;
  std::string server_url;
  std::string key;
  bool quiet = false;
  std::string topics_path;
};

// Loads --topics FILE into the options; false, with every mistake reported
// as FILE:LINE, when it cannot be read or is malformed.
bool load_topics(Args& args) {
  std::ifstream in(args.topics_path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    std::cerr << "izdeu-indexer: cannot read topic taxonomy " << args.topics_path << '\n';
    return false;
  }
  izdeu::analyzers::TopicTaxonomyLoad load = izdeu::analyzers::TopicTaxonomy::parse(text.str());
  for (const izdeu::analyzers::DataFileError& error : load.errors) {
    std::cerr << args.topics_path << ':' << error.line << ": " << error.message << '\n';
  }
  if (!load.taxonomy) return false;
  args.options.topics = std::move(load.taxonomy);
  return true;
}

// A positive whole number no larger than `max`, or nullopt.
std::optional<std::size_t> positive(const std::string& text, std::size_t max) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  try {
    const unsigned long long value = std::stoull(text);
    if (value == 0 || value > max) return std::nullopt;
    return static_cast<std::size_t>(value);
  } catch (...) {
    return std::nullopt;
  }
}

bool parse_args(int argc, char** argv, Args& args, std::string& error) {
  struct NumberOption {
    const char* name;
    std::size_t max;
    std::function<void(std::size_t)> set;
  };
  auto& options = args.options;
  const std::vector<NumberOption> numbers = {
      {"--batch", std::numeric_limits<std::size_t>::max(),
       [&](std::size_t n) { options.batch_size = n; }},
      {"--threads", 256, [&](std::size_t n) { options.threads = static_cast<unsigned>(n); }},
      {"--shards", 256, [&](std::size_t n) { options.shards = static_cast<unsigned>(n); }},
      {"--memory", 1u << 20, [&](std::size_t n) { options.memory_mb = n; }},
  };
  bool deleting = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto number = std::find_if(numbers.begin(), numbers.end(),
                                     [&](const NumberOption& o) { return arg == o.name; });
    if (arg == "--") {
      deleting = false;
    } else if (arg == "--index" || arg == "--topics" || arg == "--server" || arg == "--key" ||
               number != numbers.end()) {
      if (i + 1 >= argc) {
        error = arg + " needs a value";
        return false;
      }
      const std::string value = argv[++i];
      if (arg == "--index") {
        options.index_path = value;
      } else if (arg == "--server") {
        args.server_url = value;
      } else if (arg == "--key") {
        args.key = value;
      } else if (arg == "--topics") {
        args.topics_path = value;
      } else if (const auto n = positive(value, number->max)) {
        number->set(*n);
      } else {
        error = arg + " needs a positive number" +
                (number->max < (1u << 20) ? " up to " + std::to_string(number->max) : "");
        return false;
      }
      deleting = false;
    } else if (arg == "--delete") {
      deleting = true;
    } else if (arg == "--no-merge") {
      options.merge = false;
    } else if (arg == "--quiet") {
      args.quiet = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (arg.rfind("--", 0) == 0) {
      error = "unknown option " + arg;
      return false;
    } else if (deleting) {
      options.delete_ids.push_back(arg);
    } else {
      options.paths.push_back(arg);
    }
  }
  if (!args.server_url.empty()) {
    if (!options.index_path.empty()) {
      error = "give --index DIR or --server URL, not both";
      return false;
    }
    if (!options.delete_ids.empty()) {
      error = "--delete with --server: use the server's POST /api/v1/documents/delete";
      return false;
    }
    if (args.key.empty()) {
      const char* key = std::getenv("IZDEU_KEY");
      if (key != nullptr) args.key = key;
    }
    if (args.key.empty()) {
      error = "--server needs --key KEY (or IZDEU_KEY), a key with the write right";
      return false;
    }
    if (options.paths.empty()) {
      error = "nothing to do: give archive paths";
      return false;
    }
    return true;
  }
  if (options.index_path.empty()) {
    error = "--index DIR (or --server URL) is required";
    return false;
  }
  if (options.paths.empty() && options.delete_ids.empty()) {
    error = "nothing to do: give archive paths or --delete ids";
    return false;
  }
  return true;
}

// When the index is locked, says who holds it and how to proceed: a running
// izdeu-server leaves a note (corpus::kWriterNoteFile) naming its URL.
void explain_owner(const std::string& index_path) {
  std::ifstream note(std::filesystem::path(index_path) / izdeu::corpus::kWriterNoteFile);
  std::string line;
  if (!note || !std::getline(note, line)) return;
  const auto at = line.find(" url ");
  const std::string url = at == std::string::npos ? std::string() : line.substr(at + 5);
  std::cerr << "izdeu-indexer: " << index_path << " is owned by a running server (" << line
            << ").\n  Send the articles through it:  izdeu-indexer --server "
            << (url.empty() ? std::string("URL") : url.substr(0, url.find_last_not_of('/') + 1))
            << " --key KEY PATH...\n  or stop the server, then run izdeu-indexer --index "
            << index_path << " again.\n";
}

int upload(const Args& args, const izdeu::indexer::IssueSink& issue_sink) {
  izdeu::indexer::UploadOptions options;
  options.server_url = args.server_url;
  options.key = args.key;
  options.paths = args.options.paths;
  auto stats = izdeu::indexer::upload_to_server(options, issue_sink);
  if (!stats) {
    std::cerr << "izdeu-indexer: " << stats.error().message << '\n';
    return 1;
  }
  std::printf(
      "read %llu articles; the server indexed %llu (added %llu, replaced %llu), refused %llu\n"
      "%.2f s, %.0f docs/s, %llu requests (%llu retried after 429)\n",
      static_cast<unsigned long long>(stats->read),
      static_cast<unsigned long long>(stats->indexed + stats->replaced),
      static_cast<unsigned long long>(stats->indexed),
      static_cast<unsigned long long>(stats->replaced),
      static_cast<unsigned long long>(stats->refused), stats->seconds,
      stats->seconds > 0 ? static_cast<double>(stats->read) / stats->seconds : 0,
      static_cast<unsigned long long>(stats->requests),
      static_cast<unsigned long long>(stats->retries));
  if (stats->indexed + stats->replaced == 0) {
    std::cerr << "izdeu-indexer: nothing could be indexed from the given paths\n";
    return 3;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace izdeu::indexer;
  Args args;
  std::string error;
  if (!parse_args(argc, argv, args, error)) {
    std::cerr << "izdeu-indexer: " << error << "\n\n" << kUsage;
    return 2;
  }
  if (!args.topics_path.empty() && !load_topics(args)) return 2;
  const bool terminal = !args.quiet && isatty(STDERR_FILENO) == 1;
  ProgressBar bar(std::cerr);
  ProgressSink progress;
  if (terminal) {
    progress = [&bar](std::uint64_t n, std::uint64_t done, std::uint64_t total) {
      bar.update(n, done, total);
    };
  }
  IssueSink issue_sink;
  if (!args.quiet) {
    issue_sink = [&](const ReadIssue& issue) {
      if (terminal) bar.finish();
      std::cerr << "skipped " << issue.location << ": " << issue.reason << '\n';
    };
  }
  StageSink stage_sink;
  if (!args.quiet) {
    stage_sink = [&](const std::string& stage) {
      if (terminal) bar.finish();
      std::cerr << stage << "...\n";
    };
  }

  if (!args.server_url.empty()) return upload(args, issue_sink);

  auto stats = run_ingest(args.options, progress, issue_sink, stage_sink);
  if (terminal) bar.finish();
  if (!stats) {
    std::cerr << "izdeu-indexer: " << stats.error().message << '\n';
    if (stats.error().code == izdeu::corpus::ErrorCode::kUnavailable) {
      explain_owner(args.options.index_path);
    }
    return 1;
  }
  for (const std::string& note : stats->notes) std::cerr << "note: " << note << '\n';
  const double rate = stats->seconds > 0 ? static_cast<double>(stats->read) / stats->seconds : 0;
  const double megabytes = static_cast<double>(stats->bytes) / 1e6;
  char merged[64] = "";
  if (stats->merged)
    std::snprintf(merged, sizeof merged, ", merged in %.1f s", stats->merge_seconds);
  std::printf(
      "read %llu articles from %llu files (%.1f MB)\n"
      "indexed %llu (added %llu, replaced %llu), deleted %llu, skipped %zu\n"
      "%.2f s, %.0f docs/s, %.1f MB/s; %u threads, %u %s%s\n"
      "the index at %s holds %llu articles\n",
      static_cast<unsigned long long>(stats->read), static_cast<unsigned long long>(stats->files),
      megabytes, static_cast<unsigned long long>(stats->indexed()),
      static_cast<unsigned long long>(stats->added),
      static_cast<unsigned long long>(stats->replaced),
      static_cast<unsigned long long>(stats->deleted), stats->skipped.size(), stats->seconds, rate,
      stats->seconds > 0 ? megabytes / stats->seconds : 0, stats->threads, stats->shards,
      stats->shards == 1 ? "writer" : "shards", merged, args.options.index_path.c_str(),
      static_cast<unsigned long long>(stats->documents_in_index));
  if (stats->delete_missing > 0) {
    std::printf("%llu ids given to --delete were not in the index\n",
                static_cast<unsigned long long>(stats->delete_missing));
  }
  if (!args.options.paths.empty() && stats->indexed() == 0) {
    std::cerr << "izdeu-indexer: nothing could be indexed from the given paths\n";
    return 3;
  }
  return 0;
}
