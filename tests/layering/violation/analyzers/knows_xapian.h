#pragma once
// Fixture for the layering check: analyzers/ must not include Xapian.
#include <xapian.h>
