// The doctest runner for vaxel's unit and integration tests; CTest runs one case per test.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
