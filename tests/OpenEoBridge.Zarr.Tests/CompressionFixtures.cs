using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>One fixture array whose chunks are Blosc frames or bzip2 streams, as described by its expected.json.</summary>
public sealed record CompressedFixtureArray(
    string Name,
    string Directory,
    string Codec,
    int[] Shape,
    int[] ChunkShape,
    int ItemSize,
    bool CanAssemble,
    string Sha256,
    IReadOnlyList<string> ChunkKeys,
    JsonElement? BloscHeaders)
{
    public string ChunkPath(string key) => Path.Combine([Directory, .. key.Split('/')]);

    public int ChunkBytes => ChunkShape.Aggregate(ItemSize, (a, b) => a * b);

    /// <summary>numcodecs config that decodes these chunks.</summary>
    public JsonObject NumcodecsConfig => new() { ["id"] = Codec };

    public override string ToString() => Name;
}

/// <summary>Finds every Blosc and bz2 array in the shared Zarr fixtures (v2 stores and the v3 blosc store).</summary>
public static class CompressionFixtures
{
    public static IReadOnlyList<CompressedFixtureArray> All { get; } = Load();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var array in All)
        {
            data.Add(array.Name);
        }

        return data;
    }

    public static CompressedFixtureArray Get(string name) => All.Single(a => a.Name == name);

    private static List<CompressedFixtureArray> Load()
    {
        var found = new List<CompressedFixtureArray>();
        foreach (var version in new[] { "v2", "v3" })
        {
            var folder = Path.Combine(SharedPaths.ZarrFixtures, version);
            foreach (var expectedFile in System.IO.Directory.GetFiles(folder, "*.expected.json").Order(StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(expectedFile));
                var store = Path.Combine(folder, Path.GetFileName(expectedFile)[..^".expected.json".Length] + ".zarr");
                foreach (var entry in document.RootElement.GetProperty("arrays").EnumerateObject())
                {
                    var array = Describe($"{version}/{Path.GetFileName(store)}/{entry.Name}", store, entry.Value.Clone());
                    if (array is not null)
                    {
                        found.Add(array);
                    }
                }
            }
        }

        return found;
    }

    private static CompressedFixtureArray? Describe(string name, string store, JsonElement array)
    {
        var v3 = !array.TryGetProperty("zarr_format", out var format) || format.GetInt32() == 3;
        string? codec;
        int itemSize;
        bool littleEndianC;
        var filtersOk = true;
        if (v3)
        {
            var codecs = array.TryGetProperty("codecs", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            codec = codecs.Any(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.GetString() == "blosc") ? "blosc" : null;
            itemSize = array.GetProperty("data_type").GetString() switch
            {
                "float32" or "int32" or "uint32" => 4,
                "float64" or "int64" or "uint64" => 8,
                "int16" or "uint16" => 2,
                _ => 1,
            };
            littleEndianC = codecs.Count == 2;
        }
        else
        {
            var compressor = array.GetProperty("compressor");
            codec = compressor.ValueKind == JsonValueKind.Object ? compressor.GetProperty("id").GetString() : null;
            var dtype = array.GetProperty("dtype").GetString()!;
            itemSize = int.Parse(new string(dtype.Skip(2).TakeWhile(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            littleEndianC = dtype[0] != '>' && array.GetProperty("order").GetString() == "C";
            var filters = array.GetProperty("filters");

            // quantize decodes as the identity, so its chunks still assemble to the stored values.
            filtersOk = filters.ValueKind == JsonValueKind.Null
                || filters.EnumerateArray().All(f => f.GetProperty("id").GetString() == "quantize");
        }

        if (codec is not ("blosc" or "bz2"))
        {
            return null;
        }

        var keys = array.GetProperty("chunk_keys_present").EnumerateArray().Select(k => k.GetString()!).ToList();
        var missing = array.GetProperty("chunk_keys_missing").GetArrayLength();
        var path = array.GetProperty("path").GetString()!;
        return new CompressedFixtureArray(
            name,
            path.Length == 0 ? store : Path.Combine(store, path),
            codec,
            array.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            array.GetProperty(v3 ? "chunk_shape" : "chunks").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            itemSize,
            littleEndianC && filtersOk && missing == 0,
            array.GetProperty("sha256_le_c_order").GetString()!,
            keys,
            array.TryGetProperty("blosc_headers", out var headers) ? headers : null);
    }
}
