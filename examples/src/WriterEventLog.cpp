#include "WriterEventLog.h"
#include "WriterConfig.h"

#include <strsafe.h>

CWriterEventLog::CWriterEventLog()
    : m_hEventSource(RegisterEventSourceW(NULL, CONTOSO_SQL_WRITER_NAME))
{
    InitializeCriticalSection(&m_Lock);
}

CWriterEventLog::~CWriterEventLog()
{
    if (m_hEventSource != NULL)
        DeregisterEventSource(m_hEventSource);
    DeleteCriticalSection(&m_Lock);
}

void CWriterEventLog::OnIdentify(size_t cDatabases)
{
    if (cDatabases == 0)
    {
        SetWriterFailureMessage(S_FALSE, L"No database is registered; the writer reports no components");
        return;
    }

    WCHAR wszMessage[128];
    StringCchPrintfW(wszMessage, ARRAYSIZE(wszMessage), L"Described %u database(s) to VSS",
                     static_cast<unsigned>(cDatabases));
    Information(wszMessage);
}

void CWriterEventLog::Information(LPCWSTR wszMessage)
{
    Write(EVENTLOG_INFORMATION_TYPE, wszMessage);
}

void CWriterEventLog::SetWriterFailureMessage(HRESULT hr, LPCWSTR wszMessage)
{
    WCHAR wszEntry[512];
    StringCchPrintfW(wszEntry, ARRAYSIZE(wszEntry), L"%ls (0x%08lX)", wszMessage,
                     static_cast<unsigned long>(hr));

    EnterCriticalSection(&m_Lock);
    m_LastFailureMessage = wszEntry;
    LeaveCriticalSection(&m_Lock);

    Write(FAILED(hr) ? EVENTLOG_ERROR_TYPE : EVENTLOG_WARNING_TYPE, wszEntry);
}

std::wstring CWriterEventLog::LastFailureMessage() const
{
    EnterCriticalSection(&m_Lock);
    std::wstring message = m_LastFailureMessage;
    LeaveCriticalSection(&m_Lock);
    return message;
}

void CWriterEventLog::Write(WORD wType, LPCWSTR wszMessage)
{
    if (m_hEventSource == NULL)
        return;
    LPCWSTR rgStrings[] = { wszMessage };
    ReportEventW(m_hEventSource, wType, 0, 0, NULL, 1, 0, rgStrings, NULL);
}
