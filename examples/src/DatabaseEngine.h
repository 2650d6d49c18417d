// Commands the writer sends to the Contoso SQL server through its control pipe.
#pragma once

#include <windows.h>
#include <string>

class CDatabaseEngine
{
public:
    // Flushes dirty pages and truncates the log, so that the frozen image needs
    // as little recovery as possible. Slow: belongs in OnPrepareSnapshot.
    HRESULT Checkpoint(const std::wstring &database);

    // Holds new writes to the database in memory until ResumeWrites; the files
    // on disk are consistent while writes are suspended.
    HRESULT SuspendWrites(const std::wstring &database);
    HRESULT ResumeWrites(const std::wstring &database);

private:
    HRESULT SendCommand(LPCWSTR wszVerb, const std::wstring &database, DWORD dwTimeoutMs);
};
