using System.Text.Json;
using OpenEoBridge.Backend.Errors;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>The status table must stay in step with the official errors.json.</summary>
public sealed class ErrorCodeTests
{
    private static Dictionary<string, int> Official()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedPaths.OpenEoSpec, "api", "errors.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("http").GetInt32());
    }

    [Fact]
    public void StandardCodesEqualErrorsJson()
    {
        var official = Official();

        Assert.Equal(official.OrderBy(p => p.Key), OpenEoErrorCodes.Standard.OrderBy(p => p.Key));
    }

    [Fact]
    public void BackendSpecificCodesDoNotShadowStandardOnes()
    {
        var official = Official();

        Assert.All(OpenEoErrorCodes.BackendSpecific.Keys, code => Assert.DoesNotContain(code, official.Keys));
    }

    [Fact]
    public void ExceptionsTakeTheirStatusFromTheTable()
    {
        Assert.Equal(403, new OpenEoException(OpenEoErrorCodes.TokenInvalid, "x").Status);
        Assert.Equal(404, new OpenEoException("JobNotFound", "x").Status);
        Assert.Equal(429, new OpenEoException(OpenEoErrorCodes.TooManyLoginAttempts, "x").Status);
    }
}
