#pragma once
// API keys and their rights. A key file has one key a line with its rights:
//
//   # comment lines and blank lines are ignored
//   3f9c2a7d0b1e4c58a6d2f0e9b7c31a44  write
//   reader-key-for-the-portal-0001    read
//   ops-team-key-0000000000000000000  admin
//
// Rights: `read`, `write`, `admin` (admin implies write and read; write
// implies read), several as a comma list ("read,write"). A key is 16 to 256
// printable ASCII characters without spaces. The same lines may be given in
// the environment (IZDEU_KEYS), separated by newlines or ';'.
//
// Keys are compared in constant time (the time taken does not depend on how
// much of a key matched) and never logged or echoed in an answer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/error.h"

namespace izdeu::server {

enum Right : std::uint8_t { kRead = 1, kWrite = 2, kAdmin = 4 };

class ApiKeys {
 public:
  /// Parses key lines (see above); `origin` names the file or variable in
  /// errors ("keys.txt:3: unknown right 'wrte'"); errors never quote the key.
  static corpus::Result<ApiKeys> parse(std::string_view text, std::string_view origin);

  /// Adds the keys of `other`.
  void merge(const ApiKeys& other);

  bool empty() const { return keys_.empty(); }
  /// Whether any key may write: the server opens its index for writing only then.
  bool any_write() const;

  /// The rights of `presented`, or nullopt when it is no configured key.
  /// Every configured key is compared, each in constant time.
  std::optional<std::uint8_t> rights_of(std::string_view presented) const;

 private:
  struct Key {
    std::string secret;
    std::uint8_t rights = 0;
  };
  std::vector<Key> keys_;
};

/// The key a request presents: `Authorization: Bearer KEY` or `X-Izdeu-Key: KEY`;
/// empty when it presents none.
std::string presented_key(std::string_view authorization, std::string_view x_izdeu_key);

/// Compares in time that depends only on `expected`'s length.
bool constant_time_equal(std::string_view presented, std::string_view expected);

}  // namespace izdeu::server
