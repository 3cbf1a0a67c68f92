using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Codecs;
using OpenEoBridge.Zarr.DataTypes;

namespace OpenEoBridge.Zarr.Metadata;

/// <summary>
/// Array metadata of either format, validated against <see cref="ZarrLimits"/>: shape, chunking, element
/// type, fill value, chunk key encoding, codec pipeline, attributes and dimension names.
/// </summary>
public sealed record ArrayMetadata
{
    private static readonly HashSet<string> KnownV3Keys = ["shape", "data_type", "chunk_grid", "chunk_key_encoding", "fill_value", "codecs", "attributes", "dimension_names", "zarr_format", "node_type", "storage_transformers"];

    public required int ZarrFormat { get; init; }

    public required long[] Shape { get; init; }

    /// <summary>Chunk shape (for sharded arrays: the shard shape).</summary>
    public required int[] ChunkShape { get; init; }

    public required ZarrDataType DataType { get; init; }

    public required FillValue FillValue { get; init; }

    public required ChunkKeyEncoding KeyEncoding { get; init; }

    public JsonObject Attributes { get; init; } = [];

    /// <summary>v3 <c>dimension_names</c>, or v2 <c>_ARRAY_DIMENSIONS</c> (xarray) when present.</summary>
    public string?[]? DimensionNames { get; init; }

    /// <summary>v2: stored byte order of multi-byte elements.</summary>
    public bool BigEndian { get; init; }

    /// <summary>v2: <c>'C'</c> or <c>'F'</c> element order inside chunks.</summary>
    public char Order { get; init; } = 'C';

    /// <summary>v2 compressor config (null = none).</summary>
    public JsonObject? Compressor { get; init; }

    /// <summary>v2 filters (null = none).</summary>
    public JsonArray? Filters { get; init; }

    /// <summary>v3 codecs.</summary>
    public JsonArray? Codecs { get; init; }

    /// <summary>Safety caps these metadata were validated against.</summary>
    public ZarrLimits Limits { get; init; } = ZarrLimits.Default;

    public int Rank => Shape.Length;

    public ChunkSpec ChunkSpec => new(ChunkShape, DataType, FillValue);

    /// <summary>The codec pipeline for one chunk (built on first use, validated by <see cref="Validate"/>).</summary>
    public CodecPipeline Pipeline => field ??= BuildPipeline();

    private CodecPipeline BuildPipeline() => ZarrFormat == 2
        ? CodecPipeline.FromV2(Compressor, Filters, Order == 'F', BigEndian, ChunkSpec)
        : CodecPipeline.FromV3(Codecs, ChunkSpec, Limits);

    /// <summary>Checks caps and builds the pipeline; throws <see cref="ZarrMetadataException"/> naming <paramref name="path"/>.</summary>
    public ArrayMetadata Validate(string path)
    {
        try
        {
            if (Rank > Limits.MaxDimensions)
            {
                throw new ZarrException($"{Rank} dimensions exceed the cap of {Limits.MaxDimensions}");
            }

            if (ChunkShape.Length != Rank)
            {
                throw new ZarrException($"chunk shape has {ChunkShape.Length} dimensions, the array {Rank}");
            }

            if (Shape.Any(s => s < 0) || ChunkShape.Any(c => c <= 0))
            {
                throw new ZarrException("shape must be non-negative and chunk sizes positive");
            }

            long bytes;
            try
            {
                bytes = checked(ChunkSpec.ElementCount * Math.Max(1, DataType.ItemSize));
            }
            catch (OverflowException)
            {
                throw new ZarrException($"chunk shape [{string.Join(", ", ChunkShape)}] × item size overflows");
            }

            var sharding = Pipeline.Sharding;
            var readBytes = sharding is null ? bytes : new ChunkSpec(sharding.InnerShape, DataType, FillValue).ByteSize;
            if (readBytes > Limits.MaxChunkBytes)
            {
                throw new ZarrException($"a decoded chunk would be {readBytes} bytes, above the cap of {Limits.MaxChunkBytes}");
            }

            if (DimensionNames is { } names && names.Length != Rank)
            {
                throw new ZarrException($"dimension_names has {names.Length} entries for {Rank} dimensions");
            }
        }
        catch (ZarrUnsupportedException)
        {
            throw;
        }
        catch (ZarrException e) when (e is not ZarrMetadataException)
        {
            throw new ZarrMetadataException(path, e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new ZarrMetadataException(path, e.Message, e);
        }

        return this;
    }

    // ---------------- v2 ----------------

    public static ArrayMetadata ParseV2(JsonObject zarray, JsonObject? zattrs, string path, ZarrLimits limits)
    {
        try
        {
            if (zarray["zarr_format"]?.GetValue<int>() != 2)
            {
                throw new ZarrMetadataException(path, ".zarray zarr_format must be 2");
            }

            var dtypeNode = zarray["dtype"];
            var filters = zarray["filters"] as JsonArray;
            ZarrDataType type;
            var bigEndian = false;
            if (dtypeNode is JsonArray)
            {
                throw new ZarrUnsupportedException($"Array '{path}': structured dtypes are not supported");
            }

            var dtype = dtypeNode?.GetValue<string>() ?? throw new ZarrMetadataException(path, ".zarray has no dtype");
            if (dtype is "|O" or "<O" or ">O")
            {
                if (filters is null || filters.Count == 0 || CodecConfig.String(filters[0] as JsonObject, "id") != "vlen-utf8")
                {
                    throw new ZarrUnsupportedException($"Array '{path}': object dtype is only supported with the vlen-utf8 filter; pickle, msgpack and other object codecs are refused");
                }

                type = ZarrDataType.String;
            }
            else
            {
                type = ZarrDataType.ParseV2(dtype, out bigEndian);
            }

            var shape = JsonHelpers.LongArray(zarray["shape"], path, "shape");
            var chunks = JsonHelpers.LongArray(zarray["chunks"], path, "chunks");
            var order = zarray["order"]?.GetValue<string>() ?? "C";
            if (order is not ("C" or "F"))
            {
                throw new ZarrMetadataException(path, $"order must be 'C' or 'F', got '{order}'");
            }

            var sep = zarray["dimension_separator"]?.GetValue<string>() ?? ".";
            if (sep is not ("." or "/"))
            {
                throw new ZarrMetadataException(path, $"dimension_separator must be '.' or '/', got '{sep}'");
            }

            var attributes = zattrs ?? [];
            string?[]? dims = attributes["_ARRAY_DIMENSIONS"] is JsonArray d ? [.. d.Select(n => n?.GetValue<string>())] : null;
            return new ArrayMetadata
            {
                ZarrFormat = 2,
                Shape = shape,
                ChunkShape = [.. chunks.Select(c => c is > 0 and <= int.MaxValue ? (int)c : throw new ZarrMetadataException(path, $"chunk size {c} is out of range"))],
                DataType = type,
                BigEndian = bigEndian,
                FillValue = FillValue.Parse(type, zarray["fill_value"], 2),
                KeyEncoding = new ChunkKeyEncoding(false, sep[0]),
                Order = order[0],
                Compressor = zarray["compressor"] as JsonObject,
                Filters = filters,
                Attributes = attributes,
                DimensionNames = dims,
                Limits = limits,
            }.Validate(path);
        }
        catch (ZarrException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new ZarrMetadataException(path, $"malformed .zarray: {e.Message}", e);
        }
    }

    /// <summary>The <c>.zarray</c> document (attributes go to <c>.zattrs</c>).</summary>
    public JsonObject ToV2()
    {
        return (JsonObject)JsonHelpers.Sorted(new JsonObject
        {
            ["zarr_format"] = 2,
            ["shape"] = new JsonArray([.. Shape.Select(s => (JsonNode)s)]),
            ["chunks"] = new JsonArray([.. ChunkShape.Select(s => (JsonNode)s)]),
            ["dtype"] = DataType.ToV2(BigEndian),
            ["fill_value"] = FillValue.ToJson(2),
            ["order"] = Order.ToString(),
            ["compressor"] = Compressor?.DeepClone(),
            ["filters"] = Filters?.DeepClone(),
            ["dimension_separator"] = KeyEncoding.Separator.ToString(),
        })!;
    }

    // ---------------- v3 ----------------

    public static ArrayMetadata ParseV3(JsonObject json, string path, ZarrLimits limits)
    {
        try
        {
            foreach (var (key, value) in json)
            {
                if (!KnownV3Keys.Contains(key) && !(value is JsonObject o && o["must_understand"] is JsonValue mu && mu.TryGetValue<bool>(out var must) && !must))
                {
                    throw new ZarrUnsupportedException($"Array '{path}': unknown zarr.json key '{key}' (not marked must_understand: false)");
                }
            }

            if (json["storage_transformers"] is JsonArray st && st.Count > 0)
            {
                throw new ZarrUnsupportedException($"Array '{path}': storage transformers are not supported");
            }

            var type = ZarrDataType.ParseV3(json["data_type"]);
            var grid = json["chunk_grid"] ?? throw new ZarrMetadataException(path, "zarr.json has no chunk_grid");
            var (gridName, gridConfig) = JsonHelpers.ExtensionName(grid, path, "chunk_grid");
            if (gridName != "regular")
            {
                throw new ZarrUnsupportedException($"Array '{path}': chunk grid '{gridName}' is not supported (only 'regular')");
            }

            var chunkShape = JsonHelpers.LongArray(gridConfig?["chunk_shape"], path, "chunk_grid.configuration.chunk_shape");
            if (!json.ContainsKey("fill_value"))
            {
                throw new ZarrMetadataException(path, "zarr.json has no fill_value");
            }

            string?[]? dims = json["dimension_names"] is JsonArray d ? [.. d.Select(n => n?.GetValue<string>())] : null;
            return new ArrayMetadata
            {
                ZarrFormat = 3,
                Shape = JsonHelpers.LongArray(json["shape"], path, "shape"),
                ChunkShape = [.. chunkShape.Select(c => c is > 0 and <= int.MaxValue ? (int)c : throw new ZarrMetadataException(path, $"chunk size {c} is out of range"))],
                DataType = type,
                FillValue = FillValue.Parse(type, json["fill_value"], 3),
                KeyEncoding = ChunkKeyEncoding.ParseV3(json["chunk_key_encoding"], path),
                Codecs = json["codecs"] as JsonArray ?? throw new ZarrMetadataException(path, "zarr.json has no codecs list"),
                Attributes = json["attributes"] as JsonObject ?? [],
                DimensionNames = dims,
                Limits = limits,
            }.Validate(path);
        }
        catch (ZarrException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new ZarrMetadataException(path, $"malformed zarr.json: {e.Message}", e);
        }
    }

    /// <summary>The v3 <c>zarr.json</c> document of this array (key order as zarr-python writes it).</summary>
    public JsonObject ToV3()
    {
        var json = new JsonObject
        {
            ["shape"] = new JsonArray([.. Shape.Select(s => (JsonNode)s)]),
            ["data_type"] = DataType.ToV3(),
            ["chunk_grid"] = new JsonObject
            {
                ["name"] = "regular",
                ["configuration"] = new JsonObject { ["chunk_shape"] = new JsonArray([.. ChunkShape.Select(s => (JsonNode)s)]) },
            },
            ["chunk_key_encoding"] = KeyEncoding.ToV3(),
            ["fill_value"] = FillValue.ToJson(3),
            ["codecs"] = Codecs?.DeepClone(),
            ["attributes"] = Attributes.DeepClone(),
        };
        if (DimensionNames is not null)
        {
            json["dimension_names"] = new JsonArray([.. DimensionNames.Select(n => (JsonNode?)n)]);
        }

        json["zarr_format"] = 3;
        json["node_type"] = "array";
        json["storage_transformers"] = new JsonArray();
        return json;
    }
}
