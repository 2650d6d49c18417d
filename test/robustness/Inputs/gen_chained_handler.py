#!/usr/bin/env python3
"""Writes one writer whose OnFreeze declares N HRESULT variables, each chosen
from the one before it or a writer error code, all in scope to the end:

    HRESULT h0 = E_FAIL;
    HRESULT h1 = Cond(1) ? h0 : VSS_E_WRITERERROR_RETRYABLE;
    ...
    HRESULT hr = Cond(N) ? h<N-1> : E_UNEXPECTED;
    SetWriterFailure(hr);

Every variable stays live across every branch of the handler, the case where a
dataflow that copies its whole state at each block grows with N * N. The
finding is E_UNEXPECTED, one step back; E_FAIL is found too when the chain is
short enough to follow (the value tracing gives up after 32 steps).

  gen_chained_handler.py N   (at least 2)
"""
import sys


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = sys.stdout
    out.write('#include <windows.h>\n#include <vss.h>\n#include <vswriter.h>\n\n')
    out.write("bool Cond(int i);\n\n")
    out.write("class CChainWriter : public CVssWriter {\n")
    out.write("public:\n")
    out.write("  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) override { return true; }\n")
    out.write("  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }\n")
    out.write("  bool STDMETHODCALLTYPE OnThaw() override { return true; }\n")
    out.write("  bool STDMETHODCALLTYPE OnAbort() override { return true; }\n")
    out.write("  bool STDMETHODCALLTYPE OnFreeze() override;\n")
    out.write("};\n\n")
    out.write("bool STDMETHODCALLTYPE CChainWriter::OnFreeze() {\n")
    out.write("  HRESULT h0 = E_FAIL;\n")
    for i in range(1, count):
        out.write("  HRESULT h%d = Cond(%d) ? h%d : VSS_E_WRITERERROR_RETRYABLE;\n" % (i, i, i - 1))
    out.write("  HRESULT hr = Cond(%d) ? h%d : E_UNEXPECTED;\n" % (count, count - 1))
    out.write("  SetWriterFailure(hr);\n")
    out.write("  return false;\n")
    out.write("}\n")


if __name__ == "__main__":
    main()
