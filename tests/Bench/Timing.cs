using System.Diagnostics;

namespace OpenEoBridge.Bench;

/// <summary>
/// Fastest wall time of repeated runs after one warm-up (JIT tiering, page cache, pools). The machine is shared,
/// so the minimum is the least disturbed run; numcodecs_bench.py reports the same statistic.
/// </summary>
internal static class Timing
{
    public static double BestSeconds(Action run, int repeat)
    {
        run();
        var times = new double[repeat];
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times[i] = watch.Elapsed.TotalSeconds;
        }

        return times.Min();
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
