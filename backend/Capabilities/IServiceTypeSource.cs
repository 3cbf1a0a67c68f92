using System.Text.Json.Nodes;

namespace OpenEoBridge.Backend.Capabilities;

/// <summary>Secondary web service types for <c>GET /service_types</c>, registered as services and merged.</summary>
public interface IServiceTypeSource
{
    IReadOnlyDictionary<string, JsonObject> ServiceTypes { get; }
}
