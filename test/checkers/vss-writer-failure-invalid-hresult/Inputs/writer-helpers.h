// A helper library of the project's, included as a system header: its C++
// functions are not Windows APIs, whatever the header's kind.
#pragma once
HRESULT TranslateToWriterError(HRESULT hr);
