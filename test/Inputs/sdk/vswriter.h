// Stand-in for the Windows SDK's vswriter.h: the COM interfaces the tests use,
// then the writer classes (shared with the MinGW overlay).
#pragma once
#include <windows.h>
#include <vss.h>
#include <vsserror.h>

typedef enum VSS_USAGE_TYPE { VSS_UT_UNDEFINED = 0, VSS_UT_BOOTABLESYSTEMSTATE = 1,
                              VSS_UT_SYSTEMSERVICE = 2, VSS_UT_USERDATA = 3, VSS_UT_OTHER = 4 } VSS_USAGE_TYPE;
typedef enum VSS_SOURCE_TYPE { VSS_ST_UNDEFINED = 0, VSS_ST_TRANSACTEDDB = 1, VSS_ST_NONTRANSACTEDDB = 2,
                               VSS_ST_OTHER = 3 } VSS_SOURCE_TYPE;
typedef enum VSS_ALTERNATE_WRITER_STATE { VSS_AWS_UNDEFINED = 0, VSS_AWS_NO_ALTERNATE_WRITER = 1 } VSS_ALTERNATE_WRITER_STATE;
typedef enum VSS_SUBSCRIBE_MASK { VSS_SM_POST_SNAPSHOT_FLAG = 0x1, VSS_SM_BACKUP_EVENTS_FLAG = 0x2,
                                  VSS_SM_RESTORE_EVENTS_FLAG = 0x4, VSS_SM_IO_THROTTLING_FLAG = 0x8,
                                  VSS_SM_ALL_FLAGS = 0xffffffff } VSS_SUBSCRIBE_MASK;
typedef enum VSS_COMPONENT_TYPE { VSS_CT_UNDEFINED = 0, VSS_CT_DATABASE = 1, VSS_CT_FILEGROUP = 2 } VSS_COMPONENT_TYPE;

interface IUnknown {
  virtual HRESULT STDMETHODCALLTYPE QueryInterface(const IID &riid, void **ppv) = 0;
  virtual ULONG STDMETHODCALLTYPE AddRef() = 0;
  virtual ULONG STDMETHODCALLTYPE Release() = 0;
};
interface IVssCreateWriterMetadata {
  virtual HRESULT STDMETHODCALLTYPE AddComponent(VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
      LPCWSTR wszComponentName, LPCWSTR wszCaption, const unsigned char *pbIcon, UINT cbIcon,
      bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable,
      bool bSelectableForRestore = false, DWORD dwComponentFlags = 0) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDatabaseFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName,
      LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = 0) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMethod(int method, LPCWSTR wszService,
      LPCWSTR wszUserProcedure, int writerRestore, bool bRebootRequired, UINT cMappings = 0) = 0;
};
interface IVssCreateWriterMetadataEx : public IVssCreateWriterMetadata {
  virtual HRESULT STDMETHODCALLTYPE AddExcludeFilesFromSnapshot(LPCWSTR wszPath, LPCWSTR wszFilespec,
      bool bRecursive) = 0;
};
interface IVssComponent : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR *pbstrPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentName(BSTR *pbstrName) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupMetadata(LPCWSTR wszData) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMetadata(LPCWSTR wszRestoreMetadata) = 0;
};
interface IVssComponentEx : public IVssComponent {
  virtual HRESULT STDMETHODCALLTYPE SetPrepareForBackupFailureMsg(LPCWSTR wszFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPostSnapshotFailureMsg(LPCWSTR wszFailureMsg) = 0;
};
interface IVssComponentEx2 : public IVssComponentEx {
  virtual HRESULT STDMETHODCALLTYPE SetFailure(HRESULT hr, HRESULT hrApplication,
      LPCWSTR wszApplicationMessage, DWORD dwReserved) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFailure(HRESULT *phr, HRESULT *phrApplication,
      BSTR *pbstrApplicationMessage, DWORD *pdwReserved) = 0;
};
interface IVssExamineWriterMetadata;
interface IVssWriterComponents {
  virtual HRESULT STDMETHODCALLTYPE GetComponentCount(UINT *pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent, IVssComponent **ppComponent) = 0;
};
// The internal COM interface behind CVssWriter; its SetWriterFailure is not
// what the writer rules are about.
interface IVssWriterImpl : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE SetWriterFailure(HRESULT hr) = 0;
};

#include "../common/cvsswriter.h"
