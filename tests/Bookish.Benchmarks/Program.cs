using Bookish.Benchmarks;

// ./bookish bench serve [input]: only goal P2 (the serve edit loop), without the cold-build rounds.
if (args.Length > 0 && args[0] == "serve") return await ServeBenchmark.RunStandaloneAsync(args[1..]);
return await MathBenchmark.RunAsync(args);
