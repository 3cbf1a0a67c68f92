using System.Reflection;

namespace OpenEoBridge.Backend.Capabilities;

/// <summary>The back-end's own version (assembly informational version, which includes the commit when built from git).</summary>
public static class BackendVersion
{
    public static string Value { get; } =
        typeof(BackendVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
