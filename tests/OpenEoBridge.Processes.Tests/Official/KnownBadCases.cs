namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>
/// Official cases that are wrong upstream, with the reason. They are expected to fail (or to be not offered);
/// a listed case that passes fails the tests, so the list cannot silently go stale. The process library adds its
/// own entries by implementing <see cref="AddLibraryCases"/> in its own file (LibraryKnownBadCases.cs).
/// </summary>
public static partial class KnownBadCases
{
    private const string ArrayFilterParameter = "passes the callback as 'process', but array_filter's parameter is 'condition' (ProcessParameterUnsupported).";
    private const string CountCondition = "the condition is a bare node map without {\"process_graph\": ...} and reads from_parameter 'element', which count does not pass (its callback parameter is 'x').";

    public static IReadOnlyDictionary<string, string> All { get; } = Create();

    private static Dictionary<string, string> Create()
    {
        var cases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mask#1"] = "its $ref points to assets/xyb-minimal-float.json5, which does not exist upstream (xyt-minimal-float.json5 is probably meant).",
            ["count#4"] = CountCondition,
            ["count#5"] = CountCondition,
            ["all#8"] = "expects true for [null] with ignore_nodata false; all.json's own example gives null for exactly these arguments.",
            ["any#8"] = "expects false for [null] with ignore_nodata false; any.json's own example gives null for exactly these arguments.",
            ["array_element#3"] = "asks for the label \"BO2\" (letter O) in an array labelled B01..B03 and expects the element of \"B02\".",
            ["lte#15"] = "expects Infinity <= Infinity to be false, contradicting IEEE 754, eq#16 (Infinity == Infinity) and gte#15 (Infinity >= Infinity is true).",
            ["array_apply#8"] = "its callback calls the misspelled process 'mulitply' (ProcessUnsupported).",
            ["array_filter#0"] = ArrayFilterParameter + " Its callback also has the key 'x' twice and no 'y'.",
        };
        for (var i = 1; i <= 6; i++)
        {
            cases[$"array_filter#{i}"] = ArrayFilterParameter;
        }

        AddLibraryCases(cases);
        return cases;
    }

    static partial void AddLibraryCases(Dictionary<string, string> cases);
}
