namespace OpenEoBridge.Backend.Configuration;

/// <summary><c>OpenEo:Limits</c>: protective bounds on what a single request may send.</summary>
public sealed class LimitsOptions
{
    /// <summary>Largest request body accepted by Kestrel; larger bodies are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in request bodies (process graphs nest callbacks).</summary>
    public int MaxJsonDepth { get; set; } = 128;
}
