using BenchmarkDotNet.Running;

// The Decision 766 engine's benchmarks; docs/benchmarks.md has the command, the machine and the results.
BenchmarkSwitcher.FromAssembly(typeof(GovPulse.Benchmarks.SuiteConfig).Assembly).Run(args);
