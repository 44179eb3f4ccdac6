# The core library and its public headers must not include UNO, rtl, sal, osl or cppuhelper
# headers (CONTRIBUTING.md, "The layers"). Fails listing the offending lines.
file(GLOB_RECURSE files "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/src/core/*.hpp"
     "${SOURCE_DIR}/src/core/*.cpp")
set(bad "")
foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](com/sun/star|rtl/|sal/|osl/|cppuhelper/|uno/|cppu/)")
    foreach(l IN LISTS lines)
        string(APPEND bad "${f}: ${l}\n")
    endforeach()
endforeach()
list(LENGTH files n)
if(n EQUAL 0)
    message(FATAL_ERROR "no core sources found under ${SOURCE_DIR}")
endif()
if(bad)
    message(FATAL_ERROR "UNO headers in the core:\n${bad}")
endif()
message(STATUS "${n} core files, none includes a UNO header")
