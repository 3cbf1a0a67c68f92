namespace OpenEoBridge.Processes.Values;

/// <summary>
/// A dimension of a data cube as far as schemas care: its name, its openEO type (<c>spatial</c>, <c>temporal</c>,
/// <c>bands</c>, <c>geometry</c>, <c>other</c>) and, for spatial dimensions, its axis (<c>x</c>, <c>y</c>, <c>z</c>).
/// </summary>
public sealed record CubeDimension(string Name, string Type, string? Axis = null)
{
    public override string ToString() => Axis is null ? $"{Name} ({Type})" : $"{Name} ({Type} {Axis})";
}
