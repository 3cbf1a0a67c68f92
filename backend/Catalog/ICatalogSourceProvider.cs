namespace OpenEoBridge.Backend.Catalog;

/// <summary>Contributes sources to the catalogue (configuration, the demo data, ...). Asked once, in the background after start.</summary>
public interface ICatalogSourceProvider
{
    Task<IReadOnlyList<CatalogSource>> GetSourcesAsync(CancellationToken cancellationToken);
}
