#pragma once
// Publication dates as the news portals print them, in Russian and Kazakh.

#include <optional>
#include <string_view>

#include "corpus/date.h"

namespace izdeu::formats {

/// Parses a line that consists of a date and nothing else. Accepted shapes
/// (letters in any case, Kazakh letters or their Russian-keyboard stand-ins):
///
///   numeric   "01.07.2021", "1.7.2021", "2021-07-01"
///   Russian   "14 Марта, 2019", "1 июля 2021 г.", "1 июля 2021 года",
///             nominative month names too ("1 июль 2021")
///   Kazakh    "5 Наурыз, 2020", "1 шілде 2021", "1 шілде 2021 ж.",
///             "2021 жылғы 1 шілде", "2021 жылы 1 шілдеде" (the month may carry
///             a locative -да/-де/-та/-те or -дағы/-дегі suffix)
///
/// Kazakh month names: қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз
/// қыркүйек қазан қараша желтоқсан, also typed without Kazakh letters
/// (кантар, акпан, сэуир/сауир, шилде, кыркуйек, казан, караша, желтоксан).
///
/// Surrounding white space (including no-break spaces), a byte order mark,
/// trailing punctuation (. , ; !) and a trailing time of day ("12:30",
/// "12:30:05", "в 12:30") are allowed. Anything else on the line, an impossible day
/// (31.02.2021) or a year outside 1800..2200 gives nullopt, so the function
/// doubles as the test "is this line a date line?". Never throws.
std::optional<corpus::Date> parse_news_date(std::string_view text);

}  // namespace izdeu::formats
