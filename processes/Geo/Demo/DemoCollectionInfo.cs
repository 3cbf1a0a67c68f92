namespace OpenEoBridge.Geo.Demo;

/// <summary>A generated demo store and the metadata its collection is served with.</summary>
/// <param name="StorePath">Absolute directory of the Zarr store.</param>
public sealed record DemoCollectionInfo(
    string Id,
    string Title,
    string Description,
    string License,
    IReadOnlyList<string> Keywords,
    string StorePath);
