#include "DatabaseEngine.h"
#include "WriterConfig.h"

#include <wchar.h>

// Checkpointing a large database can take minutes.
#define CHECKPOINT_TIMEOUT_MS (10 * 60 * 1000)

HRESULT CDatabaseEngine::Checkpoint(const std::wstring &database)
{
    return SendCommand(L"CHECKPOINT", database, CHECKPOINT_TIMEOUT_MS);
}

HRESULT CDatabaseEngine::SuspendWrites(const std::wstring &database)
{
    return SendCommand(L"SUSPEND", database, CONTOSO_SQL_COMMAND_TIMEOUT_MS);
}

HRESULT CDatabaseEngine::ResumeWrites(const std::wstring &database)
{
    return SendCommand(L"RESUME", database, CONTOSO_SQL_COMMAND_TIMEOUT_MS);
}

// One request, one reply: "<VERB> <database>" is answered with "OK" or
// "ERROR <hresult>".
HRESULT CDatabaseEngine::SendCommand(LPCWSTR wszVerb, const std::wstring &database,
                                     DWORD dwTimeoutMs)
{
    std::wstring request = std::wstring(wszVerb) + L" " + database;
    WCHAR wszReply[64] = {};
    DWORD cbReply = 0;

    if (!CallNamedPipeW(CONTOSO_SQL_CONTROL_PIPE,
                        const_cast<WCHAR *>(request.c_str()),
                        static_cast<DWORD>((request.size() + 1) * sizeof(WCHAR)),
                        wszReply, sizeof(wszReply) - sizeof(WCHAR), &cbReply, dwTimeoutMs))
    {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    if (wcscmp(wszReply, L"OK") == 0)
        return S_OK;

    HRESULT hrServer = E_UNEXPECTED;
    if (wcsncmp(wszReply, L"ERROR ", 6) == 0)
        hrServer = static_cast<HRESULT>(wcstoul(wszReply + 6, NULL, 16));
    return hrServer;
}
