namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// What one 1-D coordinate says about its axis: order, regular step, centre range and the extent covered by the
/// cells (edges, not centres: a 0.05° cell centred at 29.025 covers 29.0..29.05).
/// </summary>
public sealed record AxisExtent(
    int Count,
    bool Ascending,
    double? Step,
    double FirstCentre,
    double LastCentre,
    double MinEdge,
    double MaxEdge)
{
    /// <summary>Relative tolerance for "regular": float32-written coordinates wobble in the 7th digit.</summary>
    public const double RegularTolerance = 1e-5;

    public bool IsRegular => Step.HasValue;

    public double MinCentre => Math.Min(FirstCentre, LastCentre);

    public double MaxCentre => Math.Max(FirstCentre, LastCentre);

    /// <summary>Analyses cell centres. Cell edges come from the step (regular) or half the distance to neighbours.</summary>
    public static AxisExtent FromCentres(ReadOnlySpan<double> centres)
    {
        if (centres.IsEmpty)
        {
            throw new ArgumentException("A coordinate axis has no values.", nameof(centres));
        }

        foreach (var c in centres)
        {
            if (!double.IsFinite(c))
            {
                throw new FormatException("A coordinate axis contains NaN or infinite values.");
            }
        }

        if (centres.Length == 1)
        {
            return new AxisExtent(1, true, null, centres[0], centres[0], centres[0], centres[0]);
        }

        var ascending = centres[1] > centres[0];
        var first = centres[1] - centres[0];
        var regular = true;
        for (var i = 1; i < centres.Length; i++)
        {
            var delta = centres[i] - centres[i - 1];
            if (delta == 0 || (delta > 0) != ascending)
            {
                throw new FormatException($"Coordinate values are not strictly monotonic (index {i - 1}..{i}); the axis cannot be a cube dimension.");
            }

            regular &= Math.Abs(delta - first) <= RegularTolerance * Math.Abs(first);
        }

        // For a regular axis use the mean step: it is less sensitive to rounding of single values.
        double? step = regular ? (centres[^1] - centres[0]) / (centres.Length - 1) : null;
        var firstHalf = Math.Abs(step ?? (centres[1] - centres[0])) / 2;
        var lastHalf = Math.Abs(step ?? (centres[^1] - centres[^2])) / 2;
        var (low, lowHalf, high, highHalf) = ascending
            ? (centres[0], firstHalf, centres[^1], lastHalf)
            : (centres[^1], lastHalf, centres[0], firstHalf);
        return new AxisExtent(centres.Length, ascending, step, centres[0], centres[^1], low - lowHalf, high + highHalf);
    }

    /// <summary>Extent from a CF <c>bounds</c> variable (n x 2 values, row-major), which wins over guessed edges.</summary>
    public static AxisExtent FromCentresAndBounds(ReadOnlySpan<double> centres, ReadOnlySpan<double> bounds)
    {
        if (bounds.Length != centres.Length * 2)
        {
            throw new FormatException($"A bounds variable for {centres.Length} cells needs {centres.Length * 2} values, has {bounds.Length}.");
        }

        var guessed = FromCentres(centres);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var b in bounds)
        {
            min = Math.Min(min, b);
            max = Math.Max(max, b);
        }

        return guessed with { MinEdge = min, MaxEdge = max };
    }
}
