using Xunit.Abstractions;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>
/// The official openEO process test suite (../shared/openeo-spec/processes/tests) run against the engine. Every case of
/// every offered process must pass, except the known-bad ones, which must keep failing.
/// </summary>
public sealed class OfficialProcessTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in OfficialSuite.Cases)
        {
            data.Add(testCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Case_passes_or_is_not_offered(string name)
    {
        var outcome = await OfficialCaseRunner.RunAsync(OfficialSuite.Find(name));
        output.WriteLine($"{outcome.Status}: {outcome.Detail}");
        if (KnownBadCases.All.ContainsKey(name))
        {
            Assert.NotEqual(OfficialStatus.Passed, outcome.Status);
            return;
        }

        Assert.True(outcome.Status != OfficialStatus.Failed, $"{name}: {outcome.Detail}");
    }

    [Fact]
    public void The_suite_has_all_official_cases()
    {
        Assert.Equal(1014, OfficialSuite.Cases.Count);
        Assert.Equal(953, OfficialSuite.Cases.Count(c => !c.Experimental));
        Assert.Equal(155, Directory.GetFiles(OfficialSuite.Folder, "*.json5").Length);
    }

    [Fact]
    public async Task Summary_every_offered_process_passes_and_known_bad_cases_still_fail()
    {
        var outcomes = new List<OfficialOutcome>();
        foreach (var testCase in OfficialSuite.Cases)
        {
            outcomes.Add(await OfficialCaseRunner.RunAsync(testCase));
        }

        var report = OfficialReport.Markdown(outcomes);
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "official-process-tests.md"), report);

        Assert.Equal(1014, outcomes.Count);
        var knownBadPassing = outcomes.Where(o => KnownBadCases.All.ContainsKey(o.Case.Name) && o.Status == OfficialStatus.Passed).Select(o => o.Case.Name).ToList();
        Assert.True(knownBadPassing.Count == 0, $"Known-bad cases now pass; remove them from KnownBadCases: {string.Join(", ", knownBadPassing)}");
        Assert.All(KnownBadCases.All.Keys, name => Assert.Contains(outcomes, o => o.Case.Name == name));
        var failures = outcomes.Where(o => o.Status == OfficialStatus.Failed && !KnownBadCases.All.ContainsKey(o.Case.Name)).ToList();
        Assert.True(failures.Count == 0, "Failing official cases:\n" + string.Join("\n", failures.Select(f => $"{f.Case.Name}: {f.Detail}")));
        Assert.Contains(outcomes, o => o.Status == OfficialStatus.Passed);
    }
}
