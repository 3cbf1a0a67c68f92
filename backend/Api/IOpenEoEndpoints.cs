namespace OpenEoBridge.Backend.Api;

/// <summary>
/// One group of openEO endpoints (usually one openEO tag). Implementations are registered as services with
/// <see cref="OpenEoEndpointsRegistration.AddOpenEoEndpoints{T}"/> and mapped below the versioned API root,
/// so capabilities list them automatically. Endpoints only translate HTTP; behaviour lives in services.
/// </summary>
public interface IOpenEoEndpoints
{
    /// <param name="api">The group at <c>/openeo/1.2</c>; map paths exactly as in openapi.yaml (same placeholder names).</param>
    void Map(RouteGroupBuilder api);
}
