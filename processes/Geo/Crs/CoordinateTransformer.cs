using OpenEoBridge.Geo.Crs.Proj;

namespace OpenEoBridge.Geo.Crs;

/// <summary>
/// Transforms coordinates between two CRSs with PROJ. Input and output are always x = east/longitude,
/// y = north/latitude (PROJ's "normalized for visualization" order), whatever the CRS's authority axis order.
/// Points PROJ cannot transform come back as NaN. Safe to share between threads (calls are serialized);
/// each instance owns its own PROJ context, so separate instances run in parallel.
/// </summary>
public sealed class CoordinateTransformer : IDisposable
{
    private readonly ProjContext _context;
    private readonly ProjObject _operation;

    public CoordinateTransformer(CoordinateReferenceSystem source, CoordinateReferenceSystem target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Source = source;
        Target = target;
        _context = new ProjContext();
        try
        {
            using var from = _context.Create(source.Wkt2);
            using var to = _context.Create(target.Wkt2);
            var raw = ProjNative.proj_create_crs_to_crs_from_pj(_context.Handle, from.Handle, to.Handle, IntPtr.Zero, IntPtr.Zero);
            if (raw == IntPtr.Zero)
            {
                throw new CrsException($"PROJ has no transformation from {source} to {target} ({_context.LastError()}).");
            }

            using var rawOperation = new ProjObject(raw);
            var normalized = ProjNative.proj_normalize_for_visualization(_context.Handle, raw);
            _operation = normalized != IntPtr.Zero
                ? new ProjObject(normalized)
                : throw new CrsException($"PROJ cannot order the axes of {source} -> {target} as east/north ({_context.LastError()}).");
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    public CoordinateReferenceSystem Source { get; }

    public CoordinateReferenceSystem Target { get; }

    /// <summary>A transformer to WGS 84 longitude/latitude.</summary>
    public static CoordinateTransformer ToWgs84(CoordinateReferenceSystem source) => new(source, CoordinateReferenceSystem.Wgs84);

    public (double X, double Y) Transform(double x, double y)
    {
        Span<double> xs = [x];
        Span<double> ys = [y];
        TransformInPlace(xs, ys);
        return (xs[0], ys[0]);
    }

    /// <summary>Transforms many points at once (one native call); failed points become NaN.</summary>
    public unsafe void TransformInPlace(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"x has {xs.Length} values but y has {ys.Length}.", nameof(ys));
        }

        if (xs.IsEmpty)
        {
            return;
        }

        lock (_context.Lock)
        {
            ObjectDisposedException.ThrowIf(_operation.Handle == IntPtr.Zero, this);
            fixed (double* px = xs)
            fixed (double* py = ys)
            {
                ProjNative.proj_errno_reset(_operation.Handle);
                ProjNative.proj_trans_generic(
                    _operation.Handle, ProjNative.DirectionForward,
                    px, sizeof(double), (nuint)xs.Length,
                    py, sizeof(double), (nuint)ys.Length,
                    null, 0, 0, null, 0, 0);
            }
        }

        // PROJ marks failures with HUGE_VAL; NaN is what the rest of the code treats as "no value".
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
            {
                xs[i] = double.NaN;
                ys[i] = double.NaN;
            }
        }
    }

    /// <summary>
    /// The box in the target CRS that holds the whole source box: every edge is densified with
    /// <paramref name="densifyPoints"/> points (PROJ's proj_trans_bounds), so curved edges and poles are covered.
    /// </summary>
    public unsafe BoundingBox TransformBounds(BoundingBox box, int densifyPoints = 21)
    {
        if (!(box.MinX <= box.MaxX && box.MinY <= box.MaxY))
        {
            throw new ArgumentException($"Bounding box {box} has min > max or NaN.", nameof(box));
        }

        double minX, minY, maxX, maxY;
        int ok;
        lock (_context.Lock)
        {
            ObjectDisposedException.ThrowIf(_operation.Handle == IntPtr.Zero, this);
            ok = ProjNative.proj_trans_bounds(
                _context.Handle, _operation.Handle, ProjNative.DirectionForward,
                box.MinX, box.MinY, box.MaxX, box.MaxY, &minX, &minY, &maxX, &maxY, densifyPoints);
        }

        return ok != 0 && double.IsFinite(minX) && double.IsFinite(maxY)
            ? new BoundingBox(minX, minY, maxX, maxY)
            : throw new CrsException($"Bounding box {box} cannot be transformed from {Source} to {Target}.");
    }

    public void Dispose()
    {
        lock (_context.Lock)
        {
            _operation.Dispose();
        }

        _context.Dispose();
    }
}
