namespace OpenEoBridge.Processes.Tests.Official;

public enum OfficialStatus
{
    Passed,
    Failed,
    NotOffered,
}

/// <summary>The result of one case; <see cref="Detail"/> says why it failed or is not offered, or notes a differing exception name.</summary>
public sealed record OfficialOutcome(OfficialCase Case, OfficialStatus Status, string? Detail = null);
