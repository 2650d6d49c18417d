// The databases a Contoso SQL server hosts, as registered by its setup.
#pragma once

#include <windows.h>
#include <string>
#include <vector>

struct DatabaseInfo
{
    std::wstring Name;
    std::wstring DataDirectory;   // *.cdb files
    std::wstring LogDirectory;    // *.clg files
    bool Online = false;
};

class CDatabaseCatalog
{
public:
    // Reads the catalog from the registry, replacing what was loaded before.
    HRESULT Load();

    const std::vector<DatabaseInfo> &Databases() const { return m_Databases; }
    const DatabaseInfo *Find(LPCWSTR wszName) const;

private:
    static HRESULT ReadDatabase(HKEY hCatalog, LPCWSTR wszName, DatabaseInfo &info);
    static HRESULT ReadString(HKEY hKey, LPCWSTR wszValue, std::wstring &value);

    std::vector<DatabaseInfo> m_Databases;
};
