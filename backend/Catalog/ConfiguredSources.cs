using Microsoft.Extensions.Options;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>The sources of <c>OpenEo:Catalog:Sources</c>, in configuration order.</summary>
public sealed class ConfiguredSources(IOptions<CatalogOptions> options) : ICatalogSourceProvider
{
    public Task<IReadOnlyList<CatalogSource>> GetSourcesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CatalogSource>>(options.Value.Sources.Select(CatalogSource.FromOptions).ToArray());
}
