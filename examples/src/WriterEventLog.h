// The writer's entries in the Application event log.
#pragma once

#include <windows.h>
#include <string>

// Not a VSS writer: its methods are named after the events they record.
class CWriterEventLog
{
public:
    CWriterEventLog();
    ~CWriterEventLog();

    // The writer described cDatabases databases to VSS.
    void OnIdentify(size_t cDatabases);

    void Information(LPCWSTR wszMessage);

    // Records the message explaining the writer's last failure; it goes to the
    // event log and is shown by "ContosoSqlWriter /status".
    void SetWriterFailureMessage(HRESULT hr, LPCWSTR wszMessage);
    std::wstring LastFailureMessage() const;

private:
    void Write(WORD wType, LPCWSTR wszMessage);

    HANDLE m_hEventSource;
    mutable CRITICAL_SECTION m_Lock;
    std::wstring m_LastFailureMessage;
};
