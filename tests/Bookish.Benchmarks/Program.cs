using Bookish.Benchmarks;

// ./bookish bench serve [input]: only goal P2 (the serve edit loop), without the cold-build rounds.
if (args.Length > 0 && args[0] == "serve") return await ServeBenchmark.RunStandaloneAsync(args[1..]);
// ./bookish bench python [rounds]: issue 24's goal, a build whose Python cells are all cached against the same article without cells.
if (args.Length > 0 && args[0] == "python") return await PythonBenchmark.RunAsync(args[1..]);
return await MathBenchmark.RunAsync(args);
