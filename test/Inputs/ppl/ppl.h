// Stand-in for the Concurrency Runtime's ppl.h / ppltasks.h (MSVC only; not
// shipped by MinGW): the declarations the tests use.
#pragma once
namespace Concurrency {
template <class T> class task {
public:
  T get();
  void wait();
};
template <class Fn> auto create_task(Fn F) -> task<decltype(F())>;
template <class Index, class Fn> void parallel_for(Index First, Index Last, const Fn &F);
template <class Iterator, class Fn> void parallel_for_each(Iterator First, Iterator Last, const Fn &F);
} // namespace Concurrency
namespace concurrency = Concurrency;
