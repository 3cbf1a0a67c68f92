namespace OpenEoBridge.Geo.Crs.Proj;

/// <summary>Owns one <c>PJ*</c>; destroyed on dispose. Only used under its context's lock.</summary>
internal sealed class ProjObject(IntPtr handle) : IDisposable
{
    public IntPtr Handle { get; private set; } = handle;

    public void Dispose()
    {
        if (Handle != IntPtr.Zero)
        {
            ProjNative.proj_destroy(Handle);
            Handle = IntPtr.Zero;
        }
    }
}
