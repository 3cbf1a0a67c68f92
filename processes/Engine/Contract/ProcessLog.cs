using System.Collections.Concurrent;
using System.Collections.Immutable;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Contract;

public enum ProcessLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>A log entry in the shape of the API's log entries (path innermost first).</summary>
public sealed record ProcessLogEntry(string Id, ProcessLogLevel Level, string Message, DateTimeOffset Time,
    ImmutableArray<NodePathSegment> Path, string? Code = null, Value? Data = null);

/// <summary>The log of one run; entries below <see cref="MinimumLevel"/> (the request's <c>log_level</c>) are dropped.</summary>
public sealed class ProcessLog(ProcessLogLevel minimumLevel)
{
    private readonly ConcurrentQueue<ProcessLogEntry> _entries = new();
    private int _next;

    public ProcessLogLevel MinimumLevel { get; } = minimumLevel;

    public IReadOnlyList<ProcessLogEntry> Entries => [.. _entries];

    /// <summary>Raised for every kept entry (e.g. to forward to ILogger or a job's log store).</summary>
    public event Action<ProcessLogEntry>? EntryAdded;

    public void Write(ProcessLogLevel level, string message, ImmutableArray<NodePathSegment> path, string? code = null, Value? data = null)
    {
        if (level < MinimumLevel)
        {
            return;
        }

        var entry = new ProcessLogEntry(Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture),
            level, message, DateTimeOffset.UtcNow, path, code, data);
        _entries.Enqueue(entry);
        EntryAdded?.Invoke(entry);
    }
}
