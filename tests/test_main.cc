// The one test binary's entry point; every *_test.cc under tests/ links into it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
