namespace OpenEoBridge.Processes.Resolution;

/// <summary>The namespaces a node may name.</summary>
public static class ProcessNamespaces
{
    /// <summary>Predefined processes only.</summary>
    public const string Backend = "backend";

    /// <summary>The user's own processes only.</summary>
    public const string User = "user";

    /// <summary>A URL namespace points to a remote process definition (openEO's remote-process-definition extension).</summary>
    public static bool IsUrl(string ns) => Uri.TryCreate(ns, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
