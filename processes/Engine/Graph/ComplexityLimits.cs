namespace OpenEoBridge.Processes.Graph;

/// <summary>
/// Limits against abuse; exceeding one fails with <c>ProcessGraphComplexity</c>. JSON itself is read with a much
/// larger depth limit (<see cref="JsonMaxDepth"/>) so these limits, with their clear messages, are always hit first.
/// </summary>
public sealed record ComplexityLimits
{
    public static ComplexityLimits Default { get; } = new();

    /// <summary>Nodes across all graph levels.</summary>
    public int MaxNodes { get; init; } = 5_000;

    /// <summary>Nesting of child graphs (callbacks inside callbacks).</summary>
    public int MaxGraphDepth { get; init; } = 16;

    /// <summary>Nesting of arrays/objects inside one argument.</summary>
    public int MaxValueDepth { get; init; } = 64;

    /// <summary>Array elements and object members in literals across the document.</summary>
    public int MaxLiteralElements { get; init; } = 2_000_000;

    /// <summary>Nested calls of user-defined processes (recursion through them).</summary>
    public int MaxUserProcessDepth { get; init; } = 16;

    /// <summary>The depth System.Text.Json may read; far above what the limits above allow.</summary>
    public const int JsonMaxDepth = 100_000;
}
