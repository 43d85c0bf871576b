#include "indexer/index_layout.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace izdeu::indexer {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStubName = "XAPIANDB";

bool present(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

}  // namespace

std::string shard_directory(const std::string& dir, unsigned shard) {
  return (fs::path(dir) / ("shard-" + std::to_string(shard))).string();
}

corpus::Result<IndexLayout> inspect_index(const std::string& dir) {
  const fs::path root(dir);
  IndexLayout layout;
  // Xapian's own markers: iamglass (or iamchert, an older format) makes a
  // directory a database; XAPIANDB makes it a stub listing databases.
  if (present(root / "iamglass") || present(root / "iamchert")) {
    layout.shape = IndexShape::kSingle;
    layout.databases.push_back(dir);
    return layout;
  }
  const fs::path stub = root / kStubName;
  if (!present(stub)) return layout;

  std::ifstream input(stub);
  if (!input) return corpus::data_loss("cannot read " + stub.string());
  std::string line;
  while (std::getline(input, line)) {
    std::istringstream words(line);
    std::string type;
    std::string path;
    if (!(words >> type) || type.front() == '#') continue;
    // A stub line is "<backend> <path>"; only local databases can be written.
    if ((type != "auto" && type != "glass" && type != "chert") || !(words >> path)) {
      return corpus::data_loss(stub.string() + ": not a local database: \"" + line + "\"");
    }
    const fs::path database = fs::path(path).is_absolute() ? fs::path(path) : root / path;
    layout.databases.push_back(database.lexically_normal().string());
  }
  if (input.bad()) return corpus::data_loss("cannot read " + stub.string());
  if (layout.databases.empty()) return corpus::data_loss(stub.string() + " names no database");
  layout.shape = IndexShape::kSharded;
  return layout;
}

corpus::Result<void> write_shard_stub(const std::string& dir, unsigned shards) {
  const fs::path stub = fs::path(dir) / kStubName;
  const fs::path temporary = fs::path(dir) / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (unsigned shard = 0; shard < shards; ++shard) out << "glass shard-" << shard << '\n';
    out.flush();
    if (!out) return corpus::unavailable("cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, stub, ec);
  if (ec) return corpus::unavailable("cannot write " + stub.string() + ": " + ec.message());
  return {};
}

}  // namespace izdeu::indexer
