using OpenEoBridge.Processes.Graph;

namespace OpenEoBridge.Processes.Resolution;

/// <summary>
/// Where a user's own processes (stored via <c>/process_graphs</c>) come from. Injected, so storage and, later,
/// federation plug in without changing resolution or evaluation.
/// </summary>
public interface IUserProcessSource
{
    ValueTask<ProcessDocument?> FindAsync(string userId, string processId, CancellationToken cancellationToken);
}

/// <summary>A source without user-defined processes (anonymous validation, tests).</summary>
public sealed class NoUserProcesses : IUserProcessSource
{
    public static readonly NoUserProcesses Instance = new();

    public ValueTask<ProcessDocument?> FindAsync(string userId, string processId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ProcessDocument?>(null);
}

/// <summary>An in-memory source (tests, simple deployments): user id → process id → document.</summary>
public sealed class InMemoryUserProcesses : IUserProcessSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string User, string Id), ProcessDocument> _processes = new();

    public void Put(string userId, string processId, ProcessDocument document) => _processes[(userId, processId)] = document;

    public ValueTask<ProcessDocument?> FindAsync(string userId, string processId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_processes.TryGetValue((userId, processId), out var document) ? document : null);
}
