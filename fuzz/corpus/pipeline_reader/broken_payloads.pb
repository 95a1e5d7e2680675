
ú	
à
ref_AppliedPTransform_Good_1Á
∑
beam:transform:pardo:v1õ
ò
 beam:dofn:pickled_python_info:v1tQlpoOTFBWSZTWVpY0OYAABFV4ExQCGEAASKi1AJABA4AIAAhqnqemoNBoNtU/VCgAGgZMiGAvIULDiSW9m1+oLsxcvtJNgtF2F+LuSKcKEgtLGhzAA==*Good:%ref_Environment_default_environment_1
ê
ref_AppliedPTransform_Cut_2q
C
beam:transform:pardo:v1(
ê
 beam:dofn:pickled_python_info:v1lQ*Cut:%ref_Environment_default_environment_1*˚
%ref_Environment_default_environment_1—beam:env:docker:v1#
!apache/beam_python3.10_sdk:2.56.0*beam:coder:bytes:v1*beam:coder:bool:v1*beam:coder:varint:v1*beam:coder:string_utf8:v1*beam:coder:iterable:v1*beam:coder:kv:v1*beam:coder:windowed_value:v1*beam:coder:global_window:v1*beam:coder:length_prefix:v1*#beam:protocol:progress_reporting:v0*)beam:protocol:harness_monitoring_infos:v1*beam:protocol:worker_status:v1*beam:combinefn:packed_python:v1*7beam:version:sdk_base:apache/beam_python3.10_sdk:2.56.0*1beam:transform:sdf_truncate_sized_restrictions:v1*beam:transform:to_string:v1*beam:protocol:data_sampling:v1* beam:protocol:sibling_workers:v12^
beam:artifact:type:url:v1
ˇgs://cut beam:artifact:role:staging_to:v1"
requirements.txt