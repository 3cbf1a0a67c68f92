using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Chunks;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>Any codec of a chunk pipeline; <see cref="Name"/> is its v3 name or v2 numcodecs id.</summary>
public interface IZarrCodec
{
    string Name { get; }
}

/// <summary>Transforms a chunk array into another array (transpose, v2 filters).</summary>
public interface IArrayToArrayCodec : IZarrCodec
{
    /// <summary>The shape and type the codec produces when encoding a chunk of <paramref name="decoded"/>.</summary>
    ChunkSpec EncodedSpec(ChunkSpec decoded);

    ChunkBuffer Decode(ChunkBuffer encoded, ChunkSpec decoded);

    ChunkBuffer Encode(ChunkBuffer decoded, ChunkSpec decoded2);
}

/// <summary>Serialises a chunk array to bytes (bytes, vlen-utf8, sharding_indexed).</summary>
public interface IArrayToBytesCodec : IZarrCodec
{
    ChunkBuffer Decode(ReadOnlyMemory<byte> encoded, ChunkSpec spec, ZarrLimits limits);

    ReadOnlyMemory<byte> Encode(ChunkBuffer chunk, ChunkSpec spec);

    /// <summary>Encoded size when it depends only on the spec (fixed-size types), otherwise null.</summary>
    long? EncodedSize(ChunkSpec spec);
}

/// <summary>Transforms bytes into bytes (compressors, checksums).</summary>
public interface IBytesToBytesCodec : IZarrCodec
{
    /// <param name="encoded">The encoded bytes.</param>
    /// <param name="expectedLength">Exact decoded length when the pipeline knows it.</param>
    /// <param name="limits">Caps against decompression bombs.</param>
    ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits);

    ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded);

    /// <summary>Encoded size for a decoded size when fixed (checksums), otherwise null.</summary>
    long? EncodedSize(long decodedSize) => null;
}

/// <summary>A bytes→bytes codec that can decode into a caller buffer of the exact decoded size (no allocation).</summary>
public interface IDecodeIntoCodec : IBytesToBytesCodec
{
    /// <summary>Decodes into <paramref name="destination"/>; throws unless exactly its length is produced.</summary>
    void DecodeInto(ReadOnlyMemory<byte> encoded, Span<byte> destination, ZarrLimits limits);
}

/// <summary>Shape, element type and fill of a chunk at one stage of a pipeline.</summary>
public sealed record ChunkSpec(int[] Shape, DataTypes.ZarrDataType DataType, DataTypes.FillValue Fill)
{
    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var s in Shape)
            {
                n = checked(n * s);
            }

            return n;
        }
    }

    /// <summary>Decoded byte size (overflow-checked).</summary>
    public long ByteSize => checked(ElementCount * DataType.ItemSize);
}

/// <summary>Helpers for codec JSON configuration.</summary>
internal static class CodecConfig
{
    public static int Int(JsonObject? config, string key, int fallback) =>
        config?[key] is JsonValue v ? checked((int)Metadata.JsonHelpers.ToDouble(v)) : fallback;

    public static double Double(JsonObject? config, string key, double fallback) =>
        config?[key] is JsonValue v ? Metadata.JsonHelpers.ToDouble(v) : fallback;

    public static string? String(JsonObject? config, string key) =>
        config?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonObject? config, string key, bool fallback) =>
        config?[key] is JsonValue v ? v.GetValue<bool>() : fallback;
}
