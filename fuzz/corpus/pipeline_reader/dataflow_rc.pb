
ù
z
$ref_AppliedPTransform_Read-Impulse_4R

beam:transform:impulse:v1"%
Noneref_PCollection_PCollection_1*Read/Impulse
ö
9ref_AppliedPTransform_Read-Map-lambda-at-iobase-py-908-_5‹
ø
beam:transform:pardo:v1£
†
 beam:dofn:pickled_python_info:v1|QlpoOTFBWSZTWfSHN5gAABPV4E5QAEUAASKm3AJCBA4AIABUUaGgAAAGqek9J6gaA09PVHqMgDm5YgUc2Tt+Hn501iskqZldl3KAoG9+lFR74u5IpwoSHpDm8wA=%
Noneref_PCollection_PCollection_1"%
Noneref_PCollection_PCollection_2*#Read/Map(<lambda at iobase.py:908>):%ref_Environment_default_environment_1
‹
ref_AppliedPTransform_Split_8∫
ª
beam:transform:pardo:v1ü
ú
 beam:dofn:pickled_python_info:v1xQlpoOTFBWSZTWXQrb+wAABBX4FyAAskAAQAOJyUUgkIEDgAgACKagyDDUAzJP1DGAAAAAzJqkmDBN5hhwXmfdUdT5E8gcqlQmrb+wERcXckU4UJB0K2/sA==%
Noneref_PCollection_PCollection_2"%
Noneref_PCollection_PCollection_3*Split:%ref_Environment_default_environment_1
‰
#ref_AppliedPTransform_PairWithOne_9º
∑
beam:transform:pardo:v1õ
ò
 beam:dofn:pickled_python_info:v1tQlpoOTFBWSZTWVpY0OYAABFV4ExQCGEAASKi1AJABA4AIAAhqnqemoNBoNtU/VCgAGgZMiGAvIULDiSW9m1+oLsxcvtJNgtF2F+LuSKcKEgtLGhzAA==%
Noneref_PCollection_PCollection_3"%
Noneref_PCollection_PCollection_4*PairWithOne:%ref_Environment_default_environment_1*ª
%ref_Environment_default_environment_1ëbeam:env:docker:v1:
8gcr.io/cloud-dataflow/v1beta3/beam_python3.11_sdk:2.50.0*beam:coder:bytes:v1*beam:coder:bool:v1*beam:coder:varint:v1*beam:coder:string_utf8:v1*beam:coder:iterable:v1*beam:coder:kv:v1*beam:coder:windowed_value:v1*beam:coder:global_window:v1*beam:coder:length_prefix:v1*#beam:protocol:progress_reporting:v0*)beam:protocol:harness_monitoring_infos:v1*beam:protocol:worker_status:v1*beam:combinefn:packed_python:v1*:beam:version:sdk_base:apache/beam_python3.11_sdk:2.50.0rc1*1beam:transform:sdf_truncate_sized_restrictions:v1*beam:transform:to_string:v1*beam:protocol:data_sampling:v1* beam:protocol:sibling_workers:v12É
beam:artifact:type:url:v1ò
Tgs://my-bucket/staging/beamapp-dev-0518-ab12/submission_environment_dependencies.txt@2f8104fba08f6d3682da2bd8e369316bf60b7d9b3263896cf7460650a9bcc94f beam:artifact:role:staging_to:v1")
'submission_environment_dependencies.txt