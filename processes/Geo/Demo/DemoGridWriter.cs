using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Time;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// Writes the parts every demo store shares, the way xarray/rioxarray lay them out: 1-D y/x coordinate
/// variables (cell centres), a CF time coordinate, and the 0-d <c>spatial_ref</c> grid-mapping variable.
/// </summary>
internal static class DemoGridWriter
{
    public static async Task WriteCoordinatesAsync(ZarrGroup group, RasterGrid grid, CancellationToken cancellationToken)
    {
        await WriteVectorAsync(group, grid.YDimension, grid.YCentres(), CfAttributeWriter.YCoordinate(grid), cancellationToken).ConfigureAwait(false);
        await WriteVectorAsync(group, grid.XDimension, grid.XCentres(), CfAttributeWriter.XCoordinate(grid), cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTimeAsync(ZarrGroup group, CfTimeUnits units, IReadOnlyList<CalendarDateTime> labels, CancellationToken cancellationToken)
    {
        var coder = new CfTimeCoder(units);
        var values = labels.Select(coder.EncodeExact).ToArray();
        var array = ZarrArray.Define(group.Store, StoreKeyOf(group, "time"), new ArrayDefinition
        {
            ZarrFormat = group.ZarrFormat,
            Shape = [values.Length],
            ChunkShape = [values.Length],
            DataType = ZarrDataType.Int64,
            DimensionNames = ["time"],
            Attributes = ToJsonObject(CfAttributeWriter.TimeCoordinate(units)),
        }, group.Context);
        await array.WriteAsync<long>(ArrayRegion.Whole(array.Shape), values, cancellationToken).ConfigureAwait(false);
        await array.CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteGridMappingAsync(ZarrGroup group, RasterGrid grid, CancellationToken cancellationToken)
    {
        var array = ZarrArray.Define(group.Store, StoreKeyOf(group, CfAttributeWriter.GridMappingVariable), new ArrayDefinition
        {
            ZarrFormat = group.ZarrFormat,
            Shape = [],
            ChunkShape = [],
            DataType = ZarrDataType.Int64,
            DimensionNames = [],
            Attributes = ToJsonObject(CfAttributeWriter.GridMapping(grid)),
        }, group.Context);
        await array.WriteAsync<long>(ArrayRegion.Whole([]), new long[] { 0 }, cancellationToken).ConfigureAwait(false);
        await array.CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
    }

    public static JsonObject ToJsonObject(IReadOnlyDictionary<string, JsonElement> attributes)
    {
        var json = new JsonObject();
        foreach (var (key, value) in attributes)
        {
            json[key] = JsonNode.Parse(value.GetRawText());
        }

        return json;
    }

    public static string StoreKeyOf(ZarrGroup group, string name) => group.Path.Length == 0 ? name : $"{group.Path}/{name}";

    private static async Task WriteVectorAsync(ZarrGroup group, string name, double[] values, IReadOnlyDictionary<string, JsonElement> attributes, CancellationToken cancellationToken)
    {
        var array = ZarrArray.Define(group.Store, StoreKeyOf(group, name), new ArrayDefinition
        {
            ZarrFormat = group.ZarrFormat,
            Shape = [values.Length],
            ChunkShape = [values.Length],
            DataType = ZarrDataType.Float64,
            FillValue = FillValue.FromDouble(ZarrDataType.Float64, double.NaN),
            DimensionNames = [name],
            Attributes = ToJsonObject(attributes),
        }, group.Context);
        await array.WriteAsync<double>(ArrayRegion.Whole(array.Shape), values, cancellationToken).ConfigureAwait(false);
        await array.CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
    }
}
