# lit configuration of the vss-tidy behaviour tests.
import os
import lit.formats

config.name = "vss-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.vss_binary_dir, "test")

inputs = os.path.join(config.test_source_root, "Inputs")
runner = os.path.join(config.test_source_root, "tools", "check_vss_tidy.py")
runner_args = (
    f"--vss-tidy={config.vss_tidy} --plugin={config.vss_plugin} "
    f"--host-clang-tidy={config.host_clang_tidy} --filecheck={config.filecheck} "
    f"--sdk-include={inputs}/sdk --mingw-overlay={inputs}/mingw-overlay "
    f"--mingw-include={config.mingw_include}"
    f" --sanitizers={getattr(config, 'vss_sanitizers', '')}"
)
config.substitutions.extend([
    ("%check_vss", f"{config.python} {runner} {runner_args}"),
    ("%vss_tidy", config.vss_tidy),
    ("%vss_clangd", config.vss_clangd),
    ("%vss_sarif", config.vss_sarif),
    ("%vss_facts", config.vss_facts),
    ("%sarif_multitool", config.sarif_multitool),
    ("%vss_plugin", config.vss_plugin),
    ("%clang_tidy", config.host_clang_tidy),
    ("%clangxx", config.host_clang),
    ("%clang_format", config.clang_format),
    ("%sdk_include", os.path.join(inputs, "sdk")),
    ("%mingw_overlay", os.path.join(inputs, "mingw-overlay")),
    ("%mingw_include", config.mingw_include),
    ("%inputs", inputs),
    ("%python", config.python),
    ("%llvm_version_major", config.llvm_version_major),
    ("%run_clang_tidy", os.path.join(config.llvm_tools_dir, "run-clang-tidy")),
    ("%source_dir", config.vss_source_dir),
    ("%binary_dir", config.vss_binary_dir),
    ("%cmake", config.cmake),
    ("%install_libdir", config.install_libdir),
])
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])
config.substitutions.append(("%not", config.not_tool))

# The SARIF Multitool validates vss-sarif's output; scripts/run-tests.sh
# installs it (npm). Without it the validating tests are reported as
# UNSUPPORTED ("requires ... sarif-multitool"), not failed.
if os.access(config.sarif_multitool, os.X_OK):
    config.available_features.add("sarif-multitool")

# llvm-N: the LLVM release built against, for tests that meet a bug of one release.
config.available_features.add("llvm-" + config.llvm_version_major)

# Built with sanitizers (VSS_SANITIZERS): the plugin needs their runtime, which the host
# clang-tidy does not have, so the tests of the plugin in it say "UNSUPPORTED: sanitizers"
# and the runner checks -use-plugin tests with vss-tidy (it prints that it does).
if getattr(config, "vss_sanitizers", ""):
    config.available_features.add("sanitizers")
    # A report aborts (a signal), so that it fails a command expected to exit 1 too.
    # allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons its slabs when instantiated in
    # our instrumented code, but the uninstrumented LLVM libraries never unpoison them.
    for var, ours in (("ASAN_OPTIONS", "abort_on_error=1:allow_user_poisoning=0"),
                      ("UBSAN_OPTIONS", "abort_on_error=1:print_stacktrace=1")):
        theirs = config.environment.get(var)
        config.environment[var] = ours + (":" + theirs if theirs else "")

# The plugin built for the other supported LLVM release, which scripts/run-tests.sh
# builds and passes as --param cross_llvm=N --param cross_plugin=PATH: the
# plugin-version tests load each plugin into the other release's clang-tidy.
# Without them those tests are UNSUPPORTED ("requires ... cross-llvm").
cross_llvm = lit_config.params.get("cross_llvm")
cross_plugin = lit_config.params.get("cross_plugin")
cross_clang_tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % cross_llvm
if cross_llvm and cross_plugin and os.path.isfile(cross_plugin) and os.access(cross_clang_tidy, os.X_OK):
    config.available_features.add("cross-llvm")
    config.substitutions.extend([
        ("%cross_plugin", cross_plugin),
        ("%cross_clang_tidy", cross_clang_tidy),
        ("%cross_llvm_version_major", cross_llvm),
    ])
