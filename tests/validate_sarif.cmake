# Runs `beamcompat lint --format sarif` over every lint fixture (by relative path, and one by
# absolute path to cover file:// URIs) and validates the log with
# the SARIF Multitool (the same validator GitHub's docs point to). The test fails on any
# error or warning the validator reports, or when lint itself fails to produce a log.
execute_process(COMMAND ${BIN} lint --isolated --format sarif testdata/lint ${SRC}/testdata/lint/gpu_cuda
  WORKING_DIRECTORY ${SRC}
  OUTPUT_FILE ${OUT} RESULT_VARIABLE lint_rc)
if(NOT lint_rc EQUAL 1)
  message(FATAL_ERROR "lint exited ${lint_rc}; expected 1 (the fixtures have findings)")
endif()
execute_process(COMMAND ${MULTITOOL} validate ${OUT}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR out MATCHES "(warning|error) SARIF" OR err MATCHES "(warning|error) SARIF")
  message(FATAL_ERROR "Sarif.Multitool validate failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "${out}")
