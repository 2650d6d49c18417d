// Identity and tuning of the Contoso SQL VSS writer.
#pragma once

#include <windows.h>
#include <vss.h>

// {6B2B1D5C-3F0E-4C8A-9D61-2E4F8A7C1B90}
static const VSS_ID CONTOSO_SQL_WRITER_ID =
    { 0x6b2b1d5c, 0x3f0e, 0x4c8a, { 0x9d, 0x61, 0x2e, 0x4f, 0x8a, 0x7c, 0x1b, 0x90 } };

#define CONTOSO_SQL_WRITER_NAME          L"Contoso SQL Writer"
#define CONTOSO_SQL_WRITER_VERSION_MAJOR 2
#define CONTOSO_SQL_WRITER_VERSION_MINOR 1

// VSS aborts the snapshot if OnThaw does not follow OnFreeze within this time.
#define CONTOSO_SQL_FREEZE_TIMEOUT_MS    30000

// How long the server may take to suspend or resume writes to one database.
#define CONTOSO_SQL_COMMAND_TIMEOUT_MS   5000

// HKLM\<key>\<database name> holds DataDirectory, LogDirectory and Online.
#define CONTOSO_SQL_CATALOG_KEY          L"SOFTWARE\\Contoso\\ContosoSQL\\Databases"

// HKLM\<key>, value <database name>: FILETIME of the database's last shadow
// copy; the server keeps the log records written since then.
#define CONTOSO_SQL_HISTORY_KEY          L"SOFTWARE\\Contoso\\ContosoSQL\\ShadowCopies"
// The history values are named without the instance prefix of the databases'
// names ("CONTOSO01\\Sales" is recorded as "Sales").
#define CONTOSO_SQL_INSTANCE_PREFIX      L"CONTOSO01\\"

// The server's control pipe (see DatabaseEngine.cpp).
#define CONTOSO_SQL_CONTROL_PIPE         L"\\\\.\\pipe\\ContosoSQL.Control"

// All databases are components under this logical path.
#define CONTOSO_SQL_LOGICAL_PATH         L"Databases"

// Set by the server's log writer whenever its buffers are on disk.
#define CONTOSO_SQL_LOG_FLUSHED_EVENT    L"Global\\ContosoSQL.LogFlushed"
