using System.Text.Json;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>One case of an official test file (<c>tests/&lt;process&gt;.json5</c>), with <c>$ref</c>s already inlined.</summary>
public sealed record OfficialCase(
    string ProcessId,
    int Index,
    bool Experimental,
    string Level,
    JsonElement Arguments,
    JsonElement? Returns,
    JsonElement? Throws,
    double Delta,
    IReadOnlyList<string> Required)
{
    /// <summary>Stable name used in test output and the known-bad list: <c>process#index</c> (zero-based).</summary>
    public string Name => $"{ProcessId}#{Index}";

    public override string ToString() => Name;
}
