using System.Text.Json.Nodes;

namespace OpenEoBridge.Backend.Capabilities;

/// <summary>UDF runtimes for <c>GET /udf_runtimes</c>, registered as services and merged.</summary>
public interface IUdfRuntimeSource
{
    IReadOnlyDictionary<string, JsonObject> UdfRuntimes { get; }
}
