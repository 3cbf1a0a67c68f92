using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>or</c>: evaluates <c>x</c> first and skips <c>y</c> when <c>x</c> is true.</summary>
public sealed class Or() : Process("or")
{
    public override ArgumentEvaluation ArgumentEvaluation => ArgumentEvaluation.Lazy;

    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = ThreeValuedLogic.Read(call, "x", await call.GetAsync("x").ConfigureAwait(false));
        if (x == true)
        {
            return BooleanValue.True;
        }

        var y = ThreeValuedLogic.Read(call, "y", await call.GetAsync("y").ConfigureAwait(false));
        return ThreeValuedLogic.ToValue(ThreeValuedLogic.Or(x, y));
    }
}
