using System.Globalization;
using System.Text;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>The per-process table (Markdown, ready to paste into the README) and the list of failures.</summary>
public static class OfficialReport
{
    public static string Markdown(IReadOnlyList<OfficialOutcome> outcomes)
    {
        var text = new StringBuilder();
        var offered = outcomes.Where(o => OfficialCaseRunner.IsOffered(o.Case.ProcessId)).ToList();
        string F(int n) => n.ToString(CultureInfo.InvariantCulture);
        text.AppendLine($"Official openEO process tests: {F(outcomes.Count(o => o.Status == OfficialStatus.Passed))} passed, "
            + $"{F(outcomes.Count(o => o.Status == OfficialStatus.Failed))} failed, {F(outcomes.Count(o => o.Status == OfficialStatus.NotOffered))} not offered "
            + $"of {F(outcomes.Count)} cases ({F(outcomes.Count(o => !o.Case.Experimental))} for stable processes); "
            + $"{F(offered.Select(o => o.Case.ProcessId).Distinct().Count())} of {F(outcomes.Select(o => o.Case.ProcessId).Distinct().Count())} tested processes offered.");
        text.AppendLine();
        text.AppendLine("| Process | Status | Cases | Passed | Failed | Not offered |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var group in outcomes.GroupBy(o => o.Case.ProcessId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var isOffered = OfficialCaseRunner.IsOffered(group.Key);
            var kind = group.First().Case.Experimental ? "experimental" : "stable";
            text.AppendLine($"| {group.Key} | {(isOffered ? "offered" : "not offered")}, {kind} | {F(group.Count())} | "
                + $"{F(group.Count(o => o.Status == OfficialStatus.Passed))} | {F(group.Count(o => o.Status == OfficialStatus.Failed))} | "
                + $"{F(group.Count(o => o.Status == OfficialStatus.NotOffered))} |");
        }

        var notes = outcomes.Where(o => o.Status == OfficialStatus.Failed || (o.Status == OfficialStatus.Passed && o.Detail is not null)).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Failures and notes:");
            foreach (var note in notes)
            {
                var known = KnownBadCases.All.TryGetValue(note.Case.Name, out var reason) ? $" (known bad upstream: {reason})" : "";
                text.AppendLine($"- {note.Case.Name} {note.Status}: {note.Detail}{known}");
            }
        }

        return text.ToString();
    }
}
