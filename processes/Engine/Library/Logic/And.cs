using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>and</c>: evaluates <c>x</c> first and skips <c>y</c> when <c>x</c> is false (the definition allows it).</summary>
public sealed class And() : Process("and")
{
    public override ArgumentEvaluation ArgumentEvaluation => ArgumentEvaluation.Lazy;

    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = ThreeValuedLogic.Read(call, "x", await call.GetAsync("x").ConfigureAwait(false));
        if (x == false)
        {
            return BooleanValue.False;
        }

        var y = ThreeValuedLogic.Read(call, "y", await call.GetAsync("y").ConfigureAwait(false));
        return ThreeValuedLogic.ToValue(ThreeValuedLogic.And(x, y));
    }
}
