// izdeu-indexer: reads news archives (page dumps, JSONL) into an izdeu index.
//
// Exit codes: 0 success; 1 the index could not be opened or written (for
// example, locked by another writer); 2 bad command line or a bad --topics
// file; 3 nothing could be indexed from the given paths.

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/ingest_job.h"
#include "indexer/progress_bar.h"

namespace {

constexpr const char* kUsage =
    "usage: izdeu-indexer --index DIR [--batch N] [--topics FILE] [--quiet] PATH...\n"
    "       izdeu-indexer --index DIR --delete ID... [-- PATH...]\n"
    "\n"
    "Indexes .txt page dumps and .jsonl archives (directories are walked\n"
    "recursively). Articles are added or replaced by id: running again over the\n"
    "same files replaces, never duplicates.\n"
    "\n"
    "  --index DIR   index directory, created if missing (required)\n"
    "  --delete ID   delete articles by id; every following argument is an id\n"
    "                until '--'\n"
    "  --batch N     articles per commit (default 1000)\n"
    "  --topics FILE topic taxonomy to tag articles with (default: the built-in\n"
    "                one, analyzers/data/topics.txt); checked first, every\n"
    "                mistake reported as FILE:LINE\n"
    "  --quiet       no progress bar and no per-item warnings\n";

struct Args {
  izdeu::indexer::IngestOptions options;
  std::string topics_path;
  bool quiet = false;
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

bool parse_args(int argc, char** argv, Args& args, std::string& error) {
  bool deleting = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      deleting = false;
    } else if (arg == "--index" || arg == "--batch" || arg == "--topics") {
      if (i + 1 >= argc) {
        error = arg + " needs a value";
        return false;
      }
      const std::string value = argv[++i];
      if (arg == "--index") {
        args.options.index_path = value;
      } else if (arg == "--topics") {
        args.topics_path = value;
      } else {
        try {
          args.options.batch_size = std::stoul(value);
        } catch (...) {
          args.options.batch_size = 0;
        }
        if (args.options.batch_size == 0) {
          error = "--batch needs a positive number";
          return false;
        }
      }
      deleting = false;
    } else if (arg == "--delete") {
      deleting = true;
    } else if (arg == "--quiet") {
      args.quiet = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (arg.rfind("--", 0) == 0) {
      error = "unknown option " + arg;
      return false;
    } else if (deleting) {
      args.options.delete_ids.push_back(arg);
    } else {
      args.options.paths.push_back(arg);
    }
  }
  if (args.options.index_path.empty()) {
    error = "--index DIR is required";
    return false;
  }
  if (args.options.paths.empty() && args.options.delete_ids.empty()) {
    error = "nothing to do: give archive paths or --delete ids";
    return false;
  }
  return true;
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

  auto stats = run_ingest(args.options, progress, issue_sink);
  if (terminal) bar.finish();
  if (!stats) {
    std::cerr << "izdeu-indexer: " << stats.error().message << '\n';
    return 1;
  }
  const double rate = stats->seconds > 0 ? static_cast<double>(stats->read) / stats->seconds : 0;
  std::printf(
      "read %llu articles from %llu files (%.1f MB)\n"
      "indexed %llu (added %llu, replaced %llu), deleted %llu, skipped %zu\n"
      "%.2f s, %.0f docs/s; the index at %s holds %llu articles\n",
      static_cast<unsigned long long>(stats->read), static_cast<unsigned long long>(stats->files),
      static_cast<double>(stats->bytes) / 1e6, static_cast<unsigned long long>(stats->indexed()),
      static_cast<unsigned long long>(stats->added),
      static_cast<unsigned long long>(stats->replaced),
      static_cast<unsigned long long>(stats->deleted), stats->skipped.size(), stats->seconds, rate,
      args.options.index_path.c_str(), static_cast<unsigned long long>(stats->documents_in_index));
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
