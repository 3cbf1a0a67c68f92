using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Processes;

/// <summary>
/// openapi.yaml for validating process descriptions. Its <c>process_json_schema</c> combines "Generic" (an empty
/// schema, matching everything) with the process-graph and data-cube variants under <c>oneOf</c>, and those two
/// also match any schema without a contrary <c>subtype</c>; so under strict JSON Schema no ordinary parameter schema
/// (e.g. <c>{"type": "number"}</c>, or the API's own example) can pass. The intent is "any of", which is what we
/// validate against; every other rule of the document is kept.
/// </summary>
internal static class ProcessesOpenApi
{
    private static readonly Lazy<OpenApiSpec> Spec = new(() =>
    {
        var spec = new OpenApiSpec(Path.Combine(SharedPaths.OpenEoSpec, "api", "openapi.yaml"), translateNullable: true);
        var schema = spec.Document["components"]!["schemas"]!["process_json_schema"]!.AsObject();
        var alternatives = schema["oneOf"] ?? throw new InvalidOperationException("process_json_schema no longer has the oneOf this workaround is for.");
        schema.Remove("oneOf");
        schema["anyOf"] = alternatives;
        return spec;
    });

    public static OpenApiSpec Instance => Spec.Value;
}
