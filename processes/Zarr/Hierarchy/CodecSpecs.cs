using System.Text.Json.Nodes;

namespace OpenEoBridge.Zarr.Hierarchy;

/// <summary>JSON codec configurations for <see cref="ArrayDefinition"/> (v3 codec objects and v2 numcodecs configs).</summary>
public static class CodecSpecs
{
    public static JsonObject Bytes(bool bigEndian = false) =>
        new() { ["name"] = "bytes", ["configuration"] = new JsonObject { ["endian"] = bigEndian ? "big" : "little" } };

    public static JsonObject Zstd(int level, bool checksum = false) =>
        new() { ["name"] = "zstd", ["configuration"] = new JsonObject { ["level"] = level, ["checksum"] = checksum } };

    public static JsonObject Gzip(int level) => new() { ["name"] = "gzip", ["configuration"] = new JsonObject { ["level"] = level } };

    public static JsonObject Crc32c() => new() { ["name"] = "crc32c" };

    public static JsonObject VlenUtf8() => new() { ["name"] = "vlen-utf8" };

    public static JsonObject Transpose(params int[] order) =>
        new() { ["name"] = "transpose", ["configuration"] = new JsonObject { ["order"] = new JsonArray([.. order.Select(o => (JsonNode)o)]) } };

    /// <param name="cname">lz4, lz4hc, zstd, zlib or blosclz.</param>
    /// <param name="clevel">0-9.</param>
    /// <param name="shuffle">noshuffle, shuffle or bitshuffle.</param>
    /// <param name="typeSize">Element size used by the shuffle.</param>
    public static JsonObject Blosc(string cname, int clevel, string shuffle, int typeSize) => new()
    {
        ["name"] = "blosc",
        ["configuration"] = new JsonObject { ["typesize"] = typeSize, ["cname"] = cname, ["clevel"] = clevel, ["shuffle"] = shuffle, ["blocksize"] = 0 },
    };

    public static JsonObject Sharding(int[] innerChunkShape, JsonArray innerCodecs, bool indexAtStart = false) => new()
    {
        ["name"] = "sharding_indexed",
        ["configuration"] = new JsonObject
        {
            ["chunk_shape"] = new JsonArray([.. innerChunkShape.Select(s => (JsonNode)s)]),
            ["codecs"] = innerCodecs.DeepClone(),
            ["index_codecs"] = Codecs.ShardingCodec.DefaultIndexCodecs(),
            ["index_location"] = indexAtStart ? "start" : "end",
        },
    };

    /// <param name="cname">lz4, lz4hc, zstd, zlib or blosclz.</param>
    /// <param name="clevel">0-9.</param>
    /// <param name="shuffle">0 none, 1 byte, 2 bit, -1 auto.</param>
    public static JsonObject V2Blosc(string cname, int clevel, int shuffle) =>
        new() { ["id"] = "blosc", ["cname"] = cname, ["clevel"] = clevel, ["shuffle"] = shuffle, ["blocksize"] = 0 };

    public static JsonObject V2Zstd(int level) => new() { ["id"] = "zstd", ["level"] = level };

    public static JsonObject V2Gzip(int level) => new() { ["id"] = "gzip", ["level"] = level };

    public static JsonObject V2Zlib(int level) => new() { ["id"] = "zlib", ["level"] = level };

    public static JsonObject V2Lz4(int acceleration = 1) => new() { ["id"] = "lz4", ["acceleration"] = acceleration };
}
