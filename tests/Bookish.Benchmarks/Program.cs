using Bookish.Benchmarks;

return await MathBenchmark.RunAsync(args);
