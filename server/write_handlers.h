#pragma once
// The write API: PUT/DELETE /api/v1/documents/{id}, POST /api/v1/documents
// (a batch: a JSON array, NDJSON, or one page dump as text/plain) and POST
// /api/v1/documents/delete (by ids, or by source and/or date). Every write
// needs a key with the write right (api_keys.h) and is answered only once its
// changes are committed (corpus::LiveWriter): a 2xx is durable.
//
// Articles are read by formats/ (the indexer's readers) and prepared by
// corpus::prepare_document(), the indexer's preparation, so an article
// written over HTTP gets the same id, language and terms as one indexed from
// a file.

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "corpus/index/live_writer.h"
#include "corpus/index/prepare.h"
#include "server/server_config.h"

namespace izdeu::server {

class WriteHandlers {
 public:
  /// `writer` null: writes are disabled (no write key configured, or the
  /// index cannot be written by this server) and every write answers 403
  /// writes_disabled with `disabled_reason`.
  WriteHandlers(const ServerConfig& config, corpus::LiveWriter* writer,
                std::string disabled_reason);

  /// PUT /api/v1/documents/{id}: one article, a JSON object or (text/plain)
  /// a page dump; 200 {"id","status":"indexed"|"replaced"}.
  void put_document(const httplib::Request& request, httplib::Response& response,
                    const httplib::ContentReader& read_body);
  /// POST /api/v1/documents: 200 {"indexed","replaced","failed","items":[...]}.
  void post_documents(const httplib::Request& request, httplib::Response& response,
                      const httplib::ContentReader& read_body);
  /// DELETE /api/v1/documents/{id}: 200 {"id","status":"deleted"}, or 404.
  void delete_document(const httplib::Request& request, httplib::Response& response,
                       const httplib::ContentReader& read_body);
  /// POST /api/v1/documents/delete: {"ids":[...]} or {"source","before"}.
  void delete_documents(const httplib::Request& request, httplib::Response& response,
                        const httplib::ContentReader& read_body);

  /// izdeu_write_* lines for /metrics (Prometheus text format).
  std::string metrics_text() const;

 private:
  /// Checks that writes are enabled and the request's key may write, then
  /// reads the body (at most max_write_bytes). On refusal the body is read
  /// and dropped, the answer written, and nullopt returned.
  std::optional<std::string> admit(const httplib::Request& request, httplib::Response& response,
                                   const httplib::ContentReader& read_body);
  /// Applies changes; writes 429 (with Retry-After) or the index's error on
  /// failure and returns nullopt.
  std::optional<std::vector<corpus::ChangeOutcome>> apply(std::vector<corpus::IndexChange> changes,
                                                          httplib::Response& response);

  const ServerConfig& config_;
  corpus::LiveWriter* writer_;
  std::string disabled_reason_;
  corpus::PrepareOptions prepare_;
  std::atomic<std::uint64_t> indexed_{0};
  std::atomic<std::uint64_t> replaced_{0};
  std::atomic<std::uint64_t> deleted_{0};
  std::atomic<std::uint64_t> failed_items_{0};
  std::atomic<std::uint64_t> refused_{0};  // 401, 403, 413, 429
};

}  // namespace izdeu::server
