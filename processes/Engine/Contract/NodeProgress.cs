using System.Collections.Immutable;

namespace OpenEoBridge.Processes.Contract;

/// <summary>Progress of a run: a node finished (path innermost first), with the count of finished top-level nodes.</summary>
public sealed record NodeProgress(ImmutableArray<NodePathSegment> Path, int CompletedNodes, int TotalNodes);
