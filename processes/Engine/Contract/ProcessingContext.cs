namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// What one graph execution runs under: the user, cancellation (client disconnect, deadline), a memory budget,
/// where results go (several per graph), logging and progress. Shared by all nodes and callbacks of a run.
/// </summary>
public sealed class ProcessingContext
{
    public ProcessingContext(CancellationToken cancellationToken = default)
    {
        CancellationToken = cancellationToken;
    }

    /// <summary>The authenticated user id, or null for anonymous runs (validation, tests).</summary>
    public string? UserId { get; init; }

    /// <summary>When the run must be finished; the evaluator turns it into cancellation with <c>RequestTimeout</c>.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public MemoryBudget Memory { get; init; } = MemoryBudget.Unlimited;

    public OutputCollector Outputs { get; init; } = new();

    public ProcessLog Log { get; init; } = new(ProcessLogLevel.Info);

    /// <summary>Receives a report each time a node finishes.</summary>
    public IProgress<NodeProgress>? Progress { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A copy with a different cancellation token (the evaluator links deadline and caller tokens).</summary>
    public ProcessingContext WithCancellation(CancellationToken token) => new(token)
    {
        UserId = UserId,
        Deadline = Deadline,
        Memory = Memory,
        Outputs = Outputs,
        Log = Log,
        Progress = Progress,
        Time = Time,
    };
}
