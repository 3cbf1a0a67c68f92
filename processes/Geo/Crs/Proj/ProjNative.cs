using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenEoBridge.Geo.Crs.Proj;

/// <summary>
/// The subset of the PROJ C API (proj.h, PROJ 8.2+; Debian ships libproj25 = PROJ 9.1) that the CRS type and
/// the transformer need. Pointers returned as <c>const char*</c> are owned by PROJ and copied immediately.
/// </summary>
internal static partial class ProjNative
{
    private const string Library = "proj";

    // Debian installs only the versioned name (libproj.so.25) unless libproj-dev is present.
    private static readonly string[] Candidates =
        ["libproj.so.25", "libproj.so.26", "libproj.so.22", "libproj.so", "libproj.dylib", "proj_9.dll", "proj.dll"];

    static ProjNative() => NativeLibrary.SetDllImportResolver(typeof(ProjNative).Assembly, Resolve);

    public const int DirectionForward = 1;
    public const int DirectionInverse = -1;

    public const int WktType2019 = 2;
    public const int WktTypeWkt1Gdal = 4;

    public const int ComparisonEquivalentExceptAxisOrderGeographic = 2;

    public const int LogLevelNone = 0;

    /// <summary>Forces the resolver to run and reports a missing library as a clear error.</summary>
    public static void EnsureLoaded()
    {
        try
        {
            _ = proj_context_errno_string(IntPtr.Zero, 0);
        }
        catch (DllNotFoundException e)
        {
            throw new CrsException("The PROJ library (Debian package libproj25 with proj-data) is not installed; coordinate reference systems cannot be used.", e);
        }
    }

    [LibraryImport(Library)]
    public static partial IntPtr proj_context_create();

    [LibraryImport(Library)]
    public static partial void proj_context_destroy(IntPtr context);

    [LibraryImport(Library)]
    public static partial int proj_log_level(IntPtr context, int level);

    [LibraryImport(Library)]
    public static partial int proj_context_errno(IntPtr context);

    [LibraryImport(Library)]
    public static partial IntPtr proj_context_errno_string(IntPtr context, int error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr proj_create(IntPtr context, string definition);

    [LibraryImport(Library)]
    public static partial IntPtr proj_destroy(IntPtr pj);

    [LibraryImport(Library)]
    public static partial IntPtr proj_create_crs_to_crs_from_pj(IntPtr context, IntPtr sourceCrs, IntPtr targetCrs, IntPtr area, IntPtr options);

    [LibraryImport(Library)]
    public static partial IntPtr proj_normalize_for_visualization(IntPtr context, IntPtr pj);

    [LibraryImport(Library)]
    public static unsafe partial nuint proj_trans_generic(
        IntPtr pj, int direction,
        double* x, nuint sx, nuint nx,
        double* y, nuint sy, nuint ny,
        double* z, nuint sz, nuint nz,
        double* t, nuint st, nuint nt);

    [LibraryImport(Library)]
    public static unsafe partial int proj_trans_bounds(
        IntPtr context, IntPtr pj, int direction,
        double xmin, double ymin, double xmax, double ymax,
        double* outXmin, double* outYmin, double* outXmax, double* outYmax,
        int densifyPoints);

    [LibraryImport(Library)]
    public static partial int proj_errno(IntPtr pj);

    [LibraryImport(Library)]
    public static partial int proj_errno_reset(IntPtr pj);

    [LibraryImport(Library)]
    public static partial int proj_is_crs(IntPtr pj);

    [LibraryImport(Library)]
    public static partial IntPtr proj_get_name(IntPtr pj);

    [LibraryImport(Library)]
    public static partial IntPtr proj_get_id_auth_name(IntPtr pj, int index);

    [LibraryImport(Library)]
    public static partial IntPtr proj_get_id_code(IntPtr pj, int index);

    [LibraryImport(Library)]
    public static partial IntPtr proj_as_wkt(IntPtr context, IntPtr pj, int type, IntPtr options);

    [LibraryImport(Library)]
    public static partial IntPtr proj_as_projjson(IntPtr context, IntPtr pj, IntPtr options);

    [LibraryImport(Library)]
    public static partial IntPtr proj_as_proj_string(IntPtr context, IntPtr pj, int type, IntPtr options);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial IntPtr proj_identify(IntPtr context, IntPtr pj, string? authority, IntPtr options, int** confidence);

    [LibraryImport(Library)]
    public static partial int proj_list_get_count(IntPtr list);

    [LibraryImport(Library)]
    public static partial IntPtr proj_list_get(IntPtr context, IntPtr list, int index);

    [LibraryImport(Library)]
    public static partial void proj_list_destroy(IntPtr list);

    [LibraryImport(Library)]
    public static unsafe partial void proj_int_list_destroy(int* list);

    [LibraryImport(Library)]
    public static partial int proj_is_equivalent_to_with_ctx(IntPtr context, IntPtr pj, IntPtr other, int criterion);

    [LibraryImport(Library)]
    public static partial IntPtr proj_crs_get_geodetic_crs(IntPtr context, IntPtr crs);

    public static string? ReadString(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        var configured = Environment.GetEnvironmentVariable("OPENEO_PROJ_LIBRARY");
        foreach (var candidate in configured is null ? Candidates : [configured, .. Candidates])
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
