namespace OpenEoBridge.Backend.Api.Processing;

/// <summary><c>OpenEo:Processes:Sync</c>: limits of synchronous processing (<c>POST /result</c>).</summary>
public sealed class SyncProcessingOptions
{
    public const string SectionName = "OpenEo:Processes:Sync";

    /// <summary>Longest a request may compute; beyond it the answer is <c>RequestTimeout</c> (408).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests computing at once; one more is refused with <c>InfrastructureBusy</c> (503) rather than queued.</summary>
    public int MaxConcurrentRequests { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Bytes one request may hold in materialised values (charged by processes that allocate).</summary>
    public long MemoryBudgetBytes { get; set; } = 1L << 30;
}
