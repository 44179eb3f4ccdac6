# Build options for robustness work (scripts/fuzz.sh turns on the first two):
#   KPITREE_SANITIZE  everything with AddressSanitizer + UndefinedBehaviorSanitizer; any report
#                     aborts the process (no recovery), so a test that trips one fails.
#   KPITREE_FUZZ      libFuzzer targets in tests/fuzz (clang only); the code they call is built
#                     with coverage instrumentation.
#   KPITREE_WERROR    warnings are errors.
option(KPITREE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KPITREE_FUZZ "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)
option(KPITREE_WERROR "Treat compiler warnings as errors" OFF)

if(KPITREE_WERROR)
    add_compile_options(-Werror)
endif()

if(KPITREE_SANITIZE)
    set(KPITREE_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer
                               -fno-sanitize-recover=all)
    add_compile_options(${KPITREE_SANITIZE_FLAGS})
    add_link_options(${KPITREE_SANITIZE_FLAGS})
endif()

if(KPITREE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "KPITREE_FUZZ needs clang (libFuzzer); configure with "
                            "-DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    # Coverage feedback for everything; only the fuzz targets link libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link)
    add_link_options(-fsanitize=fuzzer-no-link)
endif()
