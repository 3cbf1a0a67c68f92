using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Metadata;

namespace OpenEoBridge.Zarr.Hierarchy;

/// <summary>
/// What to create: shape, chunking, type, fill, codecs and attributes. Codec lists are plain JSON (see
/// <see cref="CodecSpecs"/>) so that what we write goes through exactly the parser we read with.
/// </summary>
public sealed record ArrayDefinition
{
    public required long[] Shape { get; init; }

    /// <summary>Chunk shape (for sharded arrays: the shard shape).</summary>
    public required int[] ChunkShape { get; init; }

    public required ZarrDataType DataType { get; init; }

    /// <summary>2 or 3.</summary>
    public int ZarrFormat { get; init; } = 3;

    /// <summary>Fill value; null means zero (empty string for strings).</summary>
    public FillValue? FillValue { get; init; }

    public JsonObject? Attributes { get; init; }

    /// <summary>v3 <c>dimension_names</c>; for v2 written as xarray's <c>_ARRAY_DIMENSIONS</c> attribute.</summary>
    public string?[]? DimensionNames { get; init; }

    /// <summary>v3 codecs; default <c>[bytes little, zstd level 0]</c> (zarr-python 3 default), <c>[vlen-utf8, zstd]</c> for strings.</summary>
    public JsonArray? Codecs { get; init; }

    /// <summary>v3 key encoding; default <c>default</c> with <c>/</c>. v2 uses <see cref="DimensionSeparator"/>.</summary>
    public ChunkKeyEncoding? KeyEncoding { get; init; }

    /// <summary>v2 compressor; default Blosc lz4 clevel 5 byte-shuffle (zarr-python 2 default). Use <see cref="NoCompressor"/> for none.</summary>
    public JsonObject? Compressor { get; init; }

    public bool NoCompressor { get; init; }

    /// <summary>v2 filters.</summary>
    public JsonArray? Filters { get; init; }

    /// <summary>v2 element order inside chunks.</summary>
    public char Order { get; init; } = 'C';

    /// <summary>v2 stored byte order.</summary>
    public bool BigEndian { get; init; }

    public char DimensionSeparator { get; init; } = '.';

    /// <summary>When set (v3), chunks become shards of inner chunks of this shape, each encoded with <see cref="Codecs"/>.</summary>
    public int[]? ShardInnerChunkShape { get; init; }

    /// <summary>Do not store chunks whose every element equals the fill value (zarr-python 3 behaviour).</summary>
    public bool SkipEmptyChunks { get; init; }

    internal ArrayMetadata ToMetadata(string path, ZarrLimits limits)
    {
        var fill = FillValue ?? DataTypes.FillValue.Zero(DataType);
        var attributes = (JsonObject?)Attributes?.DeepClone() ?? [];
        if (ZarrFormat == 2)
        {
            if (ShardInnerChunkShape is not null)
            {
                throw new ArgumentException("Sharding needs Zarr v3");
            }

            if (DimensionNames is not null)
            {
                attributes["_ARRAY_DIMENSIONS"] = new JsonArray([.. DimensionNames.Select(n => (JsonNode?)n)]);
            }

            var filters = Filters;
            if (DataType.IsVariableLength && filters is null)
            {
                filters = [new JsonObject { ["id"] = "vlen-utf8" }];
            }

            return new ArrayMetadata
            {
                ZarrFormat = 2,
                Shape = Shape,
                ChunkShape = ChunkShape,
                DataType = DataType,
                FillValue = fill,
                BigEndian = BigEndian,
                Order = Order,
                KeyEncoding = new ChunkKeyEncoding(false, DimensionSeparator),
                Compressor = NoCompressor ? null : Compressor ?? CodecSpecs.V2Blosc("lz4", 5, 1),
                Filters = filters,
                Attributes = attributes,
                DimensionNames = DimensionNames,
                Limits = limits,
            }.Validate(path);
        }

        if (ZarrFormat != 3)
        {
            throw new ArgumentException($"Zarr format {ZarrFormat} is not 2 or 3");
        }

        var codecs = Codecs ?? (DataType.IsVariableLength
            ? [CodecSpecs.VlenUtf8(), CodecSpecs.Zstd(0)]
            : [CodecSpecs.Bytes(), CodecSpecs.Zstd(0)]);
        if (ShardInnerChunkShape is { } inner)
        {
            codecs = [CodecSpecs.Sharding(inner, codecs)];
        }

        return new ArrayMetadata
        {
            ZarrFormat = 3,
            Shape = Shape,
            ChunkShape = ChunkShape,
            DataType = DataType,
            FillValue = fill,
            KeyEncoding = KeyEncoding ?? ChunkKeyEncoding.Default,
            Codecs = codecs,
            Attributes = attributes,
            DimensionNames = DimensionNames,
            Limits = limits,
        }.Validate(path);
    }
}
