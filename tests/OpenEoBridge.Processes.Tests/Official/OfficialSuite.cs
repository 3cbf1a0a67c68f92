using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>Loads every official test file once; <c>$ref</c>s to assets are inlined (JSON5 parsed, other files as text).</summary>
public static class OfficialSuite
{
    private static readonly Lazy<IReadOnlyList<OfficialCase>> Loaded = new(Load);

    public static string Folder => Path.Combine(SharedPaths.OpenEoSpec, "processes", "tests");

    public static IReadOnlyList<OfficialCase> Cases => Loaded.Value;

    public static OfficialCase Find(string name) => Cases.Single(c => c.Name == name);

    private static IReadOnlyList<OfficialCase> Load()
    {
        var cases = new List<OfficialCase>();
        foreach (var file in Directory.GetFiles(Folder, "*.json5").Order(StringComparer.Ordinal))
        {
            var root = Json5.ParseNode(File.ReadAllText(file)).AsObject();
            var id = (string)root["id"]!;
            var experimental = root["experimental"]?.GetValue<bool>() ?? false;
            var level = (string?)root["level"] ?? "L4";
            var tests = root["tests"]!.AsArray();
            for (var i = 0; i < tests.Count; i++)
            {
                var test = tests[i]!.AsObject();
                InlineReferences(test, Path.GetDirectoryName(file)!);
                var element = JsonSerializer.SerializeToElement(test);
                cases.Add(new OfficialCase(
                    id,
                    i,
                    test["experimental"]?.GetValue<bool>() ?? experimental,
                    (string?)test["level"] ?? level,
                    element.GetProperty("arguments"),
                    element.TryGetProperty("returns", out var returns) ? returns : null,
                    element.TryGetProperty("throws", out var throws) ? throws : null,
                    test["delta"]?.GetValue<double>() ?? 1e-10,
                    test["required"]?.AsArray().Select(r => (string)r!).ToArray() ?? []));
            }
        }

        return cases;
    }

    /// <summary>Replaces <c>{"$ref": "assets/..."}</c> by the file's content; a missing asset becomes a marker the runner reports.</summary>
    private static void InlineReferences(JsonNode node, string folder)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonObject reference && reference.Count == 1 && reference["$ref"] is JsonValue target)
                    {
                        obj[key] = LoadReference(folder, (string)target!);
                    }
                    else if (child is not null)
                    {
                        InlineReferences(child, folder);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject reference && reference.Count == 1 && reference["$ref"] is JsonValue target)
                    {
                        array[i] = LoadReference(folder, (string)target!);
                    }
                    else if (array[i] is { } child)
                    {
                        InlineReferences(child, folder);
                    }
                }

                break;
        }
    }

    private static JsonNode LoadReference(string folder, string target)
    {
        var path = Path.GetFullPath(Path.Combine(folder, target));
        if (!File.Exists(path))
        {
            return new JsonObject { ["$missing-asset"] = target };
        }

        if (path.EndsWith(".json5", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
        {
            return Json5.ParseNode(File.ReadAllText(path));
        }

        return JsonValue.Create(File.ReadAllText(path));
    }
}
