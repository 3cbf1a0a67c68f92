namespace OpenEoBridge.Backend.Configuration;

/// <summary>The <c>OpenEo</c> configuration section: everything an operator sets for this back-end.</summary>
public sealed class OpenEoOptions
{
    public const string SectionName = "OpenEo";

    /// <summary>
    /// Sub-sections whose shape belongs to other parts of the back-end (catalogue, result storage, federation).
    /// The start-up check for unknown keys looks only at their names, not inside them.
    /// </summary>
    public static readonly IReadOnlyList<string> SectionsBoundElsewhere = ["Catalog", "Storage", "Remotes", "Jobs", "Processes"];

    /// <summary>
    /// Absolute base URL clients use to reach the server (scheme, host, optional path prefix), e.g. behind a
    /// reverse proxy. Without it, absolute URLs are built from the request (after trusted forwarded headers).
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Folder for everything the back-end persists (token key, jobs, results). Relative paths resolve against the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Identifier of this service in capabilities (also the STAC catalogue id).</summary>
    public string Id { get; set; } = "openeobridge";

    public string Title { get; set; } = "OpenEoBridge";

    public string Description { get; set; } =
        "An openEO API 1.2 back-end that processes Earth observation data cubes stored as Zarr.";

    /// <summary>Announced in capabilities and the well-known document; a development server should say false.</summary>
    public bool Production { get; set; }

    /// <summary>User name to password hash (print a hash with <c>dotnet run --project backend --no-launch-profile -- hash-password</c>).</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    public BasicAuthOptions BasicAuth { get; set; } = new();

    public OidcOptions Oidc { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}
