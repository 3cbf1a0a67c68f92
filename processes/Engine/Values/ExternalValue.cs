namespace OpenEoBridge.Processes.Values;

/// <summary>
/// Base for values that are not JSON-like (data cubes, vector cubes). They pass through the evaluator untouched;
/// only processes that understand them look inside. <see cref="Subtype"/> is the openEO subtype (e.g. <c>datacube</c>).
/// </summary>
public abstract class ExternalValue : Value
{
    public override ValueKind Kind => ValueKind.External;

    public abstract string Subtype { get; }

    /// <summary>
    /// The cube's dimensions, for checking a parameter schema's <c>dimensions</c> keyword when the value is bound
    /// to a process; null when the owner cannot tell (the check is then skipped).
    /// </summary>
    public virtual IReadOnlyList<CubeDimension>? Dimensions => null;
}
