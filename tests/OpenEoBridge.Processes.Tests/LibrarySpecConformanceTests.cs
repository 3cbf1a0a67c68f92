using System.Text.Json.Nodes;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Processes.Tests;

/// <summary>
/// Every process definition we publish in <c>openeo-spec/</c> must offer exactly the interface of the official
/// definition with the same id (names, order, optionality, defaults, schemas, exceptions, flags), while the
/// prose is our own.
/// </summary>
public sealed class LibrarySpecConformanceTests
{
    private static readonly string OursFolder = Path.Combine(SharedPaths.RepositoryRoot, "openeo-spec");

    public static TheoryData<string> OurProcessIds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(OursFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void The_folder_offers_the_expected_number_of_processes()
    {
        // A folder that silently lost its files would make every theory below vacuous.
        Assert.True(Directory.EnumerateFiles(OursFolder, "*.json").Count() >= 90);
    }

    [Theory]
    [MemberData(nameof(OurProcessIds))]
    public void Id_matches_file_name_and_required_fields_exist(string id)
    {
        var ours = LoadOurs(id);
        Assert.Equal(id, (string?)ours["id"]);
        foreach (var field in new[] { "summary", "description", "categories", "parameters", "returns" })
        {
            Assert.True(ours[field] is not null, $"{id}: missing '{field}'");
        }

        foreach (var parameter in ours["parameters"]!.AsArray())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)parameter!["description"]), $"{id}: parameter without description");
        }
    }

    [Theory]
    [MemberData(nameof(OurProcessIds))]
    public void Parameters_match_the_official_definition(string id)
    {
        var ours = LoadOurs(id);
        var official = LoadOfficial(id);
        var ourParameters = ours["parameters"]!.AsArray();
        var officialParameters = official["parameters"]!.AsArray();

        Assert.Equal(
            officialParameters.Select(p => (string?)p!["name"]).ToArray(),
            ourParameters.Select(p => (string?)p!["name"]).ToArray());

        for (var i = 0; i < officialParameters.Count; i++)
        {
            var o = officialParameters[i]!;
            var u = ourParameters[i]!;
            var name = (string?)o["name"];
            Assert.True(Flag(o, "optional") == Flag(u, "optional"), $"{id}.{name}: optional differs");
            Assert.True(Flag(o, "deprecated") == Flag(u, "deprecated"), $"{id}.{name}: deprecated differs");
            Assert.True(Flag(o, "experimental") == Flag(u, "experimental"), $"{id}.{name}: experimental differs");
            Assert.True(o.AsObject().ContainsKey("default") == u.AsObject().ContainsKey("default"), $"{id}.{name}: default presence differs");
            Assert.True(JsonNode.DeepEquals(o["default"], u["default"]), $"{id}.{name}: default differs");
            AssertSameSchema(o["schema"], u["schema"], $"{id}.{name}");
        }
    }

    [Theory]
    [MemberData(nameof(OurProcessIds))]
    public void Returns_exceptions_and_flags_match_the_official_definition(string id)
    {
        var ours = LoadOurs(id);
        var official = LoadOfficial(id);

        AssertSameSchema(official["returns"]!["schema"], ours["returns"]!["schema"], $"{id} returns");
        Assert.Equal(Flag(official, "experimental"), Flag(ours, "experimental"));
        Assert.Equal(Flag(official, "deprecated"), Flag(ours, "deprecated"));

        var officialExceptions = official["exceptions"]?.AsObject() ?? [];
        var ourExceptions = ours["exceptions"]?.AsObject() ?? [];
        Assert.Equal(
            officialExceptions.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray(),
            ourExceptions.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
        foreach (var (name, exception) in officialExceptions)
        {
            Assert.True(JsonNode.DeepEquals(exception!["http"], ourExceptions[name]!["http"]), $"{id}.{name}: http status differs");
            Assert.False(string.IsNullOrWhiteSpace((string?)ourExceptions[name]!["message"]), $"{id}.{name}: no message");
        }
    }

    [Theory]
    [MemberData(nameof(OurProcessIds))]
    public void Prose_is_our_own(string id)
    {
        var ours = LoadOurs(id);
        var official = LoadOfficial(id);
        Assert.NotEqual((string?)official["description"], (string?)ours["description"]);
        Assert.NotEqual((string?)official["returns"]!["description"], (string?)ours["returns"]!["description"]);

        var officialParameters = official["parameters"]!.AsArray();
        var ourParameters = ours["parameters"]!.AsArray();
        for (var i = 0; i < officialParameters.Count; i++)
        {
            Assert.NotEqual((string?)officialParameters[i]!["description"], (string?)ourParameters[i]!["description"]);
        }
    }

    private static bool Flag(JsonNode node, string name) => node[name] is JsonValue v && v.GetValue<bool>();

    /// <summary>Schemas are compared as the interface: titles and descriptions are prose and may differ.</summary>
    private static void AssertSameSchema(JsonNode? official, JsonNode? ours, string where)
    {
        var expected = WithoutProse(official);
        var actual = WithoutProse(ours);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{where}: schema differs\nofficial: {expected?.ToJsonString()}\nours:     {actual?.ToJsonString()}");
    }

    private static JsonNode? WithoutProse(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "title" or "description")
                    {
                        continue;
                    }

                    copy[key] = WithoutProse(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(WithoutProse).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode LoadOurs(string id) => JsonNode.Parse(File.ReadAllText(Path.Combine(OursFolder, id + ".json")))!;

    private static JsonNode LoadOfficial(string id)
    {
        var processes = Path.Combine(SharedPaths.OpenEoSpec, "processes");
        var stable = Path.Combine(processes, id + ".json");
        var path = File.Exists(stable) ? stable : Path.Combine(processes, "proposals", id + ".json");
        Assert.True(File.Exists(path), $"No official definition for '{id}'");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }
}
