// The precompiled header of a writer project: the VSS API comes only from it,
// and the writer's source names no VSS class itself.
#include <vswriter.h>
using WriterBase = CVssWriter;
