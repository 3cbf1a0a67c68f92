namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// Bytes a run may hold at once. Processes that materialise data (arrays, chunks, median buffers) reserve before
/// allocating and release afterwards; exceeding the budget fails the run with <c>ProcessGraphComplexity</c>.
/// </summary>
public sealed class MemoryBudget(long limitBytes)
{
    private long _used;

    public static MemoryBudget Unlimited => new(long.MaxValue);

    public long LimitBytes { get; } = limitBytes;

    public long UsedBytes => Interlocked.Read(ref _used);

    public void Reserve(long bytes)
    {
        var now = Interlocked.Add(ref _used, bytes);
        if (now > LimitBytes || now < 0)
        {
            Interlocked.Add(ref _used, -bytes);
            throw OpenEoErrors.ProcessGraphComplexity($"the memory budget of {LimitBytes} bytes would be exceeded ({now} bytes requested in total).");
        }
    }

    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);
}
