#include "SqlWriter.h"
#include "WriterConfig.h"

#include <strsafe.h>

#include <future>

CSqlWriter::CSqlWriter()
    : m_bSubscribed(false)
{
}

CSqlWriter::~CSqlWriter()
{
    Uninitialize();
}

HRESULT CSqlWriter::Initialize()
{
    HRESULT hr = InitializeEx(CONTOSO_SQL_WRITER_ID, CONTOSO_SQL_WRITER_NAME,
                              CONTOSO_SQL_WRITER_VERSION_MAJOR, CONTOSO_SQL_WRITER_VERSION_MINOR,
                              VSS_UT_USERDATA, VSS_ST_TRANSACTEDDB, VSS_APP_BACK_END,
                              CONTOSO_SQL_FREEZE_TIMEOUT_MS);
    if (FAILED(hr))
        return hr;

    hr = Subscribe();
    if (FAILED(hr))
        return hr;

    m_bSubscribed = true;
    return S_OK;
}

void CSqlWriter::Uninitialize()
{
    if (m_bSubscribed)
    {
        if (HRESULT hr = Unsubscribe(); FAILED(hr)) ReportError(hr, L"Cannot unsubscribe the writer");
        m_bSubscribed = false;
    }
}

//
// Identify: describe the databases. Identify can arrive at any time, even in
// the middle of a backup, so it reads its own copy of the catalog and leaves
// m_Catalog to the backup in progress.
//
bool STDMETHODCALLTYPE CSqlWriter::OnIdentify(IVssCreateWriterMetadata *pMetadata)
{
    CDatabaseCatalog catalog;

    HRESULT hr = catalog.Load();
    if (FAILED(hr))
    {
        m_EventLog.SetWriterFailureMessage(hr, L"Cannot read the database catalog");
        return false;
    }

    // Restoring replaces the files of a stopped server.
    hr = pMetadata->SetRestoreMethod(VSS_RME_STOP_RESTORE_START, L"ContosoSQL", NULL,
                                     VSS_WRE_NEVER, false);
    if (FAILED(hr))
        return false;

    hr = AddComponents(pMetadata, catalog);
    if (FAILED(hr))
        return false;

    m_EventLog.OnIdentify(catalog.Databases().size());
    return true;
}

HRESULT CSqlWriter::AddComponents(IVssCreateWriterMetadata *pMetadata,
                                  const CDatabaseCatalog &catalog)
{
    for (const DatabaseInfo &database : catalog.Databases())
    {
        HRESULT hr = AddDatabaseComponent(pMetadata, database);
        if (FAILED(hr))
            return hr;
    }
    return S_OK;
}

// One selectable component per database, with its data and log files.
HRESULT CSqlWriter::AddDatabaseComponent(IVssCreateWriterMetadata *pMetadata,
                                         const DatabaseInfo &database)
{
    LPCWSTR wszName = database.Name.c_str();

    HRESULT hr = pMetadata->AddComponent(VSS_CT_DATABASE, CONTOSO_SQL_LOGICAL_PATH, wszName,
                                         wszName, NULL, 0, false, true, true, true);
    if (FAILED(hr))
        goto Cleanup;

    hr = pMetadata->AddDatabaseFiles(CONTOSO_SQL_LOGICAL_PATH, wszName,
                                     database.DataDirectory.c_str(), L"*.cdb");
    if (FAILED(hr))
        goto Cleanup;

    hr = pMetadata->AddDatabaseLogFiles(CONTOSO_SQL_LOGICAL_PATH, wszName,
                                        database.LogDirectory.c_str(), L"*.clg");

Cleanup:
    if (FAILED(hr))
        ReportError(hr, L"Cannot describe a database to VSS");
    return hr;
}

//
// PrepareBackup: fix the set of databases this backup covers.
//
bool STDMETHODCALLTYPE CSqlWriter::OnPrepareBackup(IVssWriterComponents *pComponents)
{
    bool bPartialFailure = false;

    m_Selected.clear();
    HRESULT hr = m_Catalog.Load();
    if (FAILED(hr))
    {
        ReportError(hr, L"Cannot read the database catalog");
        return false;
    }

    hr = SelectDatabases(pComponents, &bPartialFailure);
    if (FAILED(hr))
    {
        ReportError(hr, L"Cannot read the components selected for backup");
        return false;
    }

    // The other databases are still backed up; the failed components say why.
    if (bPartialFailure)
        SetWriterFailureEx(VSS_E_WRITERERROR_PARTIAL_FAILURE);
    return true;
}

// Every online database when the requester selects no components (or passes
// no backup document), else the selected ones. A selected database that is
// offline or gone fails its own component only.
HRESULT CSqlWriter::SelectDatabases(IVssWriterComponents *pComponents, bool *pbPartialFailure)
{
    UINT cComponents = 0;
    HRESULT hr = S_OK;

    *pbPartialFailure = false;
    if (pComponents == NULL || !AreComponentsSelected())
    {
        for (const DatabaseInfo &database : m_Catalog.Databases())
        {
            if (database.Online)
                m_Selected.push_back(database.Name);
        }
        return S_OK;
    }

    hr = pComponents->GetComponentCount(&cComponents);
    if (FAILED(hr))
        return hr;

    for (UINT iComponent = 0; iComponent < cComponents && SUCCEEDED(hr); ++iComponent)
    {
        IVssComponent *pComponent = NULL;
        IVssComponentEx2 *pComponentEx2 = NULL;
        BSTR bstrName = NULL;

        hr = pComponents->GetComponent(iComponent, &pComponent);
        if (SUCCEEDED(hr))
            hr = pComponent->GetComponentName(&bstrName);

        if (SUCCEEDED(hr))
        {
            const DatabaseInfo *pDatabase = m_Catalog.Find(bstrName);
            if (pDatabase != NULL && pDatabase->Online)
            {
                m_Selected.push_back(pDatabase->Name);
            }
            else if (SUCCEEDED(pComponent->QueryInterface(IID_IVssComponentEx2,
                                                          reinterpret_cast<void **>(&pComponentEx2))))
            {
                pComponentEx2->SetFailure(VSS_E_WRITERERROR_NONRETRYABLE,
                                          HRESULT_FROM_WIN32(ERROR_NOT_READY),
                                          L"The database is offline or no longer exists", 0);
                pComponentEx2->Release();
                *pbPartialFailure = true;
            }
            else
            {
                hr = HRESULT_FROM_WIN32(ERROR_NOT_READY);
            }
        }

        SysFreeString(bstrName);
        if (pComponent != NULL)
            pComponent->Release();
    }
    return hr;
}

//
// PrepareSnapshot: the slow part, before the freeze window starts.
//
bool STDMETHODCALLTYPE CSqlWriter::OnPrepareSnapshot()
{
    // A database is recoverable from the shadow copy only if its data and its
    // log are both in it.
    for (const std::wstring &database : m_Selected)
    {
        const DatabaseInfo *pDatabase = m_Catalog.Find(database.c_str());
        if (pDatabase != NULL &&
            IsPathAffected(pDatabase->DataDirectory.c_str()) !=
                IsPathAffected(pDatabase->LogDirectory.c_str()))
        {
            m_EventLog.SetWriterFailureMessage(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT,
                                               L"The shadow copy set does not include both the "
                                               L"data and the log volume of a database");
            SetWriterFailure(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
            return false;
        }
    }

    // A checkpoint takes seconds: run them side by side, one thread per
    // database, and wait for all of them before the freeze.
    std::vector<std::future<bool>> checkpoints;
    for (const std::wstring &database : m_Selected)
    {
        checkpoints.push_back(std::async(std::launch::async, [this, &database] {
            HRESULT hr = m_Engine.Checkpoint(database);
            if (FAILED(hr))
            {
                ReportError(hr, L"Cannot checkpoint a database");
                return false;
            }
            return true;
        }));
    }

    bool bSucceeded = true;
    for (std::future<bool> &checkpoint : checkpoints)
        bSucceeded = checkpoint.get() && bSucceeded;
    return bSucceeded;
}

//
// Freeze / Thaw: no writes reach the files while the snapshot is taken.
//
bool STDMETHODCALLTYPE CSqlWriter::OnFreeze()
{
    HRESULT hr = S_OK;

    WaitForLogFlush();
    for (const std::wstring &database : m_Selected)
    {
        hr = m_Engine.SuspendWrites(database);
        if (FAILED(hr))
            goto Cleanup;
        m_Suspended.push_back(database);
    }

Cleanup:
    if (FAILED(hr))
    {
        ReportError(hr, L"Cannot suspend writes to a database");
        ResumeSuspendedDatabases();
    }
    return SUCCEEDED(hr);
}

bool STDMETHODCALLTYPE CSqlWriter::OnThaw()
{
    HRESULT hr = ResumeSuspendedDatabases();
    if (FAILED(hr))
    {
        ReportError(hr, L"Cannot resume writes to a database");
        return false;
    }
    return true;
}

//
// PostSnapshot: the server keeps the log records written since a database's
// last shadow copy, so that a copy restored from it can be rolled forward;
// tell it when that was.
//
bool STDMETHODCALLTYPE CSqlWriter::OnPostSnapshot(IVssWriterComponents *pComponents)
{
    HKEY hHistory = NULL;
    WCHAR wszMessage[128];

    LONG lResult = RegCreateKeyExW(HKEY_LOCAL_MACHINE, CONTOSO_SQL_HISTORY_KEY, 0, NULL, 0,
                                   KEY_SET_VALUE, NULL, &hHistory, NULL);
    HRESULT hr = HRESULT_FROM_WIN32(lResult);
    if (FAILED(hr))
        goto Cleanup;

    for (const std::wstring &database : m_Selected)
    {
        lResult = RegSetValueExW(hHistory, HistoryValueName(database).c_str(), 0, REG_BINARY,
                                 reinterpret_cast<const BYTE *>(&m_ftFrozen), sizeof(m_ftFrozen));
        hr = HRESULT_FROM_WIN32(lResult);
        if (FAILED(hr))
            goto Cleanup;
    }

    StringCchPrintfW(wszMessage, ARRAYSIZE(wszMessage),
                     L"Shadow copy of %u database(s) created",
                     static_cast<unsigned>(m_Selected.size()));
    m_EventLog.Information(wszMessage);

Cleanup:
    if (hHistory != NULL)
        RegCloseKey(hHistory);
    if (FAILED(hr))
        SetWriterFailure(hr);
    return SUCCEEDED(hr);
}

bool STDMETHODCALLTYPE CSqlWriter::OnAbort()
{
    // Nothing to report: the requester already knows the backup failed.
    ResumeSuspendedDatabases();
    m_Selected.clear();
    return true;
}

bool STDMETHODCALLTYPE CSqlWriter::OnBackupComplete(IVssWriterComponents *pComponents)
{
    LogBackupCompletion(pComponents);
    return true;
}

// Resumes every suspended database, even after a failure; returns the first
// failure.
HRESULT CSqlWriter::ResumeSuspendedDatabases()
{
    HRESULT hrFirst = S_OK;

    for (const std::wstring &database : m_Suspended)
    {
        HRESULT hr = m_Engine.ResumeWrites(database);
        if (FAILED(hr) && SUCCEEDED(hrFirst))
            hrFirst = hr;
    }
    m_Suspended.clear();
    return hrFirst;
}

// Logs a failure and reports it to VSS: the writer error code tells the
// requester whether a retry can help, hr goes along as the application error.
void CSqlWriter::ReportError(HRESULT hr, LPCWSTR wszContext)
{
    m_EventLog.SetWriterFailureMessage(hr, wszContext);
    SetWriterFailureEx(TranslateWriterError(hr), hr, wszContext);
}

HRESULT CSqlWriter::TranslateWriterError(HRESULT hr)
{
    if (hr == E_OUTOFMEMORY ||
        hr == HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY) ||
        hr == HRESULT_FROM_WIN32(ERROR_DISK_FULL))
        return VSS_E_WRITERERROR_OUTOFRESOURCES;

    if (hr == HRESULT_FROM_WIN32(ERROR_TIMEOUT) ||
        hr == HRESULT_FROM_WIN32(ERROR_SEM_TIMEOUT))
        return VSS_E_WRITERERROR_TIMEOUT;

    // The server is busy or restarting: the next backup will likely succeed.
    if (hr == HRESULT_FROM_WIN32(ERROR_PIPE_BUSY) ||
        hr == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) ||
        hr == HRESULT_FROM_WIN32(ERROR_SHARING_VIOLATION))
        return VSS_E_WRITERERROR_RETRYABLE;

    return VSS_E_WRITERERROR_NONRETRYABLE;
}

// The frozen image must hold the log records the server has acknowledged:
// wait for its log writer to flush them, then note the shadow copy's time.
void CSqlWriter::WaitForLogFlush()
{
    HANDLE hFlushed = OpenEventW(SYNCHRONIZE, FALSE, CONTOSO_SQL_LOG_FLUSHED_EVENT);
    if (hFlushed != NULL)
    {
        WaitForSingleObject(hFlushed, INFINITE);
        CloseHandle(hFlushed);
    }
    GetSystemTimeAsFileTime(&m_ftFrozen);
}

// Logs how many components the requester backed up, and the shadow copy
// device each database was read from.
void CSqlWriter::LogBackupCompletion(IVssWriterComponents *pComponents)
{
    UINT cComponents = 0;
    WCHAR wszMessage[MAX_PATH + 64];

    if (SUCCEEDED(pComponents->GetComponentCount(&cComponents)))
    {
        StringCchPrintfW(wszMessage, ARRAYSIZE(wszMessage), L"Backup of %u component(s) complete",
                         cComponents);
        m_EventLog.Information(wszMessage);
    }
    for (const std::wstring &database : m_Selected)
    {
        const DatabaseInfo *pDatabase = m_Catalog.Find(database.c_str());
        LPCWSTR wszDevice = NULL;
        if (pDatabase != NULL &&
            SUCCEEDED(GetSnapshotDeviceName(pDatabase->DataDirectory.c_str(), &wszDevice)))
        {
            StringCchPrintfW(wszMessage, ARRAYSIZE(wszMessage), L"%s was backed up from %s",
                             database.c_str(), wszDevice);
            m_EventLog.Information(wszMessage);
        }
    }
    m_Selected.clear();
}
