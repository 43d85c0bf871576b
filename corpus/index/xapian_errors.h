#pragma once
// The one conversion from Xapian exceptions to izdeu's Error. Only the public
// methods of IndexWriter and Searcher catch Xapian exceptions, and they all
// convert through here.

#include <xapian.h>

#include "corpus/error.h"

namespace izdeu::corpus {

/// Maps a Xapian exception to an Error, keeping Xapian's message and naming
/// the index path when given.
Error from_xapian(const Xapian::Error& error, const std::string& index_path = {});

}  // namespace izdeu::corpus
