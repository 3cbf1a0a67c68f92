namespace OpenEoBridge.TestSupport;

/// <summary>Locates the repository and the read-only <c>../shared</c> folder beside it, as laid out in CI.</summary>
public static class SharedPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Shared { get; } = RequireDirectory(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")));

    public static string OpenEoSpec => RequireDirectory(Path.Combine(Shared, "openeo-spec"));

    public static string ZarrFixtures => RequireDirectory(Path.Combine(Shared, "zarr-fixtures"));

    public static string Bench => RequireDirectory(Path.Combine(Shared, "bench"));

    private static string FindRepositoryRoot()
    {
        var baked = typeof(SharedPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "OpenEoBridge.sln")))
        {
            return Path.GetFullPath(baked);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenEoBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OpenEoBridge.sln not found above {AppContext.BaseDirectory}");
    }

    // A missing folder must fail loudly: tests that silently find no fixtures prove nothing.
    private static string RequireDirectory(string path) =>
        Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"Required test data folder is missing: {path}");
}
