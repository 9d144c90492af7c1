using Bookish.Cli;

// A build runs TeX batches, font lookups and HTML set-up at once: start enough pool threads without the pool's
// ramp-up delay (on two cores it would otherwise hold back the second TeX batch).
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 8), io);

return await BookishCommand.RunAsync(args);
