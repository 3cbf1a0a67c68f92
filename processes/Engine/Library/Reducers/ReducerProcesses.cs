using OpenEoBridge.Processes.Adapters;

namespace OpenEoBridge.Processes.Library.Reducers;

/// <summary><c>sum</c>.</summary>
public sealed class Sum() : StreamingReducerProcess<SumReducer, SumState>("sum");

/// <summary><c>mean</c>.</summary>
public sealed class Mean() : StreamingReducerProcess<MeanReducer, SumState>("mean");

/// <summary><c>min</c>.</summary>
public sealed class Min() : StreamingReducerProcess<MinReducer, ExtremumState>("min");

/// <summary><c>max</c>.</summary>
public sealed class Max() : StreamingReducerProcess<MaxReducer, ExtremumState>("max");
