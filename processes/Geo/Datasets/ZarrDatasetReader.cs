using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Time;
using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Geo.Datasets;

/// <summary>
/// Opens a Zarr group (v2 or v3) and describes it as a data cube: reads metadata, picks multiscale level 0,
/// applies the CF/GeoZarr conventions and reads only the 1-D coordinate arrays (x, y, time), never the data.
/// </summary>
public static class ZarrDatasetReader
{
    public static async Task<DatasetDescription> ReadAsync(IStore store, string groupPath = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var root = await ZarrGroup.OpenAsync(store, groupPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        var rootAttributes = ToElements(root.Attributes);
        var multiscales = Multiscales.FromAttributes(rootAttributes);
        var dataGroup = multiscales is null ? root : await root.OpenGroupAsync(multiscales.FullResolution.Path, cancellationToken).ConfigureAwait(false);

        // GeoZarr puts proj:/spatial: on the pyramid's root; the level's own attributes win where both exist.
        var groupAttributes = new Dictionary<string, JsonElement>(rootAttributes);
        if (!ReferenceEquals(dataGroup, root))
        {
            foreach (var (key, value) in ToElements(dataGroup.Attributes))
            {
                groupAttributes[key] = value;
            }
        }

        var arrays = new Dictionary<string, ZarrArray>(StringComparer.Ordinal);
        var variables = new List<VariableDescription>();
        foreach (var (name, isArray) in await dataGroup.ListChildrenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!isArray)
            {
                continue;
            }

            var array = await dataGroup.OpenArrayAsync(name, cancellationToken).ConfigureAwait(false);
            if (array.DimensionNames is not { } dimensions || dimensions.Any(d => d is null))
            {
                // Without named dimensions xarray cannot open the array either; the layout reports it as excluded.
                continue;
            }

            arrays[name] = array;
            var fill = array.ZarrFormat == 2 ? await ReadV2FillValueAsync(store, array.Path, cancellationToken).ConfigureAwait(false) : null;
            variables.Add(new VariableDescription(name, dimensions!, array.Shape, ToNumericType(array.DataType), ToElements(array.Attributes), fill));
        }

        var layout = DatasetLayoutReader.Read(groupAttributes, variables);
        var x = await ReadAxisAsync(layout.X, layout, arrays, cancellationToken).ConfigureAwait(false);
        var y = await ReadAxisAsync(layout.Y, layout, arrays, cancellationToken).ConfigureAwait(false);
        var labels = await ReadTimeAsync(layout, arrays, cancellationToken).ConfigureAwait(false);
        var native = new Crs.BoundingBox(x.MinEdge, y.MinEdge, x.MaxEdge, y.MaxEdge);
        var wgs84 = layout.Crs is null ? (Crs.BoundingBox?)null : GeographicExtent.FromAxes(x, y, layout.Crs);
        return new DatasetDescription(dataGroup.Path, layout, x, y, labels, native, wgs84, multiscales);
    }

    private static async Task<AxisExtent> ReadAxisAsync(CubeDimension dimension, DatasetLayout layout, Dictionary<string, ZarrArray> arrays, CancellationToken cancellationToken)
    {
        if (dimension.Coordinate is { } coordinate)
        {
            var values = await arrays[coordinate.Name].ReadAllAsync<double>(cancellationToken).ConfigureAwait(false);
            return AxisExtent.FromCentres(values);
        }

        // No coordinate array: GeoZarr/rioxarray transforms give the centres.
        if (layout.Transform is { IsRectilinear: true } t)
        {
            var centres = new double[dimension.Size];
            for (var i = 0; i < centres.Length; i++)
            {
                centres[i] = dimension.Role == DimensionRole.X ? t.Apply(i + 0.5, 0).X : t.Apply(0, i + 0.5).Y;
            }

            return AxisExtent.FromCentres(centres);
        }

        throw new FormatException($"Dimension '{dimension.Name}' has neither a coordinate array nor an affine transform; its coordinates are unknown.");
    }

    private static async Task<IReadOnlyList<CalendarDateTime>?> ReadTimeAsync(DatasetLayout layout, Dictionary<string, ZarrArray> arrays, CancellationToken cancellationToken)
    {
        if (layout.Time?.Coordinate is not { } coordinate)
        {
            return null;
        }

        var array = arrays[coordinate.Name];
        if (array.DataType.Kind == DataTypeKind.DateTime64)
        {
            return await ReadDateTime64Async(array, cancellationToken).ConfigureAwait(false);
        }

        var coder = layout.TimeCoder ?? throw new FormatException($"Time coordinate '{coordinate.Name}' has no CF 'units' attribute.");
        return array.DataType.Kind == DataTypeKind.Float
            ? coder.Decode(await array.ReadAllAsync<double>(cancellationToken).ConfigureAwait(false))
            : coder.Decode(await array.ReadAllAsync<long>(cancellationToken).ConfigureAwait(false));
    }

    // numpy datetime64 (v2 "<M8[ns]", v3 "numpy.datetime64"): counts of a unit since 1970-01-01, proleptic Gregorian.
    private static async Task<IReadOnlyList<CalendarDateTime>> ReadDateTime64Async(ZarrArray array, CancellationToken cancellationToken)
    {
        var bytes = new byte[checked((int)array.Shape.Aggregate(8L, (a, b) => a * b))];
        await array.ReadRawAsync(ArrayRegion.Whole(array.Shape), bytes, cancellationToken).ConfigureAwait(false);
        var counts = MemoryMarshal.Cast<byte, long>(bytes);
        var microsecondsPerCount = array.DataType.TimeUnit switch
        {
            "ns" => 1e-3,
            "us" => 1.0,
            "ms" => 1e3,
            "s" => 1e6,
            "m" => 60e6,
            "h" => 3600e6,
            "D" => 86_400e6,
            var unit => throw new FormatException($"datetime64 unit '{unit}' of '{array.Path}' is not supported."),
        } * Math.Max(1, array.DataType.TimeScale);
        var epoch = new CalendarDateTime(CfCalendar.ProlepticGregorian, 1970, 1, 1);
        var labels = new CalendarDateTime[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            labels[i] = counts[i] == long.MinValue
                ? throw new FormatException($"Time coordinate '{array.Path}' contains NaT at index {i}.")
                : epoch.AddMicroseconds(checked((long)Math.Round(counts[i] * microsecondsPerCount)));
        }

        return labels;
    }

    // xarray treats a v2 .zarray fill_value as _FillValue; null ("undefined") must stay distinguishable from 0.
    private static async Task<JsonElement?> ReadV2FillValueAsync(IStore store, string arrayPath, CancellationToken cancellationToken)
    {
        var bytes = await store.GetAsync(StoreKey.Join(arrayPath, ".zarray"), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.TryGetProperty("fill_value", out var fill) && fill.ValueKind != JsonValueKind.Null ? fill.Clone() : null;
    }

    private static NumericType ToNumericType(ZarrDataType type) => type.Kind switch
    {
        DataTypeKind.Float => new NumericType(NumericKind.Float, type.ItemSize),
        DataTypeKind.Int => new NumericType(NumericKind.SignedInteger, type.ItemSize),
        DataTypeKind.UInt => new NumericType(NumericKind.UnsignedInteger, type.ItemSize),
        DataTypeKind.Bool => new NumericType(NumericKind.Boolean, 1),
        _ => new NumericType(NumericKind.Other, type.ItemSize),
    };

    private static Dictionary<string, JsonElement> ToElements(JsonObject attributes) =>
        attributes.ToDictionary(p => p.Key, p => p.Value is null ? JsonSerializer.SerializeToElement<object?>(null) : JsonSerializer.SerializeToElement(p.Value));
}
