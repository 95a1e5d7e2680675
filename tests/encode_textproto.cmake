# Encodes one text-format Pipeline into its binary form with protoc --encode.
# protoc wants -I to be an exact prefix of the .proto path, so derive it from PROTO itself.
get_filename_component(proto_dir ${PROTO} DIRECTORY)
execute_process(
  COMMAND ${PROTOC} --encode=org.apache.beam.model.pipeline.v1.Pipeline -I ${proto_dir} ${PROTO}
  INPUT_FILE ${IN} OUTPUT_FILE ${OUT} ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "cannot encode ${IN}: ${err}")
endif()
