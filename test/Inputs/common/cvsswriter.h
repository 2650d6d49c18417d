// The writer classes of the Windows SDK's vswriter.h (CVssWriter, CVssWriterEx,
// CVssWriterEx2), written from vss-tidy's fact sheet. MinGW-w64 no longer ships
// them, so both the SDK stand-in and the MinGW overlay include this file after
// the COM interfaces and the VSS types are declared.
#pragma once

class CVssWriter {
public:
  CVssWriter();
  virtual ~CVssWriter();
  HRESULT STDMETHODCALLTYPE Initialize(VSS_ID WriterID, LPCWSTR wszWriterName, VSS_USAGE_TYPE ut,
                                       VSS_SOURCE_TYPE st,
                                       VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
                                       DWORD dwTimeoutFreeze = 60000,
                                       VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
                                       bool bIOThrottlingOnly = false, LPCWSTR wszReserved = NULL);
  HRESULT STDMETHODCALLTYPE Subscribe(DWORD dwEventFlags = VSS_SM_BACKUP_EVENTS_FLAG |
                                                           VSS_SM_RESTORE_EVENTS_FLAG);
  HRESULT STDMETHODCALLTYPE Unsubscribe();

  virtual bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { return true; }
  virtual bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponent) { return true; }
  virtual bool STDMETHODCALLTYPE OnPrepareSnapshot() = 0;
  virtual bool STDMETHODCALLTYPE OnFreeze() = 0;
  virtual bool STDMETHODCALLTYPE OnThaw() = 0;
  virtual bool STDMETHODCALLTYPE OnAbort() = 0;
  virtual bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponent) { return true; }
  virtual bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponent) { return true; }
  virtual bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID SnapshotSetId) { return true; }
  virtual bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents *pComponent) { return true; }
  virtual bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponent) { return true; }
  virtual bool STDMETHODCALLTYPE OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId,
                                                     VSS_ID providerId) { return true; }
  virtual bool STDMETHODCALLTYPE OnContinueIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId,
                                                      VSS_ID providerId) { return true; }
  virtual bool STDMETHODCALLTYPE OnVSSShutdown() { return true; }
  virtual bool STDMETHODCALLTYPE OnVSSApplicationStartup() { return true; }

protected:
  HRESULT STDMETHODCALLTYPE SetWriterFailure(HRESULT hr);
  bool STDMETHODCALLTYPE AreComponentsSelected() const;
  VSS_BACKUP_TYPE STDMETHODCALLTYPE GetBackupType() const;
  VSS_RESTORE_TYPE STDMETHODCALLTYPE GetRestoreType() const;
  bool STDMETHODCALLTYPE IsPathAffected(LPCWSTR wszPath) const;
  VSS_ID STDMETHODCALLTYPE GetCurrentSnapshotSetId() const;
  LONG STDMETHODCALLTYPE GetContext() const;
  HRESULT STDMETHODCALLTYPE GetSnapshotDeviceName(LPCWSTR wszOriginalVolume,
                                                  LPCWSTR *ppwszSnapshotDevice) const;
};

class CVssWriterEx : public CVssWriter {
public:
  virtual bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { return false; }
  virtual bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata) { return false; }
  HRESULT STDMETHODCALLTYPE InitializeEx(VSS_ID WriterID, LPCWSTR wszWriterName,
                                         DWORD dwMajorVersion, DWORD dwMinorVersion,
                                         VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st,
                                         VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
                                         DWORD dwTimeoutFreeze = 60000,
                                         VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
                                         bool bIOThrottlingOnly = false, LPCWSTR wszReserved = NULL);

protected:
  HRESULT STDMETHODCALLTYPE GetIdentifyInformation(IVssExamineWriterMetadata **ppMetadata);
};

class CVssWriterEx2 : public CVssWriterEx {
public:
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID *idSession);
  bool STDMETHODCALLTYPE IsWriterShuttingDown();
  HRESULT STDMETHODCALLTYPE SetWriterFailureEx(HRESULT hrWriter, HRESULT hrApplication = S_FALSE,
                                               LPCWSTR wszApplicationMessage = NULL);
};
