
˛
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
≥
!ref_AppliedPTransform_Stateful_30ç
ı
beam:transform:pardo:v1Ÿ
î
 beam:dofn:pickled_python_info:v1pQlpoOTFBWSZTWU0B4BsAAA534EwgAAIAYQABAACmANQCQAQOACAAIqeoyYBNN5T1CgAxGmmjR7OcAygurT8H2R+SW9oDcsprGFwXckU4UJBNAeAb"ø
countµ≤
ref_Coder_VarIntCoder_3ñ
 beam:combinefn:pickled_python:v1r
pQlpoOTFBWSZTWaGALyMAAA314ExAAAQAYQABECcOAkAEDgAgACKnqGahtA2k9UKADEaaaNO0lIBDM8N7EZ5SgdXhwwQ2Kk/i7kinChIUMAXkYA==*Stateful:	anyof_env*Î
%ref_Environment_default_environment_1¡beam:env:external:v1

localhost:50000*beam:coder:bytes:v1*beam:coder:bool:v1*beam:coder:varint:v1*beam:coder:string_utf8:v1*beam:coder:iterable:v1*beam:coder:kv:v1*beam:coder:windowed_value:v1*beam:coder:global_window:v1*beam:coder:length_prefix:v1*#beam:protocol:progress_reporting:v0*)beam:protocol:harness_monitoring_infos:v1*beam:protocol:worker_status:v1*beam:combinefn:packed_python:v1*7beam:version:sdk_base:apache/beam_python3.11_sdk:2.56.0*1beam:transform:sdf_truncate_sized_restrictions:v1*beam:transform:to_string:v1*beam:protocol:data_sampling:v1*ﬂ	
	anyof_env—	beam:env:anyof:v1ª	
Òbeam:env:docker:v1#
!apache/beam_python3.11_sdk:2.56.0*beam:coder:bytes:v1*beam:coder:bool:v1*beam:coder:varint:v1*beam:coder:string_utf8:v1*beam:coder:iterable:v1*beam:coder:kv:v1*beam:coder:windowed_value:v1*beam:coder:global_window:v1*beam:coder:length_prefix:v1*#beam:protocol:progress_reporting:v0*)beam:protocol:harness_monitoring_infos:v1*beam:protocol:worker_status:v1*beam:combinefn:packed_python:v1*7beam:version:sdk_base:apache/beam_python3.11_sdk:2.56.0*1beam:transform:sdf_truncate_sized_restrictions:v1*beam:transform:to_string:v1*beam:protocol:data_sampling:v1* beam:protocol:sibling_workers:v1
ƒbeam:env:process:v1/opt/apache/beam/boot*beam:coder:bytes:v1*beam:coder:bool:v1*beam:coder:varint:v1*beam:coder:string_utf8:v1*beam:coder:iterable:v1*beam:coder:kv:v1*beam:coder:windowed_value:v1*beam:coder:global_window:v1*beam:coder:length_prefix:v1*#beam:protocol:progress_reporting:v0*)beam:protocol:harness_monitoring_infos:v1*beam:protocol:worker_status:v1*beam:combinefn:packed_python:v1*7beam:version:sdk_base:apache/beam_python3.11_sdk:2.56.0*1beam:transform:sdf_truncate_sized_restrictions:v1*beam:transform:to_string:v1*beam:protocol:data_sampling:v1