// Exceptions caught before they leave the handler, allocations that return
// null or are not tested, and throws no handler reaches: no finding.
// RUN: %check_vss %s vss-writer-handler-exception-escape %t
// CHECK-MESSAGES-NOT: warning:

#include <vswriter.h>
#include <new>
#include <stdexcept>
#include <string>

struct CBuffer {
  char Data[4096];
};

class CSqlWriter : public CVssWriterEx2 {
public:
  // Caught around the call, by a base class of what is thrown.
  bool STDMETHODCALLTYPE OnFreeze() {
    try {
      Flush();
    } catch (const std::exception &Error) {
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    }
    return true;
  }
  // The checked call, caught by its exception's base class.
  bool STDMETHODCALLTYPE OnThaw() {
    try {
      return std::stoi(m_level) > 0;
    } catch (std::logic_error &) {
      return false;
    }
  }
  // A function-try-block with catch (...) catches everything.
  bool STDMETHODCALLTYPE OnPrepareSnapshot() try {
    Flush();
    return Parse() > 0;
  } catch (...) {
    SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
    return false;
  }
  // new (std::nothrow) returns null; a plain new is not tested for null.
  bool STDMETHODCALLTYPE OnAbort() {
    CBuffer *Buffer = new (std::nothrow) CBuffer;
    if (!Buffer)
      return false;
    delete Buffer;
    CBuffer *Other = new CBuffer;
    delete Other;
    // Cleanup that tests for null before delete is not a test of the new.
    CBuffer *Scratch = new CBuffer;
    if (Scratch)
      delete Scratch;
    return true;
  }
  // Caught in the helper itself.
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    return TryFlush();
  }
  // Logged and rethrown by the helper, caught here by the same type.
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) {
    try {
      FlushAndLog();
    } catch (const std::runtime_error &) {
      return false;
    }
    return true;
  }

private:
  void Flush() {
    if (!m_open)
      throw std::runtime_error("the database is closed");
  }
  int Parse() { return std::stoi(m_level); }
  void FlushAndLog() {
    try {
      Flush();
    } catch (const std::runtime_error &) {
      m_failures++;
      throw;
    }
  }
  int m_failures = 0;
  bool TryFlush() {
    try {
      Flush();
      return m_path.substr(4).size() > 0;
    } catch (const std::runtime_error &) {
      return false;
    } catch (const std::out_of_range &) {
      return false;
    }
  }

  bool m_open = false;
  std::string m_level = "1";
  std::string m_path = "\\\\?\\C:\\db";
};

// Not reached from a handler.
void Maintenance(const std::string &Text) {
  if (Text.size() > 3)
    throw std::runtime_error("too long");
}
