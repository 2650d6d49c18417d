# Differences between the supported LLVM releases, in one place.

# LLVM 22's ClangTargets.cmake names imported gRPC and protobuf targets (for
# clangd's remote index) that Debian's libgrpc++-dev / libprotobuf-dev do not
# export as usable CMake packages (gRPCConfig.cmake wants grpc_cpp_plugin):
# provide them before find_package(Clang).
find_package(Protobuf QUIET)
if(NOT TARGET gRPC::grpc++)
  add_library(gRPC::grpc++ INTERFACE IMPORTED)
  set_target_properties(gRPC::grpc++ PROPERTIES INTERFACE_LINK_LIBRARIES "grpc++;grpc;gpr;absl_synchronization;absl_status;absl_statusor;absl_strings;absl_cord;absl_raw_logging_internal")
endif()
if(NOT TARGET protobuf::libprotobuf)
  add_library(protobuf::libprotobuf INTERFACE IMPORTED)
  set_target_properties(protobuf::libprotobuf PROPERTIES INTERFACE_LINK_LIBRARIES "protobuf")
endif()
