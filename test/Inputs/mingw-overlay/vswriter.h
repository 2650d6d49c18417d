// MinGW-w64's real vswriter.h declares the COM interfaces (IVssComponentEx2,
// IVssWriterImpl, ...) but dropped the CVssWriter classes in 2022: take the
// real header, then add the classes.
#pragma once
#include <windows.h>
#include <vss.h>
#include <vsserror.h>
#include_next <vswriter.h>
#include "../common/cvsswriter.h"
