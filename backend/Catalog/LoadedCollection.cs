using OpenEoBridge.Geo.Datasets;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>Labels of a dimension that is neither x, y nor time: numbers or strings, from its coordinate array.</summary>
public sealed record DimensionLabels(IReadOnlyList<double>? Numbers, IReadOnlyList<string>? Texts)
{
    public int Count => Numbers?.Count ?? Texts!.Count;
}

/// <summary>
/// A source opened successfully: the cube description, the band names, labels of other dimensions, and the
/// fingerprint of the consolidated metadata it was read from (null when the store has none).
/// </summary>
public sealed record LoadedCollection(
    CatalogSource Source,
    DatasetDescription Dataset,
    IReadOnlyList<string> BandNames,
    IReadOnlyDictionary<string, DimensionLabels> OtherDimensionLabels,
    string? Fingerprint,
    DateTimeOffset ReadAt);
