namespace OpenEoBridge.Backend.Hosting;

/// <summary>Where the versioned openEO API lives.</summary>
public static class OpenEoApiRoot
{
    public const string ApiVersion = "1.2.0";

    /// <summary>Path prefix of every versioned endpoint (no trailing slash).</summary>
    public const string Path = "/openeo/1.2";
}
