#include <string>
void Flush(bool Open);
int Parse(const std::string &Text);
void Close(bool Open);
