using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Compression;
using OpenEoBridge.Zarr.DataTypes;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>
/// v3 <c>sharding_indexed</c>: a shard holds inner chunks encoded with their own pipeline plus an index of
/// <c>(offset, nbytes)</c> pairs (uint64, C order over the inner grid; 2^64−1 marks an empty chunk) at the
/// start or end. Readers fetch the index and then single inner chunks by byte range.
/// </summary>
public sealed class ShardingCodec : IArrayToBytesCodec
{
    /// <summary>Offset/size marker of an inner chunk that is not stored.</summary>
    public const ulong Empty = ulong.MaxValue;

    public ShardingCodec(JsonObject config, ChunkSpec shardSpec, ZarrLimits limits)
    {
        if (config["chunk_shape"] is not JsonArray inner || inner.Count != shardSpec.Shape.Length)
        {
            throw new ZarrException("sharding_indexed needs chunk_shape with one entry per dimension");
        }

        InnerShape = [.. inner.Select(n => checked((int)Metadata.JsonHelpers.ToInt64(n!)))];
        ChunksPerShard = new int[InnerShape.Length];
        long count = 1;
        for (var d = 0; d < InnerShape.Length; d++)
        {
            if (InnerShape[d] <= 0 || shardSpec.Shape[d] % InnerShape[d] != 0)
            {
                throw new ZarrException($"sharding inner chunk shape [{string.Join(", ", InnerShape)}] does not divide the shard shape [{string.Join(", ", shardSpec.Shape)}]");
            }

            ChunksPerShard[d] = shardSpec.Shape[d] / InnerShape[d];
            count = checked(count * ChunksPerShard[d]);
        }

        if (count > limits.MaxChunksPerShard)
        {
            throw new ZarrException($"shard holds {count} inner chunks, above the cap of {limits.MaxChunksPerShard}");
        }

        InnerChunkCount = (int)count;
        IndexAtStart = CodecConfig.String(config, "index_location") switch
        {
            null or "end" => false,
            "start" => true,
            var s => throw new ZarrException($"sharding index_location '{s}' is not 'start' or 'end'"),
        };
        ShardShape = shardSpec.Shape;
        InnerPipeline = CodecPipeline.FromV3(config["codecs"] as JsonArray, shardSpec with { Shape = InnerShape }, limits);
        var indexFill = FillValue.Parse(ZarrDataType.UInt64, JsonValue.Create(Empty), 3);
        IndexPipeline = CodecPipeline.FromV3(config["index_codecs"] as JsonArray ?? DefaultIndexCodecs(),
            new ChunkSpec([.. ChunksPerShard, 2], ZarrDataType.UInt64, indexFill), limits);
        IndexSize = IndexPipeline.FixedEncodedSize
            ?? throw new ZarrException("sharding index_codecs must have a fixed encoded size (bytes and crc32c only)");
    }

    public string Name => "sharding_indexed";

    public int[] ShardShape { get; }

    public int[] InnerShape { get; }

    public int[] ChunksPerShard { get; }

    public int InnerChunkCount { get; }

    public bool IndexAtStart { get; }

    public CodecPipeline InnerPipeline { get; }

    public CodecPipeline IndexPipeline { get; }

    /// <summary>Encoded index size in bytes.</summary>
    public long IndexSize { get; }

    /// <summary>Where the index lives in a shard object.</summary>
    public ByteRange IndexRange => IndexAtStart ? ByteRange.Bounded(0, IndexSize) : ByteRange.Suffix(IndexSize);

    public long? EncodedSize(ChunkSpec spec) => null;

    public static JsonArray DefaultIndexCodecs() =>
        [new JsonObject { ["name"] = "bytes", ["configuration"] = new JsonObject { ["endian"] = "little" } }, new JsonObject { ["name"] = "crc32c" }];

    /// <summary>Decodes an encoded index into <c>(offset, nbytes)</c> pairs, validated against the shard size when known.</summary>
    public ulong[] DecodeIndex(ReadOnlyMemory<byte> encodedIndex, long? shardSize, ZarrLimits limits)
    {
        if (encodedIndex.Length != IndexSize)
        {
            throw new ZarrCodecException($"shard index has {encodedIndex.Length} bytes, expected {IndexSize} (truncated shard?)");
        }

        var chunk = IndexPipeline.Decode(encodedIndex, limits).ToCContiguous();
        var index = MemoryMarshal.Cast<byte, ulong>(chunk.Data.Span)[..(InnerChunkCount * 2)].ToArray();
        for (var i = 0; i < InnerChunkCount; i++)
        {
            var (offset, nbytes) = (index[2 * i], index[(2 * i) + 1]);
            if (offset == Empty && nbytes == Empty)
            {
                continue;
            }

            if (offset == Empty || nbytes == Empty || offset + nbytes < offset || (shardSize is { } size && offset + nbytes > (ulong)size))
            {
                throw new ZarrCodecException($"shard index entry {i} (offset {offset}, nbytes {nbytes}) points outside the shard");
            }
        }

        return index;
    }

    /// <summary>The linear (C-order) index of an inner chunk within its shard.</summary>
    public int InnerLinearIndex(ReadOnlySpan<long> innerCoordsInShard)
    {
        var linear = 0;
        for (var d = 0; d < ChunksPerShard.Length; d++)
        {
            linear = (linear * ChunksPerShard[d]) + (int)innerCoordsInShard[d];
        }

        return linear;
    }

    public ChunkBuffer Decode(ReadOnlyMemory<byte> encoded, ChunkSpec spec, ZarrLimits limits)
    {
        if (encoded.Length < IndexSize)
        {
            throw new ZarrCodecException($"shard of {encoded.Length} bytes is shorter than its {IndexSize}-byte index");
        }

        var indexBytes = IndexAtStart ? encoded[..(int)IndexSize] : encoded[^(int)IndexSize..];
        var index = DecodeIndex(indexBytes, encoded.Length, limits);
        if (spec.ByteSize > limits.MaxChunkBytes)
        {
            throw new ZarrCodecException($"decoded shard would be {spec.ByteSize} bytes, above the cap of {limits.MaxChunkBytes}");
        }

        var shard = ChunkBuffer.Filled(spec.DataType, spec.Shape, spec.Fill);
        var shardShape = Array.ConvertAll(spec.Shape, s => (long)s);
        foreach (var (linear, coords) in InnerChunks())
        {
            var (offset, nbytes) = (index[2 * linear], index[(2 * linear) + 1]);
            if (offset == Empty)
            {
                continue;
            }

            var inner = InnerPipeline.Decode(encoded.Slice((int)offset, (int)nbytes), limits);
            var placement = InnerPlacement(coords);
            if (spec.DataType.IsVariableLength)
            {
                inner.CopyStringsTo(placement, shard.Strings, shardShape);
            }
            else
            {
                inner.CopyRawTo(placement, shard.Data.Span, shardShape);
            }
        }

        return shard;
    }

    public ReadOnlyMemory<byte> Encode(ChunkBuffer chunk, ChunkSpec spec)
    {
        var index = new ulong[InnerChunkCount * 2];
        Array.Fill(index, Empty);
        var pieces = new List<ReadOnlyMemory<byte>>();
        long offset = IndexAtStart ? IndexSize : 0;
        var innerShape = Array.ConvertAll(InnerShape, s => (long)s);
        foreach (var (linear, coords) in InnerChunks())
        {
            var inner = ChunkBuffer.Filled(spec.DataType, InnerShape, spec.Fill);
            var take = new ChunkSelection(coords, [.. InnerShape.Select((s, d) => (int)coords[d] * s)], new long[InnerShape.Length], InnerShape);
            if (spec.DataType.IsVariableLength)
            {
                chunk.CopyStringsTo(take, inner.Strings, innerShape);
            }
            else
            {
                chunk.CopyRawTo(take, inner.Data.Span, innerShape);
            }

            if (inner.IsAllFill(spec.Fill))
            {
                continue;
            }

            var bytes = InnerPipeline.Encode(inner);
            index[2 * linear] = (ulong)offset;
            index[(2 * linear) + 1] = (ulong)bytes.Length;
            pieces.Add(bytes);
            offset += bytes.Length;
        }

        if (pieces.Count == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var indexChunk = new ChunkBuffer(ZarrDataType.UInt64, [.. ChunksPerShard, 2], MemoryMarshal.AsBytes(index.AsSpan()).ToArray());
        var encodedIndex = IndexPipeline.Encode(indexChunk);
        var output = new byte[offset + (IndexAtStart ? 0 : IndexSize)];
        var pos = 0;
        if (IndexAtStart)
        {
            encodedIndex.Span.CopyTo(output);
            pos = (int)IndexSize;
        }

        foreach (var piece in pieces)
        {
            piece.Span.CopyTo(output.AsSpan(pos));
            pos += piece.Length;
        }

        if (!IndexAtStart)
        {
            encodedIndex.Span.CopyTo(output.AsSpan(pos));
        }

        return output;
    }

    /// <summary>Where inner chunk <paramref name="coords"/> sits inside the shard (for copying it there).</summary>
    private ChunkSelection InnerPlacement(long[] coords) =>
        new(coords, new int[InnerShape.Length], [.. InnerShape.Select((s, d) => coords[d] * s)], InnerShape);

    private IEnumerable<(int Linear, long[] Coords)> InnerChunks()
    {
        var rank = ChunksPerShard.Length;
        var coords = new long[rank];
        for (var linear = 0; linear < InnerChunkCount; linear++)
        {
            yield return (linear, (long[])coords.Clone());
            for (var d = rank - 1; d >= 0; d--)
            {
                if (++coords[d] < ChunksPerShard[d])
                {
                    break;
                }

                coords[d] = 0;
            }
        }
    }
}
