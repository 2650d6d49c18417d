#include "DatabaseCatalog.h"
#include "WriterConfig.h"

HRESULT CDatabaseCatalog::Load()
{
    HKEY hCatalog = NULL;
    std::vector<DatabaseInfo> databases;
    HRESULT hr = S_OK;

    LONG lResult = RegOpenKeyExW(HKEY_LOCAL_MACHINE, CONTOSO_SQL_CATALOG_KEY, 0,
                                 KEY_READ, &hCatalog);
    if (lResult != ERROR_SUCCESS)
    {
        hr = HRESULT_FROM_WIN32(lResult);
        goto Cleanup;
    }

    for (DWORD dwIndex = 0;; ++dwIndex)
    {
        WCHAR wszName[256];
        DWORD cchName = ARRAYSIZE(wszName);
        lResult = RegEnumKeyExW(hCatalog, dwIndex, wszName, &cchName, NULL, NULL, NULL, NULL);
        if (lResult == ERROR_NO_MORE_ITEMS)
            break;
        if (lResult != ERROR_SUCCESS)
        {
            hr = HRESULT_FROM_WIN32(lResult);
            goto Cleanup;
        }

        DatabaseInfo info;
        hr = ReadDatabase(hCatalog, wszName, info);
        if (FAILED(hr))
            goto Cleanup;
        databases.push_back(info);
    }

    m_Databases.swap(databases);

Cleanup:
    if (hCatalog != NULL)
        RegCloseKey(hCatalog);
    return hr;
}

const DatabaseInfo *CDatabaseCatalog::Find(LPCWSTR wszName) const
{
    for (const DatabaseInfo &info : m_Databases)
    {
        if (_wcsicmp(info.Name.c_str(), wszName) == 0)
            return &info;
    }
    return NULL;
}

HRESULT CDatabaseCatalog::ReadDatabase(HKEY hCatalog, LPCWSTR wszName, DatabaseInfo &info)
{
    HKEY hDatabase = NULL;
    DWORD dwOnline = 0;
    DWORD cbOnline = sizeof(dwOnline);
    HRESULT hr = S_OK;

    LONG lResult = RegOpenKeyExW(hCatalog, wszName, 0, KEY_READ, &hDatabase);
    if (lResult != ERROR_SUCCESS)
    {
        hr = HRESULT_FROM_WIN32(lResult);
        goto Cleanup;
    }

    info.Name = wszName;
    hr = ReadString(hDatabase, L"DataDirectory", info.DataDirectory);
    if (FAILED(hr))
        goto Cleanup;
    hr = ReadString(hDatabase, L"LogDirectory", info.LogDirectory);
    if (FAILED(hr))
        goto Cleanup;

    // A database registered without "Online" is online.
    lResult = RegGetValueW(hDatabase, NULL, L"Online", RRF_RT_REG_DWORD, NULL,
                           &dwOnline, &cbOnline);
    if (lResult == ERROR_FILE_NOT_FOUND)
        dwOnline = 1;
    else if (lResult != ERROR_SUCCESS)
    {
        hr = HRESULT_FROM_WIN32(lResult);
        goto Cleanup;
    }
    info.Online = dwOnline != 0;

Cleanup:
    if (hDatabase != NULL)
        RegCloseKey(hDatabase);
    return hr;
}

HRESULT CDatabaseCatalog::ReadString(HKEY hKey, LPCWSTR wszValue, std::wstring &value)
{
    DWORD cbData = 0;
    LONG lResult = RegGetValueW(hKey, NULL, wszValue, RRF_RT_REG_SZ, NULL, NULL, &cbData);
    if (lResult != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(lResult);

    value.resize(cbData / sizeof(WCHAR));
    lResult = RegGetValueW(hKey, NULL, wszValue, RRF_RT_REG_SZ, NULL, &value[0], &cbData);
    if (lResult != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(lResult);

    // cbData counts the terminating null.
    value.resize(cbData / sizeof(WCHAR) > 0 ? cbData / sizeof(WCHAR) - 1 : 0);
    return S_OK;
}
