# Builds the .deb with CPack from the build tree and checks that it installs the binary, the
# shipped rules (lint's included) and the man page where the binary looks for them.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CPACK} -G DEB --config ${BUILD}/CPackConfig.cmake -B ${WORK}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB debs ${WORK}/beamcompat_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one beamcompat_*.deb in ${WORK}, found ${count}")
endif()
execute_process(COMMAND ${DPKG_DEB} -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
foreach(path ./usr/bin/beamcompat ./usr/share/beamcompat/rules/lint/lint.yaml
             ./usr/share/beamcompat/rules/versions.yaml ./usr/share/man/man1/beamcompat.1)
  string(FIND "${contents}" " ${path}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the .deb lacks ${path}:\n${contents}")
  endif()
endforeach()
# A static binary needs nothing at run time; a dynamic one needs its shared libraries.
execute_process(COMMAND ${DPKG_DEB} -f ${debs} Depends OUTPUT_VARIABLE depends)
string(STRIP "${depends}" depends)
if(STATIC AND NOT depends STREQUAL "")
  message(FATAL_ERROR "the static binary's .deb should depend on nothing: ${depends}")
elseif(NOT STATIC AND NOT depends MATCHES "libyaml-cpp")
  message(FATAL_ERROR "the .deb's Depends misses the shared libraries: ${depends}")
endif()
