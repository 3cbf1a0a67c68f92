namespace OpenEoBridge.Backend.Catalog;

/// <summary>The <c>OpenEo:Catalog</c> configuration section: which Zarr stores are served as collections.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "OpenEo:Catalog";

    /// <summary>The stores (or groups of stores) served as collections, one collection per entry.</summary>
    public List<CatalogSourceOptions> Sources { get; set; } = [];

    /// <summary>
    /// How long collection metadata is served before the store is checked again (stores that grow daily would
    /// otherwise show stale extents). A check re-reads everything only when the store's consolidated metadata changed.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound for opening one store (metadata and coordinate arrays); a slower store is left out until the next check.</summary>
    public TimeSpan OpenTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Generate the small demo collections into the data directory on first start and serve them.</summary>
    public bool Demo { get; set; } = true;
}
