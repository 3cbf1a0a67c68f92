using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Geo.Demo;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// The demo collections (<c>OpenEo:Catalog:Demo</c>, on by default): generated into <c>&lt;DataDirectory&gt;/demo/</c>
/// on first start by the project's own writer (reused afterwards) and served after the configured sources.
/// </summary>
public sealed class DemoSources(IOptions<CatalogOptions> catalog, IOptions<OpenEoOptions> openEo, ILogger<DemoSources> logger) : ICatalogSourceProvider
{
    public async Task<IReadOnlyList<CatalogSource>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        if (!catalog.Value.Demo)
        {
            return [];
        }

        var dataDirectory = DataDirectory.Resolve(openEo.Value);
        var started = TimeProvider.System.GetTimestamp();
        var demos = await DemoCollections.EnsureAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Demo collections ready in {Directory} ({Elapsed:F1} s): {Ids}",
            Path.Combine(dataDirectory, DemoCollections.DirectoryName), TimeProvider.System.GetElapsedTime(started).TotalSeconds, string.Join(", ", demos.Select(d => d.Id)));
        return demos.Select(d => new CatalogSource(
            d.Id, StoreLocation.Parse(d.StorePath), string.Empty, null, d.Title, d.Description, d.License, null, d.Keywords, Growing: false)).ToArray();
    }
}
