# Configures (once), builds and runs the unit tests in a build of their own with ASan + UBSan.
# Called by CTest; the build folder persists, so a rerun with nothing changed is incremental. -O1 -g1 keeps
# the sanitized build fast to compile (line tables are enough for ASan's stack traces).
foreach(step
    "${CMAKE_COMMAND};-S;${SOURCE};-B;${BINARY};-DCMAKE_BUILD_TYPE=RelWithDebInfo;-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1;-DVAXEL_SANITIZE=ON;-DVAXEL_BUILD_VIZ=OFF;-DVAXEL_SANITIZED_TESTS=OFF"
    "${CMAKE_COMMAND};--build;${BINARY};--target;vaxel_tests;vaxel;-j2"
    "${BINARY}/tests/vaxel_tests;--no-version")
  execute_process(COMMAND ${step} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sanitized step failed (${rc}): ${step}")
  endif()
endforeach()
