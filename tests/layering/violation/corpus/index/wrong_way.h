#pragma once
// Fixture for the layering check: the index room must not include the search
// room. tests/layering/CMakeLists.txt expects the check to fail on this tree.
#include "corpus/search/searcher.h"
