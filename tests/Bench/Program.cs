using System.Globalization;
using OpenEoBridge.Bench;

// OpenEoBridge.Bench codecs --store bench-data/chirps_medium.zarr [--array precip] [--work DIR] [--threads 2] [--repeat 5] [--rounds 3]
// OpenEoBridge.Bench store  --store bench-data/chirps_medium.zarr [--array precip] [--repeat 3]
if (args.Length == 0 || args[0] is not ("codecs" or "store"))
{
    Console.Error.WriteLine("usage: OpenEoBridge.Bench codecs|store --store PATH [--array precip] [--work DIR] [--threads 2] [--repeat N] [--rounds N (codecs)]");
    return 2;
}

var options = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
int IntOption(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

if (!options.TryGetValue("store", out var store) || !Directory.Exists(store))
{
    Console.Error.WriteLine("--store must name an existing Zarr store (make one with shared/bench/make_dataset.py)");
    return 2;
}

store = Path.GetFullPath(store);
var array = Option("array", "precip");
var threads = IntOption("threads", 2);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}");
if (args[0] == "codecs")
{
    var work = Path.GetFullPath(Option("work", Path.Combine(Path.GetDirectoryName(store)!, "codec-bench")));
    Console.WriteLine(CodecBenchmark.Run(store, array, work, threads, IntOption("repeat", 5), IntOption("rounds", 3)));
}
else if (OperatingSystem.IsLinux())
{
    Console.WriteLine(await StoreReadBenchmark.RunAsync(store, array, threads, IntOption("repeat", 3)));
}

else
{
    Console.Error.WriteLine("the store benchmark pins cores with processor affinity and runs on Linux only");
    return 2;
}

return 0;
