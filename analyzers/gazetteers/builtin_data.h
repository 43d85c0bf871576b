#pragma once
// The entity data files of analyzers/data/, compiled in at build time (see
// builtin_data.cpp.in and analyzers/CMakeLists.txt): binaries need no data path.

#include <string_view>

namespace izdeu::analyzers {

std::string_view builtin_regions_data();   ///< analyzers/data/regions.txt
std::string_view builtin_topics_data();    ///< analyzers/data/topics.txt
std::string_view builtin_synonyms_data();  ///< analyzers/data/synonyms.txt

}  // namespace izdeu::analyzers
