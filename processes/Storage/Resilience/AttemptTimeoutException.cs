namespace OpenEoBridge.Storage.Resilience;

/// <summary>One attempt of a request took longer than <see cref="StoreResilienceOptions.AttemptTimeout"/> (a stalled server).</summary>
public sealed class AttemptTimeoutException(TimeSpan timeout)
    : TimeoutException($"no complete answer within {timeout.TotalSeconds:0.###} s");
