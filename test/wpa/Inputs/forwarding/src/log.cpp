#include "writer.h"

static HRESULT g_LastLogged;
CAppWriter *g_Writer;

void CAppWriter::Log(HRESULT hr) { g_LastLogged = hr; }
HRESULT FlushLogs() { return g_LastLogged; }
namespace Diagnostics {
void Fail(HRESULT hr) { g_LastLogged = hr; }
}
