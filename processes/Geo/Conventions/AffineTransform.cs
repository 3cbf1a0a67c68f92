using System.Globalization;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// Pixel-to-CRS affine transform in the order rasterio, GeoZarr <c>spatial:transform</c> and STAC
/// <c>proj:transform</c> use: x = A·col + B·row + C, y = D·col + E·row + F, for the pixel's top-left corner.
/// GDAL's <c>GeoTransform</c> (what rioxarray writes) is the same six numbers as C A B F D E.
/// </summary>
public readonly record struct AffineTransform(double A, double B, double C, double D, double E, double F)
{
    /// <summary>No rotation or shear: each axis depends on one index only.</summary>
    public bool IsRectilinear => B == 0 && D == 0;

    public static AffineTransform FromArray(IReadOnlyList<double> values) => values.Count is 6 or 9
        ? new(values[0], values[1], values[2], values[3], values[4], values[5])
        : throw new FormatException($"An affine transform needs 6 numbers (or 9 for a 3x3 matrix), got {values.Count}.");

    public static AffineTransform FromGdal(IReadOnlyList<double> gdal) => gdal.Count == 6
        ? new(gdal[1], gdal[2], gdal[0], gdal[4], gdal[5], gdal[3])
        : throw new FormatException($"A GDAL GeoTransform has 6 numbers, got {gdal.Count}.");

    /// <summary>Parses rioxarray's <c>GeoTransform</c> attribute: six numbers separated by spaces.</summary>
    public static AffineTransform FromGdalString(string text)
    {
        var parts = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new FormatException($"GeoTransform '{text}' has a non-numeric entry '{parts[i]}'.");
            }
        }

        return FromGdal(numbers);
    }

    /// <summary>Builds the transform of a rectilinear grid from its first cell centre and signed steps.</summary>
    public static AffineTransform FromCentres(double firstX, double stepX, double firstY, double stepY) =>
        new(stepX, 0, firstX - (stepX / 2), 0, stepY, firstY - (stepY / 2));

    public double[] ToArray() => [A, B, C, D, E, F];

    public double[] ToGdal() => [C, A, B, F, D, E];

    /// <summary>As rioxarray writes it ("29.0 0.05 0.0 6.0 0.0 -0.05"), with round-trip precision.</summary>
    public string ToGdalString() => string.Join(' ', ToGdal().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>CRS coordinates of the given (fractional) pixel position; (col + 0.5, row + 0.5) is a cell centre.</summary>
    public (double X, double Y) Apply(double column, double row) => ((A * column) + (B * row) + C, (D * column) + (E * row) + F);

    /// <summary>The box covered by a grid of <paramref name="rows"/> x <paramref name="columns"/> cells (cell edges).</summary>
    public Crs.BoundingBox CellEdgeBounds(long rows, long columns)
    {
        var corners = new[] { Apply(0, 0), Apply(columns, 0), Apply(0, rows), Apply(columns, rows) };
        return new Crs.BoundingBox(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
    }
}
