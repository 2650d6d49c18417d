// Exceptions that leave a writer's event handler: thrown in a helper, thrown
// by the standard library's checked calls, an allocation the code expects to
// return null, and a throw out of a noexcept function (which terminates).
// RUN: %check_vss %s vss-writer-handler-exception-escape %t

#include <vswriter.h>
#include <new>
#include <stdexcept>
#include <string>

struct CBuffer {
  char Data[4096];
};

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnFreeze() {
    Flush();
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() {
    int Level = std::stoi(m_level);
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'std::stoi' throws std::invalid_argument or std::out_of_range on bad input, which escapes the event handler CSqlWriter::OnThaw; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
    return Level > 0;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    std::string Volume = VolumeOf(m_path);
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() {
    CBuffer *Buffer = new CBuffer;
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'new' throws std::bad_alloc instead of returning null (the test for null never fires), which escapes the event handler CSqlWriter::OnAbort; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
    // CHECK-NOTES: :[[@LINE+1]]:9: note: the result is tested for null here
    if (Buffer == NULL)
      return false;
    delete Buffer;
    return true;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    Record();
    return true;
  }
  // A catch (...) around the call does not help: leaving Close, which is
  // noexcept, terminates first.
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) {
    try {
      Close();
    } catch (...) {
      return false;
    }
    return true;
  }

private:
  void Flush() {
    if (!m_open)
      throw std::runtime_error("the database is closed");
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: an exception of type 'std::runtime_error' escapes the event handler CSqlWriter::OnFreeze; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
      // CHECK-NOTES: :[[@LINE-41]]:5: note: CSqlWriter::OnFreeze calls CSqlWriter::Flush here
  }
  static std::string VolumeOf(const std::string &Path) { return Path.substr(4); }
  // CHECK-NOTES: :[[@LINE-1]]:70: warning: 'std::basic_string::substr' throws std::out_of_range on bad input, which escapes the event handler CSqlWriter::OnPrepareSnapshot; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
  // CHECK-NOTES: :[[@LINE-36]]:26: note: CSqlWriter::OnPrepareSnapshot calls CSqlWriter::VolumeOf here
  void Record() noexcept {
    if (!m_open)
      throw std::runtime_error("nothing to record");
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: an exception of type 'std::runtime_error' escapes CSqlWriter::Record, which is noexcept: the writer's process terminates (reached from the event handler CSqlWriter::OnPostSnapshot); catch it there and report a writer failure [vss-writer-handler-exception-escape]
      // CHECK-NOTES: :[[@LINE-28]]:5: note: CSqlWriter::OnPostSnapshot calls CSqlWriter::Record here
  }

  void Close() noexcept {
    if (m_open)
      throw std::logic_error("still open");
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: an exception of type 'std::logic_error' escapes CSqlWriter::Close, which is noexcept: the writer's process terminates (reached from the event handler CSqlWriter::OnBackupComplete); catch it there and report a writer failure [vss-writer-handler-exception-escape]
      // CHECK-NOTES: :[[@LINE-28]]:7: note: CSqlWriter::OnBackupComplete calls CSqlWriter::Close here
  }

  bool m_open = false;
  std::string m_level = "1";
  std::string m_path = "\\\\?\\C:\\db";
};
