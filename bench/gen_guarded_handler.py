#!/usr/bin/env python3
"""Writes one writer whose OnFreeze is N guarded steps, the shape of a long real handler:

    hr = Step(i);
    if (FAILED(hr)) { SetWriterFailure(hr); return false; }

Every seventh block assigns E_FAIL instead of calling Step, so the file has N/7
findings. The file includes windows.h and the VSS headers (MinGW target), as a
real writer does.

  gen_guarded_handler.py N
"""
import sys

HEADER = """#include <windows.h>
#include <vss.h>
#include <vswriter.h>

class CGuardedWriter : public CVssWriterEx2 {
  HRESULT Step(int i);

public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  bool STDMETHODCALLTYPE OnFreeze();
};

bool STDMETHODCALLTYPE CGuardedWriter::OnFreeze() {
  HRESULT hr = S_OK;
"""

BLOCK = """  hr = {value};
  if (FAILED(hr)) {{
    SetWriterFailure(hr);
    return false;
  }}
"""

FOOTER = """  return true;
}
"""


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    sys.stdout.write(HEADER)
    for i in range(count):
        value = "E_FAIL" if i % 7 == 6 else "Step(%d)" % i
        sys.stdout.write(BLOCK.format(value=value))
    sys.stdout.write(FOOTER)


if __name__ == "__main__":
    main()
