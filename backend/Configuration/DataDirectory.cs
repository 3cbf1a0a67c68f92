namespace OpenEoBridge.Backend.Configuration;

/// <summary>Resolves <c>OpenEo:DataDirectory</c> to an absolute path (relative paths: against the working directory).</summary>
public static class DataDirectory
{
    public static string Resolve(OpenEoOptions options) => Path.GetFullPath(options.DataDirectory);
}
