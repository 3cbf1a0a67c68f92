using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Datasets;
using OpenEoBridge.Storage;
using OpenEoBridge.Storage.Locations;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// Opens one source and describes it as a collection. Each load opens a fresh store object, so nothing a previous
/// load cached (decoded coordinate chunks are cached per store object) can hide data a writer has appended since.
/// </summary>
public sealed class CollectionLoader(StoreFactory stores, TimeProvider time)
{
    /// <summary>Dimensions with more labels than this are described by their extent only.</summary>
    public const int MaxListedLabels = 1000;

    /// <summary>Reads the source; returns <paramref name="previous"/> (re-stamped) when its consolidated metadata is unchanged.</summary>
    /// <exception cref="CollectionUnavailableException">The store cannot be served, with the reason.</exception>
    public async Task<LoadedCollection> LoadAsync(CatalogSource source, LoadedCollection? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var store = stores.Open(source.Location, source.S3Profile);
        var fingerprint = await MetadataFingerprint.ReadAsync(store, source.Group, cancellationToken).ConfigureAwait(false);
        if (previous is not null && fingerprint is not null && fingerprint == previous.Fingerprint)
        {
            return previous with { ReadAt = time.GetUtcNow() };
        }

        var dataset = await ZarrDatasetReader.ReadAsync(store, source.Group, cancellationToken).ConfigureAwait(false);
        if (dataset.Layout.Crs is null || dataset.Wgs84Bounds is null)
        {
            throw new CollectionUnavailableException(
                "the cube has no coordinate reference system (no grid_mapping, GeoZarr proj: attributes, or longitude/latitude axes), so no WGS 84 extent can be given");
        }

        var group = await ZarrGroup.OpenAsync(store, dataset.DataGroupPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        var bandNames = await BandNamesAsync(dataset.Layout, group, cancellationToken).ConfigureAwait(false);
        var others = new Dictionary<string, DimensionLabels>(StringComparer.Ordinal);
        foreach (var dimension in dataset.Layout.Dimensions.Where(d => d.Role == DimensionRole.Other))
        {
            if (await ReadLabelsAsync(dimension, group, cancellationToken).ConfigureAwait(false) is { } labels)
            {
                others[dimension.Name] = labels;
            }
        }

        return new LoadedCollection(source, dataset, bandNames, others, fingerprint, time.GetUtcNow());
    }

    /// <summary>Data variables, or the labels of an explicit band dimension (names, else its coordinate values, else 1..n).</summary>
    private static async Task<IReadOnlyList<string>> BandNamesAsync(DatasetLayout layout, ZarrGroup group, CancellationToken cancellationToken)
    {
        if (layout.BandDimension is not { } dimension)
        {
            return layout.Bands.Select(b => b.Name).ToArray();
        }

        if (layout.BandDimensionLabels is { } names && names.Count == dimension.Size)
        {
            return names;
        }

        if (await ReadLabelsAsync(dimension, group, cancellationToken).ConfigureAwait(false) is { } labels && labels.Count == dimension.Size)
        {
            return labels.Texts ?? labels.Numbers!.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }

        return Enumerable.Range(1, checked((int)dimension.Size)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private static async Task<DimensionLabels?> ReadLabelsAsync(CubeDimension dimension, ZarrGroup group, CancellationToken cancellationToken)
    {
        if (dimension.Coordinate is not { } coordinate || dimension.Size > MaxListedLabels)
        {
            return null;
        }

        var array = await group.OpenArrayAsync(coordinate.Name, cancellationToken).ConfigureAwait(false);
        return array.DataType.Kind switch
        {
            DataTypeKind.Float or DataTypeKind.Int or DataTypeKind.UInt =>
                new DimensionLabels(await array.ReadAllAsync<double>(cancellationToken).ConfigureAwait(false), null),
            DataTypeKind.String => new DimensionLabels(null, await array.ReadStringsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)),
            _ => null,
        };
    }
}
