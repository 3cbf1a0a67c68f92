using System.Collections.Immutable;
using System.Text.Json;

namespace OpenEoBridge.Processes.Graph;

/// <summary>
/// A node of a process graph. Optional keys remember whether they were present (so <c>"namespace": null</c> and an
/// absent namespace both survive a round trip); unknown keys and the original key order are kept.
/// </summary>
public sealed record ProcessNode
{
    public required string Id { get; init; }

    public required string ProcessId { get; init; }

    public required ImmutableArray<KeyValuePair<string, Argument>> Arguments { get; init; }

    /// <summary>The namespace: null means "user-defined first, then predefined".</summary>
    public string? Namespace { get; init; }

    public bool NamespaceSpecified { get; init; }

    public string? Description { get; init; }

    public bool DescriptionSpecified { get; init; }

    public bool IsResult { get; init; }

    public bool ResultSpecified { get; init; }

    /// <summary>Keys this node does not know, in order, written back as read.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownKeys { get; init; } = [];

    /// <summary>The order of keys as read; keys added later are written after them.</summary>
    public ImmutableArray<string> KeyOrder { get; init; } = [];

    public Argument? FindArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
