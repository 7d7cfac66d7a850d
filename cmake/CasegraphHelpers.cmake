# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later

# Stricter Qt definitions and warnings for every Casegraph target.
function(casegraph_target_defaults target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CONTEXTLESS_CONNECT QT_USE_QSTRINGBUILDER QT_NO_CAST_TO_ASCII QT_NO_KEYWORDS)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
    if(CASEGRAPH_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# casegraph_add_test(name SOURCES a.cpp [LIBS ...] [GUI])
# One executable per test class; GUI tests run on the offscreen platform.
function(casegraph_add_test name)
    cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    casegraph_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        CASEGRAPH_TESTDATA_DIR="${CMAKE_SOURCE_DIR}/../shared/testdata"
        CASEGRAPH_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8")
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
endfunction()
