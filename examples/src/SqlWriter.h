// The VSS writer of the Contoso SQL server: one component per database.
#pragma once

#include <windows.h>
#include <vss.h>
#include <vswriter.h>

#include <string>
#include <vector>

#include "DatabaseCatalog.h"
#include "DatabaseEngine.h"
#include "WriterEventLog.h"
#include "WriterConfig.h"

class CSqlWriter : public CVssWriterEx2
{
public:
    CSqlWriter();
    virtual ~CSqlWriter();

    // Registers the writer with VSS; COM must be initialized on this thread.
    HRESULT Initialize();
    void Uninitialize();

    bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override;
    bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override;
    bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
    bool STDMETHODCALLTYPE OnFreeze() override;
    bool STDMETHODCALLTYPE OnThaw() override;
    bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override;
    bool STDMETHODCALLTYPE OnAbort() override;
    bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) override;

private:
    HRESULT AddComponents(IVssCreateWriterMetadata *pMetadata, const CDatabaseCatalog &catalog);
    HRESULT AddDatabaseComponent(IVssCreateWriterMetadata *pMetadata, const DatabaseInfo &database);
    HRESULT SelectDatabases(IVssWriterComponents *pComponents, bool *pbPartialFailure);
    HRESULT ResumeSuspendedDatabases();
    void ReportError(HRESULT hr, LPCWSTR wszContext);

    static HRESULT TranslateWriterError(HRESULT hr);
    static std::wstring HistoryValueName(const std::wstring &database)
    {
        return database.substr(wcslen(CONTOSO_SQL_INSTANCE_PREFIX));
    }

    void WaitForLogFlush();
    void LogBackupCompletion(IVssWriterComponents *pComponents);

    bool m_bSubscribed;
    CDatabaseCatalog m_Catalog;           // as of OnPrepareBackup
    std::vector<std::wstring> m_Selected;  // databases in the current backup
    std::vector<std::wstring> m_Suspended; // databases whose writes are suspended
    FILETIME m_ftFrozen = {};              // when OnFreeze started: the shadow copy's time
    CDatabaseEngine m_Engine;
    CWriterEventLog m_EventLog;
};
