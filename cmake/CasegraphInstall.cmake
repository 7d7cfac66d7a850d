# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# `cmake --install build [--prefix P]`: the two programs, a desktop entry, the case-file MIME type
# (so file managers open *.casegraph with the workbench) and the application icon.
include(GNUInstallDirs)
foreach(program casegraph casegraph-cli)
    if(TARGET ${program})
        # Every library comes from the system: no RPATH to rewrite (Qt's default asks for $ORIGIN).
        set_target_properties(${program} PROPERTIES INSTALL_RPATH "")
        install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/resources/desktop/org.casegraph.Casegraph.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/desktop/casegraph-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME casegraph.xml)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/casegraph.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
