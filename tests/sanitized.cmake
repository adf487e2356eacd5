# Configures (once), builds and runs the unit tests in a build of their own with ASan + UBSan.
# Called by CTest; the build folder persists, so a rerun with nothing changed is incremental. -O1 -g1 keeps
# the sanitized build fast to compile (line tables are enough for ASan's stack traces), and so does a unity
# build of the libraries (8.5 -> 4.8 minutes from scratch on 2 cores; the test files stay one by one).
# The statistical checks of the engine against Erlang A, B and C simulate millions of calls; under ASan SimGrid
# runs on thread contexts (sim/actors.cpp) and everything is about 11 times slower (M/M/c/K+M: 6.7 s -> 71 s),
# so those three would take about half an hour. They run in the ordinary build; here every other case runs,
# M/M/c/K+M included, which drives the same validation code (about 3 minutes on 2 cores).
foreach(step
    "${CMAKE_COMMAND};-S;${SOURCE};-B;${BINARY};-DCMAKE_BUILD_TYPE=RelWithDebInfo;-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1;-DVAXEL_SANITIZE=ON;-DVAXEL_BUILD_VIZ=OFF;-DVAXEL_SANITIZED_TESTS=OFF;-DCMAKE_UNITY_BUILD=ON"
    "${CMAKE_COMMAND};--build;${BINARY};--target;vaxel_tests;vaxel;-j2"
    "${BINARY}/tests/vaxel_tests;--no-version;--test-case-exclude=Erlang*")
  execute_process(COMMAND ${step} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sanitized step failed (${rc}): ${step}")
  endif()
endforeach()
