#include "store.h"
#include <stdexcept>
void Flush(bool Open) {
  if (!Open)
    throw std::runtime_error("the store is closed");
}
int Parse(const std::string &Text) { return std::stoi(Text); }
void Close(bool Open) {
  if (!Open)
    throw std::logic_error("closed twice");
}
