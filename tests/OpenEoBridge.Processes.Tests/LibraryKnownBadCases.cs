namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>Official cases of the library's processes that contradict their own process definitions.</summary>
public static partial class KnownBadCases
{
    static partial void AddLibraryCases(Dictionary<string, string> cases)
    {
        cases["array_modify#3"] = "omits 'length', whose official default is 0 (nothing removed), yet expects the element at index 2 removed, as if the default were 1.";
        cases["array_append#0"] = "appends 0 to [] and expects [1].";
        cases["array_find#6"] = "the value 3 is the element at index 0 of the labelled array [B03: 3, B04: 4]; the case expects index 1.";
        cases["product#10"] = "(-Infinity) * 3 * Infinity is -Infinity under IEEE 754, which the definition says it follows; the case expects NaN (as for sum, where Infinity - Infinity is NaN).";
    }
}
