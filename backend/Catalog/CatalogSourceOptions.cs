namespace OpenEoBridge.Backend.Catalog;

/// <summary>One entry of <c>OpenEo:Catalog:Sources</c>: a Zarr store (or one group of it) and how to present it.</summary>
public sealed class CatalogSourceOptions
{
    /// <summary>Where the store is: <c>s3://bucket/prefix</c>, <c>https://host/path</c>, <c>file:///path</c> or a local path.</summary>
    public string? Location { get; set; }

    /// <summary>Group inside the store holding the cube (empty: the root group).</summary>
    public string? Group { get; set; }

    /// <summary>The collection id; default: the store's name (plus the group), sanitised to the openEO id pattern.</summary>
    public string? Id { get; set; }

    public string? Title { get; set; }

    /// <summary>CommonMark description; default: the store's <c>title</c>/<c>summary</c> attributes or a generated sentence.</summary>
    public string? Description { get; set; }

    /// <summary>SPDX license identifier, or <c>proprietary</c> / <c>various</c> (then give <see cref="LicenseUrl"/>).</summary>
    public string? License { get; set; }

    /// <summary>Link to the license text; default for SPDX identifiers: the SPDX page.</summary>
    public Uri? LicenseUrl { get; set; }

    public List<string> Keywords { get; set; } = [];

    /// <summary>Name of an S3 profile in <c>OpenEo:Storage:S3Profiles</c> (s3:// locations only; default: "default").</summary>
    public string? S3Profile { get; set; }

    /// <summary>The store grows (e.g. a daily time step is appended): the temporal extent is advertised with an open end.</summary>
    public bool Growing { get; set; }
}
