// The paths an exception takes out of a handler: a lambda invoked on the way,
// a function template, a virtual call, a rethrow; and a throw caught on the
// way by a try in a helper between.
// RUN: %check_vss %s vss-writer-handler-exception-escape %t

#include <vswriter.h>
#include <stdexcept>

struct CStoreError {
  int Code;
};

class CStore {
public:
  virtual ~CStore() = default;
  virtual void Suspend() = 0;
};

class CFileStore : public CStore {
public:
  void Suspend() override { throw CStoreError{5}; }
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: an exception of type 'CStoreError' escapes the event handler CSqlWriter::OnFreeze; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
  // CHECK-NOTES: :[[@LINE+17]]:14: note: CSqlWriter::OnFreeze calls CFileStore::Suspend here through a virtual call
};

template <class T> T Checked(T Value) {
  if (Value < 0)
    throw std::out_of_range("negative");
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: an exception of type 'std::out_of_range' escapes the event handler CSqlWriter::OnThaw; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
    // CHECK-NOTES: :[[@LINE+17]]:12: note: CSqlWriter::OnThaw calls the lambda here
    // CHECK-NOTES: :[[@LINE+14]]:14: note: the lambda calls Checked here
  return Value;
}

class CSqlWriter : public CVssWriterEx2 {
public:
  explicit CSqlWriter(CStore *Store) : m_store(Store) {}

  bool STDMETHODCALLTYPE OnFreeze() {
    m_store->Suspend();
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() {
    auto Level = [this] {
      return Checked(m_level);
    };
    return Level() > 0;
  }
  bool STDMETHODCALLTYPE OnAbort() {
    try {
      Cancel();
    } catch (const std::exception &) {
      throw;
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: the rethrown exception escapes the event handler CSqlWriter::OnAbort; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
    }
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    Guarded();
    return true;
  }

private:
  void Cancel() {}
  void Guarded() {
    try {
      m_store->Suspend();
    } catch (const CStoreError &) {
    }
  }

  CStore *m_store;
  int m_level = 1;
};
