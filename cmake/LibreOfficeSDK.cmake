# Locates the LibreOffice SDK and office, and generates the C++ UNO API headers at build time
# (Debian ships no generated com/sun/star/*.hpp headers).
set(LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program directory")
set(LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK directory")

set(KPITREE_HAVE_SDK OFF)
if(EXISTS "${LO_SDK_DIR}/bin/cppumaker" AND EXISTS "${LO_PROGRAM_DIR}/types.rdb")
    set(KPITREE_HAVE_SDK ON)
endif()
if(NOT KPITREE_HAVE_SDK)
    return()
endif()

set(LO_TYPES_RDB "${LO_PROGRAM_DIR}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM_DIR}/types/offapi.rdb")
set(LO_UNOIDL_WRITE "${LO_SDK_DIR}/bin/unoidl-write")
set(LO_CPPUMAKER "${LO_SDK_DIR}/bin/cppumaker")

# Our own IDL -> kpitree.rdb, then headers for the office API and our types.
set(KPITREE_RDB "${CMAKE_BINARY_DIR}/kpitree.rdb")
set(KPITREE_IDL "${CMAKE_SOURCE_DIR}/idl/org/kpitree/XKpiTree.idl")
add_custom_command(
    OUTPUT "${KPITREE_RDB}"
    COMMAND "${LO_UNOIDL_WRITE}" "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}" "${KPITREE_IDL}"
            "${KPITREE_RDB}"
    DEPENDS "${KPITREE_IDL}"
    COMMENT "Compiling UNO IDL")

set(KPITREE_UNO_HEADERS "${CMAKE_BINARY_DIR}/uno-headers")
add_custom_command(
    OUTPUT "${KPITREE_UNO_HEADERS}/stamp"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${KPITREE_UNO_HEADERS}"
    COMMAND "${LO_CPPUMAKER}" "-O${KPITREE_UNO_HEADERS}" "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}"
            "${KPITREE_RDB}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${KPITREE_UNO_HEADERS}/stamp"
    DEPENDS "${KPITREE_RDB}"
    COMMENT "Generating UNO C++ headers")
add_custom_target(kpitree_uno_headers DEPENDS "${KPITREE_UNO_HEADERS}/stamp" "${KPITREE_RDB}")

# Interface target for everything that includes UNO headers.
add_library(lo_sdk INTERFACE)
add_dependencies(lo_sdk kpitree_uno_headers)
target_include_directories(lo_sdk SYSTEM INTERFACE "${KPITREE_UNO_HEADERS}" "${LO_SDK_DIR}/include")
target_compile_definitions(lo_sdk INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_directories(lo_sdk INTERFACE "${LO_SDK_DIR}/lib")
target_link_libraries(lo_sdk INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal)

# kpitree_uno_component(<target> <output name> <sources...>): a UNO component library as the
# .oxt ships it — <output name>.so in the build directory, only the component's constructor
# exported, no undefined symbols. Link its libraries with target_link_libraries afterwards.
function(kpitree_uno_component target output)
    add_library(${target} MODULE ${ARGN})
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME "${output}" PREFIX "" SUFFIX ".so"
        LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}"
        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
    target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,-z,defs)
endfunction()
