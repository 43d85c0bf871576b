#include "corpus/index/shards.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus/index/lexicon.h"

namespace izdeu::corpus {
namespace {

// Xapian's own stub syntax (backends/dbfactory.cc): one database a line,
// "TYPE ARG"; blank lines and lines starting with '#' ignored; a relative
// path is relative to the stub's folder. Only `remote` and `auto` lines
// matter here; a nested stub is followed a few levels deep, as Xapian does.
void collect_remote(const std::filesystem::path& path, int depth,
                    std::vector<Xapian::Database>& out) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path stub = path;
  if (fs::is_directory(path, error)) {
    stub = path / "XAPIANDB";
    if (!fs::is_regular_file(stub, error)) return;  // a database folder
  } else if (!fs::is_regular_file(path, error)) {
    return;
  }
  if (depth > 4) return;
  std::ifstream in(stub);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream words(line);
    std::string type;
    if (!(words >> type) || type.front() == '#') continue;
    std::string rest;
    std::getline(words >> std::ws, rest);
    if (type == "remote") {
      if (!rest.empty() && rest.front() == ':') {
        // ":PROGRAM ARGS": Xapian runs the program and speaks over its pipes.
        const std::size_t space = rest.find(' ');
        out.push_back(Xapian::Remote::open(
            rest.substr(1, space == std::string::npos ? std::string::npos : space - 1),
            space == std::string::npos ? std::string() : rest.substr(space + 1)));
      } else {
        const std::size_t colon = rest.rfind(':');
        if (colon == std::string::npos) continue;  // Xapian refuses it when opening
        out.push_back(Xapian::Remote::open(
            rest.substr(0, colon), static_cast<unsigned>(std::stoul(rest.substr(colon + 1)))));
      }
    } else if (type == "auto") {
      fs::path target = rest;
      if (target.is_relative()) target = stub.parent_path() / target;
      collect_remote(target, depth + 1, out);
    }
  }
}

}  // namespace

Result<std::vector<Xapian::Database>> open_remote_shards(const std::vector<std::string>& paths) {
  std::vector<Xapian::Database> remote;
  for (const std::string& path : paths) {
    try {
      collect_remote(path, 0, remote);
    } catch (const Xapian::Error& e) {
      return from_xapian(e, path);
    } catch (const std::exception& e) {
      return unavailable("cannot read the stub " + path + ": " + e.what());
    }
  }
  return remote;
}

Result<Xapian::Database> open_shards(const std::vector<std::string>& paths,
                                     std::vector<Xapian::Database>* each) {
  Xapian::Database all;
  std::vector<Xapian::Database> opened;
  opened.reserve(paths.size());
  for (const std::string& path : paths) {
    try {
      // No backend flag: Xapian tells a database folder from a stub folder
      // or a stub file itself, and reads the stub's lines (remote ones too).
      opened.emplace_back(path);
      // A stub's shards are checked as one: metadata reads from the first.
      if (auto schema = check_schema(opened.back(), path); !schema) return schema.error();
      // add_database() shares the shard's handle rather than copying it, so
      // reopening the combined database reopens the shard and vice versa.
      all.add_database(opened.back());
    } catch (const Xapian::Error& e) {
      return from_xapian(e, path);
    }
  }
  if (each != nullptr) *each = std::move(opened);
  return all;
}

std::string joined_paths(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& path : paths) out += (out.empty() ? "" : ", ") + path;
  return out;
}

}  // namespace izdeu::corpus
