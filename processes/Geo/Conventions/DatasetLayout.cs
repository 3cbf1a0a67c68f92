using System.Text.Json;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>One dimension of the cube, with its role and the coordinate variable that labels it (if any).</summary>
public sealed record CubeDimension(string Name, DimensionRole Role, long Size, VariableDescription? Coordinate);

/// <summary>A data variable served as a band: its metadata and how its stored values decode.</summary>
public sealed record BandVariable(VariableDescription Variable, ValuePacking Packing)
{
    public string Name => Variable.Name;

    public string? Units => Variable.Attributes.GetString("units");

    public string? LongName => Variable.Attributes.GetString("long_name");

    public string? StandardName => Variable.Attributes.GetString("standard_name");
}

/// <summary>A variable that is not part of the cube, and why.</summary>
public sealed record ExcludedVariable(string Name, string Reason);

/// <summary>
/// How one group of a store maps onto an openEO data cube, decided from metadata alone (no chunk is read):
/// cube dimensions and their roles, the bands, the CRS and which variables are left out.
/// </summary>
public sealed record DatasetLayout(
    IReadOnlyList<CubeDimension> Dimensions,
    IReadOnlyList<BandVariable> Bands,
    CoordinateReferenceSystem? Crs,
    AffineTransform? Transform,
    string? GridMappingVariable,
    IReadOnlyList<ExcludedVariable> Excluded,
    IReadOnlyDictionary<string, JsonElement> GroupAttributes)
{
    public CubeDimension X => Dimensions.Single(d => d.Role == DimensionRole.X);

    public CubeDimension Y => Dimensions.Single(d => d.Role == DimensionRole.Y);

    public CubeDimension? Time => Dimensions.SingleOrDefault(d => d.Role == DimensionRole.Time);

    /// <summary>An explicit band dimension (rioxarray's <c>band</c>); the single data variable's labels then come from it.</summary>
    public CubeDimension? BandDimension => Dimensions.SingleOrDefault(d => d.Role == DimensionRole.Band);

    /// <summary>The decoder for the time coordinate's values, from its <c>units</c> and <c>calendar</c>.</summary>
    public CfTimeCoder? TimeCoder => Time?.Coordinate?.Attributes.GetString("units") is { } units
        ? CfTimeCoder.FromAttributes(units, Time.Coordinate.Attributes.GetString("calendar"))
        : null;

    /// <summary>Band names a store gives for an explicit band dimension (rioxarray writes them as <c>long_name</c> list).</summary>
    public IReadOnlyList<string>? BandDimensionLabels =>
        BandDimension is null || Bands.Count != 1 ? null
        : Bands[0].Variable.Attributes.GetStrings("band_names") is { Length: > 1 } names ? names
        : Bands[0].Variable.Attributes.TryGetValue("long_name", out var ln) && ln.ValueKind == JsonValueKind.Array ? Bands[0].Variable.Attributes.GetStrings("long_name")
        : null;
}
