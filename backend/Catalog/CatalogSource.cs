using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>A validated source: where the store is, which group, and the collection's id and presentation.</summary>
public sealed record CatalogSource(
    string Id,
    StoreLocation Location,
    string Group,
    string? S3Profile,
    string? Title,
    string? Description,
    string? License,
    Uri? LicenseUrl,
    IReadOnlyList<string> Keywords,
    bool Growing)
{
    /// <summary>The address shown to clients and in logs; local paths are never shown to clients (see the asset rule).</summary>
    public string DisplayLocation => Group.Length == 0 ? Location.ToString() : $"{Location.ToString().TrimEnd('/')}/{Group}";

    /// <summary>Builds a source from its configuration entry (already checked by <see cref="CatalogOptionsValidator"/>).</summary>
    public static CatalogSource FromOptions(CatalogSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var location = StoreLocation.Parse(options.Location!);
        var group = NormaliseGroup(options.Group);
        return new CatalogSource(
            string.IsNullOrWhiteSpace(options.Id) ? CollectionIds.Derive(location, group) : options.Id.Trim(),
            location,
            group,
            string.IsNullOrWhiteSpace(options.S3Profile) ? null : options.S3Profile.Trim(),
            Blank(options.Title),
            Blank(options.Description),
            Blank(options.License),
            options.LicenseUrl,
            options.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToArray(),
            options.Growing);
    }

    public static string NormaliseGroup(string? group) => (group ?? string.Empty).Trim().Trim('/');

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
