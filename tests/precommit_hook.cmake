# Runs the repository's `beamcompat-lint` pre-commit hook (language: system) with Debian's
# pre-commit on a copy of testdata/precommit/sample_repo, the way a user's CI would:
# `pre-commit try-repo <hooks repo> beamcompat-lint --all-files`, with the built binary on
# PATH. The hooks repo is a fresh git repo holding .pre-commit-hooks.yaml, so the test does
# not depend on the source tree being a git checkout. Checks the hook fails with the
# sample's BL001 finding and honours the sample's [tool.beamcompat] config.
set(work ${WORK})
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work}/hooks ${work}/home)
file(COPY ${SRC}/testdata/precommit/sample_repo DESTINATION ${work})
file(COPY ${SRC}/.pre-commit-hooks.yaml DESTINATION ${work}/hooks)
set(ENV{HOME} ${work}/home)
set(ENV{PRE_COMMIT_HOME} ${work}/home/cache)
set(ENV{NO_COLOR} 1)
get_filename_component(bin_dir ${BIN} DIRECTORY)
set(ENV{PATH} "${bin_dir}:$ENV{PATH}")
set(git git -c user.name=beamcompat-test -c user.email=test@beamcompat.invalid
        -c init.defaultBranch=main -c commit.gpgsign=false)
foreach(repo hooks sample_repo)
  execute_process(COMMAND ${git} init -q WORKING_DIRECTORY ${work}/${repo} RESULT_VARIABLE rc)
  execute_process(COMMAND ${git} add -A WORKING_DIRECTORY ${work}/${repo})
  execute_process(COMMAND ${git} commit -q -m sample WORKING_DIRECTORY ${work}/${repo}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "git commit failed in ${repo}")
  endif()
endforeach()
execute_process(
  COMMAND ${PRE_COMMIT} try-repo ${work}/hooks beamcompat-lint --all-files --color never
  WORKING_DIRECTORY ${work}/sample_repo
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message(STATUS "pre-commit exited ${rc}:\n${out}\n${err}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected the hook to fail (exit 1), got ${rc}")
endif()
if(NOT out MATCHES "beamcompat lint\\.+Failed")
  message(FATAL_ERROR "pre-commit did not report the beamcompat-lint hook as failed")
endif()
foreach(expected
    "Dockerfile:3:6: BL001 error: FROM image apache/beam_python3.11_sdk:2.52.0 has Beam 2.52.0, but the repository pins apache-beam[gcp]==2.53.0 (requirements.txt:1:1)"
    "1 error, 0 warnings, 0 info")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "pre-commit output lacks: ${expected}")
  endif()
endforeach()
string(FIND "${out}" "BL006" ignored)
if(NOT ignored EQUAL -1)
  message(FATAL_ERROR "the sample's [tool.beamcompat] ignore = [\"BL006\"] was not honoured")
endif()
