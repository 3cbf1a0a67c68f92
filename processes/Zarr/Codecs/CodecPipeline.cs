using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Compression;
using OpenEoBridge.Zarr.DataTypes;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>
/// A chunk's codec chain: array→array codecs, one array→bytes serialiser, bytes→bytes codecs. Encoding
/// runs in that order, decoding in reverse. v2 metadata (order, filters, compressor, dtype byte order) is
/// expressed as the same chain.
/// </summary>
public sealed class CodecPipeline
{
    private readonly ChunkSpec[] _arraySpecs;
    private readonly int?[] _bytesDecodedLength;

    public CodecPipeline(ChunkSpec spec, IReadOnlyList<IArrayToArrayCodec> arrayCodecs, IArrayToBytesCodec serializer, IReadOnlyList<IBytesToBytesCodec> bytesCodecs)
    {
        Spec = spec;
        ArrayCodecs = arrayCodecs;
        Serializer = serializer;
        BytesCodecs = bytesCodecs;
        _arraySpecs = new ChunkSpec[arrayCodecs.Count + 1];
        _arraySpecs[0] = spec;
        for (var i = 0; i < arrayCodecs.Count; i++)
        {
            _arraySpecs[i + 1] = arrayCodecs[i].EncodedSpec(_arraySpecs[i]);
        }

        if (SerializerSpec.DataType.IsVariableLength != serializer is VlenUtf8Codec && serializer is not ShardingCodec)
        {
            throw new ZarrException(serializer is VlenUtf8Codec
                ? $"vlen-utf8 needs a string data type, not {SerializerSpec.DataType}"
                : $"data type {SerializerSpec.DataType} needs the vlen-utf8 codec");
        }

        _bytesDecodedLength = new int?[bytesCodecs.Count];
        long? size = serializer.EncodedSize(SerializerSpec);
        for (var i = 0; i < bytesCodecs.Count; i++)
        {
            _bytesDecodedLength[i] = size is { } s && s <= int.MaxValue ? (int)s : null;
            size = size is { } known ? bytesCodecs[i].EncodedSize(known) : null;
        }

        FixedEncodedSize = size;
    }

    /// <summary>The decoded chunk spec (array shape and type of one chunk).</summary>
    public ChunkSpec Spec { get; }

    public IReadOnlyList<IArrayToArrayCodec> ArrayCodecs { get; }

    public IArrayToBytesCodec Serializer { get; }

    public IReadOnlyList<IBytesToBytesCodec> BytesCodecs { get; }

    /// <summary>The encoded size when it is fixed (uncompressed pipelines, shard indexes), otherwise null.</summary>
    public long? FixedEncodedSize { get; }

    /// <summary>The sharding codec when the pipeline is just <c>sharding_indexed</c>, enabling inner-chunk reads.</summary>
    public ShardingCodec? Sharding => ArrayCodecs.Count == 0 && BytesCodecs.Count == 0 ? Serializer as ShardingCodec : null;

    private ChunkSpec SerializerSpec => _arraySpecs[^1];

    /// <param name="encoded">The stored bytes.</param>
    /// <param name="limits">Caps.</param>
    /// <param name="rent">
    /// Optional allocator for the final decompression output (exact size), so callers can pool chunk buffers;
    /// the returned chunk's data is then that array whenever no later stage had to copy.
    /// </param>
    public ChunkBuffer Decode(ReadOnlyMemory<byte> encoded, ZarrLimits limits, Func<int, byte[]>? rent = null)
    {
        for (var i = BytesCodecs.Count - 1; i >= 0; i--)
        {
            if (i == 0 && rent is not null && _bytesDecodedLength[0] is { } exact && BytesCodecs[0] is IDecodeIntoCodec into)
            {
                var target = rent(exact);
                into.DecodeInto(encoded, target, limits);
                encoded = target;
                continue;
            }

            encoded = BytesCodecs[i].Decode(encoded, _bytesDecodedLength[i], limits);
        }

        var chunk = Serializer.Decode(encoded, SerializerSpec, limits);
        for (var i = ArrayCodecs.Count - 1; i >= 0; i--)
        {
            chunk = ArrayCodecs[i].Decode(chunk, _arraySpecs[i]);
        }

        return chunk;
    }

    public ReadOnlyMemory<byte> Encode(ChunkBuffer chunk)
    {
        for (var i = 0; i < ArrayCodecs.Count; i++)
        {
            chunk = ArrayCodecs[i].Encode(chunk, _arraySpecs[i]);
        }

        var bytes = Serializer.Encode(chunk, SerializerSpec);
        foreach (var codec in BytesCodecs)
        {
            bytes = codec.Encode(bytes);
        }

        return bytes;
    }

    // ---------------- factories ----------------

    /// <summary>Builds the pipeline of a v3 <c>codecs</c> list for chunks of <paramref name="spec"/>.</summary>
    public static CodecPipeline FromV3(JsonArray? codecs, ChunkSpec spec, ZarrLimits limits)
    {
        if (codecs is null || codecs.Count == 0)
        {
            throw new ZarrException("v3 codecs list is empty (an array→bytes codec such as 'bytes' is required)");
        }

        var arrayCodecs = new List<IArrayToArrayCodec>();
        IArrayToBytesCodec? serializer = null;
        var bytesCodecs = new List<IBytesToBytesCodec>();
        var current = spec;
        foreach (var node in codecs)
        {
            var (name, config) = Metadata.JsonHelpers.ExtensionName(node!, "", "codec");
            var codec = CreateV3(name, config, current, limits, node as JsonObject);
            switch (codec)
            {
                case null:
                    continue;
                case IArrayToArrayCodec a when serializer is null:
                    arrayCodecs.Add(a);
                    current = a.EncodedSpec(current);
                    break;
                case IArrayToBytesCodec s when serializer is null:
                    serializer = s;
                    break;
                case IBytesToBytesCodec b when serializer is not null:
                    bytesCodecs.Add(b);
                    break;
                default:
                    throw new ZarrException($"codec '{name}' is out of place: codecs must be array→array, then one array→bytes, then bytes→bytes");
            }
        }

        return new CodecPipeline(spec, arrayCodecs, serializer ?? throw new ZarrException("v3 codecs list has no array→bytes codec"), bytesCodecs);
    }

    private static IZarrCodec? CreateV3(string name, JsonObject? config, ChunkSpec current, ZarrLimits limits, JsonObject? raw)
    {
        switch (name)
        {
            case "bytes":
                var endian = CodecConfig.String(config, "endian");
                if (endian is null && current.DataType.SwapUnit > 1)
                {
                    throw new ZarrException($"bytes codec needs 'endian' for {current.DataType}");
                }

                return new BytesCodec(endian == "big");
            case "transpose":
                if (config?["order"] is not JsonArray order)
                {
                    throw new ZarrException("transpose codec needs an 'order' permutation (the old 'C'/'F' strings are not valid v3)");
                }

                return new TransposeCodec([.. order.Select(o => checked((int)Metadata.JsonHelpers.ToInt64(o!)))]);
            case "gzip":
                return new GzipCodec(CodecConfig.Int(config, "level", 5));
            case "zstd":
                return new ZstdCodec(CodecConfig.Int(config, "level", 0), CodecConfig.Bool(config, "checksum", false));
            case "crc32c":
                return new Crc32cCodec();
            case "blosc":
                var shuffle = CodecConfig.String(config, "shuffle") switch
                {
                    null or "noshuffle" => BloscShuffle.NoShuffle,
                    "shuffle" => BloscShuffle.ByteShuffle,
                    "bitshuffle" => BloscShuffle.BitShuffle,
                    var s => throw new ZarrException($"blosc shuffle '{s}' is not one of noshuffle, shuffle, bitshuffle"),
                };
                return new BloscCodec(CodecConfig.String(config, "cname") ?? "zstd", CodecConfig.Int(config, "clevel", 5), shuffle,
                    CodecConfig.Int(config, "typesize", current.DataType.ItemSize), CodecConfig.Int(config, "blocksize", 0));
            case "vlen-utf8":
                return new VlenUtf8Codec();
            case "sharding_indexed":
                return new ShardingCodec(config ?? throw new ZarrException("sharding_indexed needs a configuration"), current, limits);
        }

        if (name.StartsWith("numcodecs.", StringComparison.Ordinal))
        {
            var v2 = new JsonObject { ["id"] = name["numcodecs.".Length..] };
            foreach (var (k, v) in config ?? [])
            {
                v2[k] = v?.DeepClone();
            }

            return CreateV2(v2, current.DataType.ItemSize);
        }

        if (raw?["must_understand"] is JsonValue mu && mu.TryGetValue<bool>(out var must) && !must)
        {
            return null;
        }

        throw new ZarrUnsupportedException($"Unknown v3 codec '{name}'");
    }

    /// <summary>Builds the pipeline of v2 metadata: order, filters, dtype byte order and compressor.</summary>
    public static CodecPipeline FromV2(JsonNode? compressor, JsonArray? filters, bool fortranOrder, bool bigEndian, ChunkSpec spec)
    {
        var arrayCodecs = new List<IArrayToArrayCodec>();
        IArrayToBytesCodec? serializer = null;
        var bytesCodecs = new List<IBytesToBytesCodec>();
        if (fortranOrder && spec.Shape.Length > 1)
        {
            arrayCodecs.Add(TransposeCodec.FortranOrder(spec.Shape.Length));
        }

        var current = spec;
        foreach (var filter in filters ?? [])
        {
            var codec = CreateV2(filter as JsonObject ?? throw new ZarrException("v2 filter is not an object"), current.DataType.ItemSize);
            switch (codec)
            {
                case IArrayToArrayCodec a when serializer is null:
                    arrayCodecs.Add(a);
                    current = a.EncodedSpec(current);
                    break;
                case IArrayToBytesCodec s when serializer is null:
                    serializer = s;
                    break;
                case IBytesToBytesCodec b:
                    serializer ??= new BytesCodec(bigEndian);
                    bytesCodecs.Add(b);
                    break;
                default:
                    throw new ZarrException($"v2 filter '{codec.Name}' is out of place");
            }
        }

        serializer ??= current.DataType.IsVariableLength
            ? throw new ZarrUnsupportedException("object arrays need the vlen-utf8 filter; pickle, msgpack and other object codecs are refused")
            : new BytesCodec(bigEndian);
        if (compressor is JsonObject c)
        {
            var codec = CreateV2(c, current.DataType.ItemSize);
            bytesCodecs.Add(codec as IBytesToBytesCodec ?? throw new ZarrException($"'{codec.Name}' cannot be a v2 compressor"));
        }

        return new CodecPipeline(spec, arrayCodecs, serializer, bytesCodecs);
    }

    /// <summary>A numcodecs codec from its v2 JSON (<c>{"id": ..., ...}</c>).</summary>
    public static IZarrCodec CreateV2(JsonObject config, int itemSize)
    {
        var id = CodecConfig.String(config, "id") ?? throw new ZarrException("v2 codec config without 'id'");
        switch (id)
        {
            case "blosc":
                var shuffle = CodecConfig.Int(config, "shuffle", 1);
                var typeSize = CodecConfig.Int(config, "typesize", itemSize);
                return new BloscCodec(CodecConfig.String(config, "cname") ?? "lz4", CodecConfig.Int(config, "clevel", 5),
                    shuffle switch
                    {
                        -1 => typeSize == 1 ? BloscShuffle.BitShuffle : BloscShuffle.ByteShuffle,
                        0 => BloscShuffle.NoShuffle,
                        1 => BloscShuffle.ByteShuffle,
                        2 => BloscShuffle.BitShuffle,
                        _ => throw new ZarrException($"blosc shuffle {shuffle} is not -1, 0, 1 or 2"),
                    },
                    typeSize, CodecConfig.Int(config, "blocksize", 0));
            case "zstd":
                return new ZstdCodec(CodecConfig.Int(config, "level", 1), CodecConfig.Bool(config, "checksum", false));
            case "gzip":
                return new GzipCodec(CodecConfig.Int(config, "level", 1));
            case "zlib":
                return new ZlibCodec(CodecConfig.Int(config, "level", 1));
            case "lz4":
                return new Lz4Codec(CodecConfig.Int(config, "acceleration", 1));
            case "bz2":
                return new Bz2Codec(CodecConfig.Int(config, "level", 1));
            case "crc32c":
                return new Crc32cCodec();
            case "delta":
                return new DeltaFilter(config);
            case "fixedscaleoffset":
                return new FixedScaleOffsetFilter(config);
            case "quantize":
                return new QuantizeFilter(config);
            case "astype":
                return new AsTypeFilter(config);
            case "vlen-utf8":
                return new VlenUtf8Codec();
            case "pickle" or "msgpack2" or "json2" or "vlen-bytes" or "vlen-array" or "categorize" or "object":
                throw new ZarrUnsupportedException($"numcodecs '{id}' (object codec) is refused: only vlen-utf8 strings are supported");
            default:
                throw new ZarrUnsupportedException($"numcodecs codec '{id}' is not supported");
        }
    }
}
