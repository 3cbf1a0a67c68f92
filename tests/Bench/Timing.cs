using System.Diagnostics;

namespace OpenEoBridge.Bench;

/// <summary>Fastest wall time and fastest process CPU time (all threads) among repeated runs.</summary>
internal readonly record struct Measurement(double WallSeconds, double CpuSeconds);

/// <summary>
/// Times repeated runs after one warm-up (JIT tiering, page cache, pools). The machine is shared, so the minimum is
/// the least disturbed run, and CPU time (which other processes do not inflate) gives throughput per core;
/// numcodecs_bench.py reports the same statistics.
/// </summary>
internal static class Timing
{
    public static Measurement Best(Action run, int repeat)
    {
        run();
        var wall = double.MaxValue;
        var cpu = double.MaxValue;
        for (var i = 0; i < repeat; i++)
        {
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            run();
            wall = Math.Min(wall, watch.Elapsed.TotalSeconds);
            cpu = Math.Min(cpu, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
        }

        return new Measurement(wall, cpu);
    }

    /// <summary>
    /// Like <see cref="Best"/> for several runs that are compared with each other: each round times every run once,
    /// in turn, so slow phases of the background load do not fall on one of them only.
    /// </summary>
    public static Measurement[] BestInterleaved(Action[] runs, int repeat)
    {
        foreach (var run in runs)
        {
            run();
        }

        var best = runs.Select(_ => new Measurement(double.MaxValue, double.MaxValue)).ToArray();
        for (var i = 0; i < repeat; i++)
        {
            for (var r = 0; r < runs.Length; r++)
            {
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var watch = Stopwatch.StartNew();
                runs[r]();
                var wall = watch.Elapsed.TotalSeconds;
                var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                best[r] = new Measurement(Math.Min(best[r].WallSeconds, wall), Math.Min(best[r].CpuSeconds, cpu));
            }
        }

        return best;
    }

    /// <summary>Runs <paramref name="work"/> for workers 0..threads-1 on dedicated threads and waits for all.</summary>
    public static void OnThreads(int threads, Action<int> work)
    {
        if (threads == 1)
        {
            work(0);
            return;
        }

        var running = Enumerable.Range(0, threads).Select(w => new Thread(() => work(w))).ToList();
        running.ForEach(t => t.Start());
        running.ForEach(t => t.Join());
    }
}
