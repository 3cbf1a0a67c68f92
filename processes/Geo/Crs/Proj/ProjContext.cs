namespace OpenEoBridge.Geo.Crs.Proj;

/// <summary>
/// One PROJ context and the objects created in it. PROJ contexts are not thread-safe, so every use goes
/// through <see cref="Lock"/>; long-lived transformers own their own context instead of sharing one.
/// </summary>
internal sealed class ProjContext : IDisposable
{
    private static readonly Lazy<ProjContext> SharedInstance = new(() => new ProjContext());

    public ProjContext()
    {
        ProjNative.EnsureLoaded();
        Handle = ProjNative.proj_context_create();
        if (Handle == IntPtr.Zero)
        {
            throw new CrsException("PROJ could not create a context (is proj-data installed?).");
        }

        // PROJ logs errors to stderr by default; we report them as exceptions instead.
        ProjNative.proj_log_level(Handle, ProjNative.LogLevelNone);
    }

    /// <summary>The context for short metadata operations (parsing, identifying, formatting).</summary>
    public static ProjContext Shared => SharedInstance.Value;

    public IntPtr Handle { get; private set; }

    public Lock Lock { get; } = new();

    /// <summary>Creates a PROJ object from any definition PROJ accepts; the caller owns (destroys) it.</summary>
    public ProjObject Create(string definition)
    {
        var pj = ProjNative.proj_create(Handle, definition);
        return pj == IntPtr.Zero
            ? throw new CrsException($"Not a coordinate reference system PROJ understands: {Shorten(definition)} ({LastError()}).")
            : new ProjObject(pj);
    }

    public string LastError()
    {
        var code = ProjNative.proj_context_errno(Handle);
        return code == 0 ? "no detail from PROJ" : ProjNative.ReadString(ProjNative.proj_context_errno_string(Handle, code)) ?? $"PROJ error {code}";
    }

    public void Dispose()
    {
        if (Handle != IntPtr.Zero)
        {
            ProjNative.proj_context_destroy(Handle);
            Handle = IntPtr.Zero;
        }
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
