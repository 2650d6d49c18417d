// ContosoSqlWriter.exe: hosts the VSS writer of the Contoso SQL server until
// Ctrl+C (the service build wraps the same code in a service main).
#include <windows.h>
#include <objbase.h>
#include <stdio.h>

#include "SqlWriter.h"
#include "WriterConfig.h"

static HANDLE g_hStopEvent = NULL;

static BOOL WINAPI OnConsoleCtrl(DWORD dwCtrlType)
{
    switch (dwCtrlType)
    {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
        SetEvent(g_hStopEvent);
        return TRUE;
    default:
        return FALSE;
    }
}

int wmain(int argc, wchar_t **argv)
{
    HRESULT hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    if (FAILED(hr))
    {
        fwprintf(stderr, L"CoInitializeEx failed: 0x%08lX\n", static_cast<unsigned long>(hr));
        return 1;
    }

    // VSS calls the writer back through COM: it needs at least identify-level
    // impersonation and packet privacy.
    hr = CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                              RPC_C_IMP_LEVEL_IDENTIFY, NULL, EOAC_NONE, NULL);
    if (FAILED(hr))
    {
        fwprintf(stderr, L"CoInitializeSecurity failed: 0x%08lX\n", static_cast<unsigned long>(hr));
        CoUninitialize();
        return 1;
    }

    g_hStopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (g_hStopEvent == NULL || !SetConsoleCtrlHandler(OnConsoleCtrl, TRUE))
    {
        fwprintf(stderr, L"Cannot install the Ctrl+C handler: %lu\n", GetLastError());
        CoUninitialize();
        return 1;
    }

    int exitCode = 0;
    {
        CSqlWriter writer;
        hr = writer.Initialize();
        if (SUCCEEDED(hr))
        {
            wprintf(L"%ls is running; press Ctrl+C to stop.\n", CONTOSO_SQL_WRITER_NAME);
            WaitForSingleObject(g_hStopEvent, INFINITE);
            writer.Uninitialize();
        }
        else
        {
            fwprintf(stderr, L"Cannot register the writer: 0x%08lX\n", static_cast<unsigned long>(hr));
            exitCode = 1;
        }
    }

    CloseHandle(g_hStopEvent);
    CoUninitialize();
    return exitCode;
}
