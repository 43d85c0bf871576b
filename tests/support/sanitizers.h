#pragma once
// IZDEU_ASAN is defined when the build has AddressSanitizer: gcc defines
// __SANITIZE_ADDRESS__, clang (the ci-asan preset) only answers
// __has_feature(address_sanitizer).

#if defined(__SANITIZE_ADDRESS__)
#define IZDEU_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IZDEU_ASAN 1
#endif
#endif
