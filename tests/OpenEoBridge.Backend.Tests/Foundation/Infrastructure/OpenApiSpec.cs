using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

/// <summary>
/// The official openapi.yaml as JSON Schema 2020-12: OpenAPI 3.0's <c>nullable: true</c> becomes a
/// <c>"null"</c> alternative (validators ignore <c>nullable</c>), component references point into
/// <c>$defs</c>, and <c>format</c> is enforced (date-time, uri, ...; openEO-only formats such as
/// commonmark are accepted as annotations).
/// </summary>
public sealed class OpenApiSpec
{
    private static readonly Lazy<OpenApiSpec> Official = new(() => new OpenApiSpec(Path.Combine(SharedPaths.OpenEoSpec, "api", "openapi.yaml"), translateNullable: true));

    private readonly JsonObject document;
    private readonly bool translateNullable;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();
    private readonly FormatRegistry formats = new();

    public OpenApiSpec(string path, bool translateNullable)
    {
        this.translateNullable = translateNullable;
        document = YamlJson.Load(path)!.AsObject();
        Rewrite(document);
        foreach (var annotationOnly in new[] { "commonmark", "binary", string.Empty })
        {
            formats.Register(new Format(annotationOnly));
        }
    }

    public static OpenApiSpec Instance => Official.Value;

    /// <summary>The spec as read, for tests that compare with it.</summary>
    public JsonObject Document => document;

    /// <summary>Paths with their lower-case methods, as in the spec.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Operations =>
        document["paths"]!.AsObject().ToDictionary(
            p => p.Key,
            p => (IReadOnlySet<string>)p.Value!.AsObject().Select(m => m.Key).Where(m => m is "get" or "post" or "put" or "patch" or "delete").ToHashSet());

    /// <summary>Validates a JSON response body against the schema of (path, method, status); returns the errors.</summary>
    public IReadOnlyList<string> Validate(string path, string method, int status, JsonElement body)
    {
        var schema = schemas.GetOrAdd($"{method} {path} {status}", _ => Build(ResponseSchema(path, method.ToLowerInvariant(), status)));
        return Validate(schema, body);
    }

    /// <summary>Validates against a component schema, e.g. <c>batch_job</c>.</summary>
    public IReadOnlyList<string> ValidateComponent(string name, JsonElement value)
    {
        var schema = schemas.GetOrAdd("component " + name, _ => Build(new JsonObject { ["$ref"] = "#/$defs/" + name }));
        return Validate(schema, value);
    }

    private IReadOnlyList<string> Validate(JsonSchema schema, JsonElement value)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true, FormatRegistry = formats };
        var result = schema.Evaluate(value, options);
        if (result.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(result, errors);
        return errors.Count > 0 ? errors : ["invalid (no detail reported)"];
    }

    private static void Collect(EvaluationResults result, List<string> errors)
    {
        if (result.Errors is { } own)
        {
            errors.AddRange(own.Select(e => $"{result.InstanceLocation} ({result.EvaluationPath}): {e.Key}: {e.Value}"));
        }

        foreach (var detail in result.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    private JsonObject ResponseSchema(string path, string method, int status)
    {
        var operation = document["paths"]?[path]?[method] ?? throw new ArgumentException($"{method} {path} is not in openapi.yaml");
        var responses = operation["responses"]!.AsObject();
        var statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = responses[statusText] ?? responses[statusText[0] + "XX"] ?? responses["default"]
            ?? throw new ArgumentException($"{method} {path} has no response {status} in openapi.yaml");
        if (response["$ref"]?.GetValue<string>() is { } reference)
        {
            response = document["components"]!["responses"]![reference.Split('/')[^1]]!;
        }

        var schema = response["content"]?["application/json"]?["schema"] ?? throw new ArgumentException($"{method} {path} {status} has no JSON schema");
        return schema.DeepClone().AsObject();
    }

    private JsonSchema Build(JsonObject root)
    {
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(root),
        };
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var element = JsonSerializer.SerializeToElement(wrapper);
        return JsonSchema.Build(element, options, new Uri($"https://openapi.test/{Guid.NewGuid():N}"));
    }

    private void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.ToList())
                {
                    Rewrite(property.Value);
                }

                if (obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + reference["#/components/schemas/".Length..];
                }

                if (obj["nullable"] is JsonValue nullable && nullable.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    obj.Remove("nullable");
                    if (translateNullable && nullable.GetValue<bool>())
                    {
                        AllowNull(obj);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }

                break;
        }
    }

    private static void AllowNull(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        switch (schema["type"])
        {
            case JsonValue single:
                schema["type"] = new JsonArray(single.GetValue<string>(), "null");
                return;
            case JsonArray many:
                if (!many.Any(t => t?.GetValue<string>() == "null"))
                {
                    many.Add("null");
                }

                return;
        }

        // No type (e.g. only $ref or allOf): null is an alternative to the whole schema.
        var copy = new JsonObject(schema.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        copy.Remove("enum");
        foreach (var key in schema.Select(p => p.Key).ToList())
        {
            schema.Remove(key);
        }

        schema["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" });
    }
}
