cmake_minimum_required(VERSION 3.20)
# Installs the build into a scratch prefix and runs the installed binary from another
# directory: it must find its shipped rules under <prefix>/share/beamcompat/rules with no
# flags. Arguments: -DBUILD=<build dir> -DPREFIX=<scratch prefix> -DLIST=<a package list>.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
                OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(rule_file versions.yaml packages.yaml staging.yaml)
  if(NOT EXISTS ${PREFIX}/share/beamcompat/rules/${rule_file})
    message(FATAL_ERROR "not installed: share/beamcompat/rules/${rule_file}")
  endif()
endforeach()
execute_process(COMMAND ${PREFIX}/bin/beamcompat check --runtime ${LIST} --select BC008
                WORKING_DIRECTORY ${PREFIX}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT out MATCHES "BC008 error: the runtime package list")
  message(FATAL_ERROR "installed check did not run the shipped rules (exit ${rc})\n${out}\n${err}")
endif()
