using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.TestSupport;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Every shared fixture store read with exact agreement: SHA-256 of the little-endian C-order values first, then samples.</summary>
public sealed class ZarrFixtureTests
{
    public static TheoryData<string> Fixtures() => [.. FixtureNames()];

    private static List<string> FixtureNames()
    {
        var data = new List<string>();
        foreach (var format in new[] { "v2", "v3" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(SharedPaths.ZarrFixtures, format), "*.expected.json").Order(StringComparer.Ordinal))
            {
                data.Add(format + "/" + Path.GetFileName(file)[..^".expected.json".Length]);
            }
        }

        return data;
    }

    [Fact]
    public void AllFixtureFoldersArePresent()
    {
        var names = FixtureNames();
        Assert.Equal(29, names.Count(n => n.StartsWith("v2/", StringComparison.Ordinal)));
        Assert.Equal(14, names.Count(n => n.StartsWith("v3/", StringComparison.Ordinal)));
        foreach (var name in names)
        {
            Assert.True(Directory.Exists(Path.Combine(SharedPaths.ZarrFixtures, name + ".zarr")), name);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task FixtureReadsExactly(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedPaths.ZarrFixtures, name + ".expected.json")))!.AsObject();
        var store = new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, name + ".zarr"), writable: false);
        var arrays = expected["arrays"]!.AsObject();
        Assert.NotEmpty(arrays);
        ZarrGroup? root = null;
        foreach (var (path, node) in arrays)
        {
            var exp = node!.AsObject();
            ZarrArray array;
            if (path.Length == 0)
            {
                array = await ZarrArray.OpenAsync(store, "", cancellationToken: timeout.Token);
            }
            else
            {
                root ??= await ZarrGroup.OpenAsync(store, "", cancellationToken: timeout.Token);
                array = await root.OpenArrayAsync(path, timeout.Token);
            }

            Assert.Equal(exp["shape"]!.AsArray().Select(n => n!.GetValue<long>()), array.Shape);
            if (exp["attributes"] is JsonObject attrs)
            {
                Assert.True(JsonNode.DeepEquals(attrs, array.Attributes), $"{name}/{path} attributes differ");
            }

            if (array.DataType.IsVariableLength)
            {
                var strings = await array.ReadStringsAsync(cancellationToken: timeout.Token);
                Assert.Equal(exp["values_c_order"]!.AsArray().Select(n => n!.GetValue<string>()), strings);
                continue;
            }

            var region = ArrayRegion.Whole(array.Shape);
            var raw = new byte[region.ElementCount * array.DataType.ItemSize];
            await array.ReadRawAsync(region, raw, timeout.Token);
            Assert.Equal(exp["sha256_le_c_order"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(raw)));

            if (array.DataType.IsNumeric && exp["samples"] is JsonArray samples)
            {
                foreach (var sample in samples)
                {
                    var index = sample!["index"]!.AsArray().Select(n => n!.GetValue<long>()).ToArray();
                    var one = await array.ReadAsync<double>(new ArrayRegion(index, [.. index.Select(_ => 1L)]), timeout.Token);
                    var want = sample["value"]!;
                    var expectedValue = want.GetValueKind() == System.Text.Json.JsonValueKind.String
                        ? want.GetValue<string>() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, var s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) }
                        : want.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? (want.GetValue<bool>() ? 1 : 0)
                        : array.DataType.Kind is DataTypeKind.Float ? want.GetValue<double>() : (double)want.GetValue<long>();
                    Assert.Equal(expectedValue, one[0]);
                }
            }
        }
    }
}
