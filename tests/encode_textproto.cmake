# Encodes one text-format Pipeline into its binary form with protoc --encode.
execute_process(
  COMMAND ${PROTOC} --encode=org.apache.beam.model.pipeline.v1.Pipeline -I ${CMAKE_CURRENT_LIST_DIR}/../proto ${PROTO}
  INPUT_FILE ${IN} OUTPUT_FILE ${OUT} ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "cannot encode ${IN}: ${err}")
endif()
