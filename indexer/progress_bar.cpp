#include "indexer/progress_bar.h"

#include <cstdio>
#include <string>

namespace izdeu::indexer {

void ProgressBar::update(std::uint64_t articles, std::uint64_t bytes_done,
                         std::uint64_t bytes_total) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(articles) / seconds : 0;
  const double fraction =
      bytes_total > 0 ? static_cast<double>(bytes_done) / static_cast<double>(bytes_total) : 0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  char eta[32] = "--:--";
  if (fraction > 0.01 && fraction < 1) {
    const long remaining = static_cast<long>(seconds / fraction - seconds);
    std::snprintf(eta, sizeof eta, "%ld:%02ld", remaining / 60, remaining % 60);
  }
  char line[160];
  std::snprintf(line, sizeof line, "\r[%s] %3.0f%%  %llu articles  %.0f/s  ETA %s ", bar.c_str(),
                fraction * 100, static_cast<unsigned long long>(articles), rate, eta);
  out_ << line << std::flush;
}

void ProgressBar::finish() {
  if (drawn_) out_ << "\r\033[K" << std::flush;  // carriage return + erase line
}

}  // namespace izdeu::indexer
